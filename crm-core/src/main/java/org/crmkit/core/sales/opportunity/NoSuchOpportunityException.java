package org.crmkit.core.sales.opportunity;

import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.CrmException;

/**
 * An opportunity id names no opportunity of the tenant: it does not exist, or it belongs to
 * another tenant (which is not revealed).
 *
 * @since 0.1
 */
public class NoSuchOpportunityException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient OpportunityId opportunityId;

    /**
     * @param tenant        the tenant that was searched
     * @param opportunityId the id that was not found
     */
    public NoSuchOpportunityException(TenantId tenant, OpportunityId opportunityId) {
        super("opportunityId: must name an opportunity of tenant '" + tenant + "' (was '" + opportunityId + "')");
        this.opportunityId = opportunityId;
    }

    /** @return the id that was not found */
    public OpportunityId opportunityId() {
        return opportunityId;
    }
}
