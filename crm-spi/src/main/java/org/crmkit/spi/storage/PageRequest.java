package org.crmkit.spi.storage;

import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * Which page of a query to read: a page size and, after the first page, the opaque cursor the
 * previous page returned. Paging is by key, not by offset, so that a page is as cheap to read at
 * the end of a large table as at its start.
 *
 * <p>Cursors are opaque strings made by the store. They stay valid across units of work, and a
 * cursor a store did not issue is refused with a {@link ValidationException} on {@code after}.
 *
 * @param size  the most items to return, 1 to {@value #MAX_SIZE}
 * @param after the cursor of the previous page ({@link Page#next()}); null for the first page
 * @since 0.1
 */
public record PageRequest(int size, String after) {

    /** The largest page a store must serve. */
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationException("size", "must be between 1 and " + MAX_SIZE, size);
        }
        if (after != null && after.isBlank()) {
            throw new ValidationException("after", "must be absent (null) or not blank", after);
        }
    }

    /** @return a request for the first page of {@code size} items */
    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }

    /** @return the cursor to continue after, if this is not the first page */
    public Optional<String> cursor() {
        return Optional.ofNullable(after);
    }
}
