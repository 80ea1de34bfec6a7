package org.crmkit.core.sales.order;

import org.crmkit.core.sales.OrderId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;

/**
 * An order id names no order of the tenant: it does not exist, or it belongs to another tenant
 * (which is not revealed). A {@link ValidationException} on field {@code orderId}.
 *
 * @since 0.1
 */
public class NoSuchOrderException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final transient OrderId orderId;

    /**
     * @param tenant  the tenant that was searched; not null
     * @param orderId the id that was not found; not null
     */
    public NoSuchOrderException(TenantId tenant, OrderId orderId) {
        super("orderId", "must name an order of tenant '" + tenant + "'", orderId);
        this.orderId = orderId;
    }

    /** @return the id that was not found */
    public OrderId orderId() {
        return orderId;
    }
}
