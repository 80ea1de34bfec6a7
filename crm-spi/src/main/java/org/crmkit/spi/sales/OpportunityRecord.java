package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * A sales opportunity as storage keeps it: plain data, already validated by the domain; a store
 * gives it back equal and finds it by the keys of {@link #KIND}.
 *
 * <p>Codes ({@code status}, activity kinds) are the names of the domain's enums; a store treats
 * them as opaque text. Probabilities are fractions from 0 to 1 with the scale the domain gave
 * them. Instants are truncated to microseconds.
 *
 * @param id                    the opportunity's id; not null
 * @param tenant                the tenant it belongs to; a valid tenant id
 * @param version               the version this record represents, at least 1
 * @param customerId            the customer the opportunity is with; not null
 * @param ownerId               the responsible salesperson's staff id; not blank
 * @param name                  a short title; not blank
 * @param amount                the expected amount of the deal; not null
 * @param expectedClose         the date the deal is expected to close; not null
 * @param pipelineId            the pipeline the opportunity moves through; not null
 * @param stageCode             the code of its current stage (the last one, once closed); not blank
 * @param stageProbability      the default win probability of the current stage; not null
 * @param probability           the effective win probability; not null
 * @param probabilitySetByHand  whether {@code probability} was set by hand since the last stage change
 * @param status                {@code "OPEN"}, {@code "WON"} or {@code "LOST"}; not blank
 * @param stageHistory          every stage change, oldest first, starting with the opening; not null
 * @param routingHistory        every routing to another owner, oldest first; not null, may be empty
 * @param activities            the activities, in the order they were planned; not null, may be empty
 * @param closeReason           why it was won or lost; null while open
 * @param competitor            the competitor it was won against or lost to; may be null
 * @param closedAt              when it was won or lost; null while open
 * @param closedBy              who closed it; null while open
 * @param campaignId            the campaign it is attributed to; may be null
 * @param leadId                the lead it was converted from; may be null
 * @param createdAt             when it was opened; not null
 * @param updatedAt             when this version was written; not null
 * @since 0.1
 */
public record OpportunityRecord(
        UUID id,
        String tenant,
        long version,
        UUID customerId,
        String ownerId,
        String name,
        MoneyRecord amount,
        LocalDate expectedClose,
        UUID pipelineId,
        String stageCode,
        BigDecimal stageProbability,
        BigDecimal probability,
        boolean probabilitySetByHand,
        String status,
        List<OpportunityStageChangeRecord> stageHistory,
        List<OpportunityRoutingRecord> routingHistory,
        List<OpportunityActivityRecord> activities,
        String closeReason,
        String competitor,
        Instant closedAt,
        String closedBy,
        UUID campaignId,
        UUID leadId,
        Instant createdAt,
        Instant updatedAt) implements StoredRecord {

    /**
     * The kind of opportunity records, queryable by {@code customerId}, {@code ownerId},
     * {@code status}, {@code pipelineId}, {@code campaignId} and {@code leadId} (UUIDs in their
     * lower-case text form).
     */
    public static final RecordKind<OpportunityRecord> KIND = RecordKind.of("opportunity", OpportunityRecord.class,
            List.of("customerId", "ownerId", "status", "pipelineId", "campaignId", "leadId"),
            r -> Arrays.asList(
                    IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("ownerId", r.ownerId()),
                    IndexKey.ofNullable("status", r.status()),
                    IndexKey.ofNullable("pipelineId", r.pipelineId()),
                    IndexKey.ofNullable("campaignId", r.campaignId()),
                    IndexKey.ofNullable("leadId", r.leadId())));

    public OpportunityRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(customerId, "customerId");
        notBlank(ownerId, "ownerId");
        notBlank(name, "name");
        notNull(amount, "amount");
        notNull(expectedClose, "expectedClose");
        notNull(pipelineId, "pipelineId");
        notBlank(stageCode, "stageCode");
        notNull(stageProbability, "stageProbability");
        notNull(probability, "probability");
        notBlank(status, "status");
        stageHistory = copy(stageHistory, "stageHistory");
        routingHistory = copy(routingHistory, "routingHistory");
        activities = copy(activities, "activities");
        nullOrNotBlank(closeReason, "closeReason");
        nullOrNotBlank(competitor, "competitor");
        closedAt = micros(closedAt);
        nullOrNotBlank(closedBy, "closedBy");
        createdAt = micros(notNull(createdAt, "createdAt"));
        updatedAt = micros(notNull(updatedAt, "updatedAt"));
    }
}
