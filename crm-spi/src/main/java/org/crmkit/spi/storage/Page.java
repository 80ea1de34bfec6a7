package org.crmkit.spi.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query's results.
 *
 * @param items the items of this page, in the query's order; never null, never more than the
 *              requested size
 * @param next  the request for the following page, or empty if this is the last; a store may
 *              return a next request that then yields an empty page
 * @param <T>   the item type
 * @since 0.1
 */
public record Page<T>(List<T> items, Optional<PageRequest> next) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items must not be null"));
        Objects.requireNonNull(next, "next must not be null");
    }

    /** @return a last page holding {@code items} */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    /** @return a page holding {@code items}, followed by the page after {@code cursor} */
    public static <T> Page<T> of(List<T> items, int size, String cursor) {
        return new Page<>(items, Optional.of(new PageRequest(size, cursor)));
    }
}
