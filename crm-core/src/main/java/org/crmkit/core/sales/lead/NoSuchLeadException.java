package org.crmkit.core.sales.lead;

import org.crmkit.core.sales.LeadId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;

/**
 * A lead id names no lead of the tenant: it does not exist, or it belongs to another tenant
 * (which is not revealed). A {@link ValidationException} on field {@code leadId}.
 *
 * @since 0.1
 */
public class NoSuchLeadException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final transient LeadId leadId;

    public NoSuchLeadException(TenantId tenant, LeadId leadId) {
        super("leadId", "must name a lead of tenant '" + tenant + "'", leadId);
        this.leadId = leadId;
    }

    /** @return the id that was not found */
    public LeadId leadId() {
        return leadId;
    }
}
