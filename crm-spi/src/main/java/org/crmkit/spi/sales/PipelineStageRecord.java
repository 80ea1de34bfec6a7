package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.math.BigDecimal;

/**
 * One stage of a {@link PipelineRecord}, as storage keeps it.
 *
 * @param code               the stage's code, unique in its pipeline, for example {@code "PROPOSAL"}; not blank
 * @param name               the stage's display name, unique in its pipeline; not blank
 * @param defaultProbability the default win probability of an opportunity in this stage, 0 to 1,
 *                           with the scale the domain gave it; not null
 * @since 0.1
 */
public record PipelineStageRecord(String code, String name, BigDecimal defaultProbability) {

    public PipelineStageRecord {
        notBlank(code, "stage.code");
        notBlank(name, "stage.name");
        notNull(defaultProbability, "stage.defaultProbability");
    }
}
