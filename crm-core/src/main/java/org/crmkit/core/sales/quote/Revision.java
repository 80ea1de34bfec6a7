package org.crmkit.core.sales.quote;

import java.util.Objects;

/**
 * The outcome of {@link Quotes#revise}: the quote as it is now kept ({@code SUPERSEDED}) and the
 * new draft that replaces it. Immutable.
 *
 * @param superseded the old quote, unchanged but for its state; not null
 * @param revision   the new draft; not null
 * @since 0.1
 */
public record Revision(Quote superseded, Quote revision) {

    public Revision {
        Objects.requireNonNull(superseded, "superseded must not be null");
        Objects.requireNonNull(revision, "revision must not be null");
    }
}
