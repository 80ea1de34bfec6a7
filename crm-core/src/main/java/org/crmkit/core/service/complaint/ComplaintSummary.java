package org.crmkit.core.service.complaint;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.customer.CustomerId;

/**
 * How a customer's complaints stand, for the customer's record. Immutable.
 *
 * @param customerId the customer; not null
 * @param open       how many are not closed; at least 0
 * @param total      how many there are; at least {@code open} and {@code repeats}
 * @param repeats    how many were flagged as repeats when received (see {@link ComplaintPolicy})
 * @param last       when the customer last complained; empty if never
 * @since 0.1
 */
public record ComplaintSummary(CustomerId customerId, int open, int total, int repeats, Optional<Instant> last) {

    public ComplaintSummary {
        Objects.requireNonNull(customerId, "customerId must not be null");
        Objects.requireNonNull(last, "last must not be null");
        if (open < 0 || repeats < 0 || total < open || total < repeats || (total == 0) != last.isEmpty()) {
            throw new IllegalArgumentException("inconsistent summary: open " + open + ", total " + total
                    + ", repeats " + repeats + ", last " + last);
        }
    }
}
