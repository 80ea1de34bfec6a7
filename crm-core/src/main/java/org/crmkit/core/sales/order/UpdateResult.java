package org.crmkit.core.sales.order;

import java.util.Objects;

/**
 * The answer of {@link Orders#applyUpdate}: what the update did, and the order as it now stands.
 * Immutable and thread-safe.
 *
 * @param outcome what the update did; not null
 * @param order   the order as stored after the update (unchanged unless {@code outcome} is
 *                {@link UpdateOutcome#APPLIED}); not null
 * @since 0.1
 */
public record UpdateResult(UpdateOutcome outcome, Order order) {

    public UpdateResult {
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(order, "order must not be null");
    }
}
