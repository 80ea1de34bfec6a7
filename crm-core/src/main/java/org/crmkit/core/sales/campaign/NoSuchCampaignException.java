package org.crmkit.core.sales.campaign;

import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;

/**
 * A campaign id names no campaign of the tenant: it does not exist, or it belongs to another
 * tenant (which is not revealed). A {@link ValidationException} on field {@code campaignId}.
 *
 * @since 0.1
 */
public class NoSuchCampaignException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final transient CampaignId campaignId;

    public NoSuchCampaignException(TenantId tenant, CampaignId campaignId) {
        super("campaignId", "must name a campaign of tenant '" + tenant + "'", campaignId);
        this.campaignId = campaignId;
    }

    /** @return the id that was not found */
    public CampaignId campaignId() {
        return campaignId;
    }
}
