package org.crmkit.core.customer;

import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;

/**
 * A customer id names no customer of the tenant: it does not exist, or it belongs to another
 * tenant (which is not revealed). A {@link ValidationException} on field {@code customerId}.
 *
 * @since 0.1
 */
public class NoSuchCustomerException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final transient CustomerId customerId;

    public NoSuchCustomerException(TenantId tenant, CustomerId customerId) {
        super("customerId", "must name a customer of tenant '" + tenant + "'", customerId);
        this.customerId = customerId;
    }

    /** @return the id that was not found */
    public CustomerId customerId() {
        return customerId;
    }
}
