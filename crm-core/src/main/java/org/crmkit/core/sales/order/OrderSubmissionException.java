package org.crmkit.core.sales.order;

import java.util.Objects;

import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.CrmException;

/**
 * An order is stored but the back office did not take it: the call to
 * {@link org.crmkit.spi.fulfillment.OrderFulfillment#submit} failed. The order stays
 * {@link OrderStatus#CREATED}, nothing half-written; submit it again with
 * {@link Orders#submit(OrderId)} (the back office is idempotent by order id, so a retry after a
 * lost answer does not make a second order there). The cause is the back office's exception.
 *
 * @since 0.1
 */
public class OrderSubmissionException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient OrderId orderId;

    /**
     * @param orderId the order that stays CREATED; not null
     * @param cause   why the back office did not take it; not null
     */
    public OrderSubmissionException(OrderId orderId, RuntimeException cause) {
        super("order " + Objects.requireNonNull(orderId, "orderId must not be null")
                + " is stored as CREATED but the back office did not take it (" + cause.getMessage()
                + "); submit it again with Orders.submit(" + orderId + ")", cause);
        this.orderId = orderId;
    }

    /** @return the order that stays {@link OrderStatus#CREATED} */
    public OrderId orderId() {
        return orderId;
    }
}
