package org.crmkit.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;

/** Reads every page of a paged query, checking each page on the way. Not API. */
final class Pages {

    private Pages() {
    }

    /**
     * Follows {@link Page#next()} from the first page of {@code pageSize} until the last page,
     * checking that no page is larger than requested and that paging ends: a query that can
     * return at most {@code atMost} items gets {@code atMost + 2} pages at most.
     */
    static <T> List<T> readAll(Function<PageRequest, Page<T>> reader, int pageSize, int atMost) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        int maxPages = atMost + 2;
        for (int n = 0; n < maxPages; n++) {
            Page<T> page = reader.apply(request);
            assertThat(page).as("page %d", n).isNotNull();
            assertThat(page.items()).as("items of page %d (page size %d)", n, pageSize).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                return all;
            }
            request = page.next().get();
            assertThat(request.after())
                    .as("a page that is followed by another must give the cursor to continue after (page %d)", n)
                    .isNotNull();
        }
        return fail("paging did not end after %d pages of size %d although at most %d items match; read %d items",
                maxPages, pageSize, atMost, all.size());
    }
}
