package org.crmkit.core.sales.opportunity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/**
 * What happened to a pipeline.
 *
 * @since 0.1
 */
public sealed interface PipelineEvent extends DomainEvent {

    /** @return the pipeline */
    PipelineId pipelineId();

    @Override
    default UUID aggregateId() {
        return pipelineId().value();
    }

    /**
     * A pipeline was defined.
     *
     * @param stages its stages, in order
     */
    record Defined(TenantId tenant, PipelineId pipelineId, Instant occurredAt, String name,
                   List<PipelineStage> stages) implements PipelineEvent {
        public Defined {
            stages = List.copyOf(stages);
        }
    }
}
