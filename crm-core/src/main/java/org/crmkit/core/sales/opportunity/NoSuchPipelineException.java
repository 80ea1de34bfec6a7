package org.crmkit.core.sales.opportunity;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.CrmException;

/**
 * A pipeline id names no pipeline of the tenant: it does not exist, or it belongs to another
 * tenant (which is not revealed).
 *
 * @since 0.1
 */
public class NoSuchPipelineException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final transient PipelineId pipelineId;

    /**
     * @param tenant     the tenant that was searched
     * @param pipelineId the id that was not found
     */
    public NoSuchPipelineException(TenantId tenant, PipelineId pipelineId) {
        super("pipelineId: must name a pipeline of tenant '" + tenant + "' (was '" + pipelineId + "')");
        this.pipelineId = pipelineId;
    }

    /** @return the id that was not found */
    public PipelineId pipelineId() {
        return pipelineId;
    }
}
