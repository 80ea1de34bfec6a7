package org.crmkit.core.sales.order;

/**
 * What applying a {@link org.crmkit.spi.fulfillment.FulfillmentUpdate} to an order did. Back
 * offices deliver news at least once and not always in order, so the repeats are outcomes, not
 * errors. (An update that skips a step, such as a delivery of an order that was never shipped, is
 * not an outcome: it is refused with an {@link org.crmkit.core.common.IllegalTransitionException}.)
 *
 * @since 0.1
 */
public enum UpdateOutcome {
    /** The order moved to the update's status; a new version was stored and an event published. */
    APPLIED,
    /** The order already is in the update's status: nothing changed (a repeated update). */
    ALREADY_CURRENT,
    /**
     * The order went through the update's status earlier and has moved on (an update that arrived
     * late, such as a confirmation after the shipment): nothing changed.
     */
    ALREADY_PASSED;

    /** @return whether the order changed */
    public boolean changed() {
        return this == APPLIED;
    }
}
