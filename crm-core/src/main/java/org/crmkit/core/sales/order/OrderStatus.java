package org.crmkit.core.sales.order;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where an order stands, and the table of the moves between states:
 * <pre>
 * CREATED ──▶ SUBMITTED ──▶ CONFIRMED ──▶ SHIPPED ──▶ DELIVERED
 *    │            │             │
 *    └────────────┴─────────────┴──▶ CANCELLED
 * </pre>
 * An order is never delivered before it is shipped, and cannot be cancelled once shipped.
 * {@link #DELIVERED} and {@link #CANCELLED} are final.
 *
 * @since 0.1
 */
public enum OrderStatus {
    /** Made from an accepted quote and stored, not yet taken by the back office. */
    CREATED,
    /** Taken by the back office, which gave its reference. */
    SUBMITTED,
    /** The back office confirmed it will fulfil the order. */
    CONFIRMED,
    /** The goods left the warehouse. */
    SHIPPED,
    /** The goods reached the customer. Final. */
    DELIVERED,
    /** The order will not be fulfilled. Final. */
    CANCELLED;

    /**
     * @param next the state to move to; not null
     * @return whether the table allows moving from this state straight to {@code next}; false for
     *         staying in the same state
     */
    public boolean canTransitionTo(OrderStatus next) {
        return successors().contains(Objects.requireNonNull(next, "next must not be null"));
    }

    /** @return the states this one may move to; empty for a final state */
    public Set<OrderStatus> successors() {
        return switch (this) {
            case CREATED -> EnumSet.of(SUBMITTED, CANCELLED);
            case SUBMITTED -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** @return whether no move leaves this state */
    public boolean isFinal() {
        return successors().isEmpty();
    }
}
