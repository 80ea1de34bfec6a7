package org.crmkit.core.sales.quote;

import org.crmkit.core.sales.QuoteId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;

/**
 * A quote id names no quote of the tenant: it does not exist, or it belongs to another tenant
 * (which is not revealed). A {@link ValidationException} on field {@code quoteId}.
 *
 * @since 0.1
 */
public class NoSuchQuoteException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final transient QuoteId quoteId;

    /**
     * @param tenant  the tenant that was searched
     * @param quoteId the id that was not found
     */
    public NoSuchQuoteException(TenantId tenant, QuoteId quoteId) {
        super("quoteId", "must name a quote of tenant '" + tenant + "'", quoteId);
        this.quoteId = quoteId;
    }

    /** @return the id that was not found */
    public QuoteId quoteId() {
        return quoteId;
    }
}
