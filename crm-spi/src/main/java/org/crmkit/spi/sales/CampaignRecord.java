package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

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
 * A marketing campaign as storage keeps it: plain data, validated and normalised by the domain.
 *
 * <p>The target is either a rule ({@code targetKind} {@code "RULE"}, its conditions in
 * {@code targetConditions}, {@code targetCustomers} empty) or a fixed list of customers
 * ({@code "FIXED_LIST"}, the customers' ids in {@code targetCustomers}, {@code targetConditions}
 * empty). Codes ({@code status}, {@code channels}) are the names of the domain's enums.
 *
 * @param id               the campaign's id; not null
 * @param tenant           the tenant; a valid tenant id
 * @param version          the version this record represents, at least 1
 * @param name             the campaign's name; not blank
 * @param channels         the channel codes it runs on, for example {@code "EMAIL"}; not null
 * @param targetKind       {@code "RULE"} or {@code "FIXED_LIST"}; not blank
 * @param targetConditions the conditions of a rule target; not null, may be empty
 * @param targetCustomers  the customers of a fixed-list target, in order; not null, may be empty
 * @param budget           the budget; not null
 * @param actualCost       the cost recorded so far, same currency as the budget; not null
 * @param startDate        the first day; not null
 * @param endDate          the last day, not before {@code startDate}; not null
 * @param status           the status code ({@code "PLANNED"}, {@code "ACTIVE"}, ...); not blank
 * @param ownerId          the responsible staff member; not blank
 * @param revenue          revenue attributed to the campaign, oldest first; not null, may be empty
 * @param feedback         feedback linked to the campaign, oldest first; not null, may be empty
 * @param history          every status change, oldest first; not null
 * @param createdAt        when the campaign was planned; not null
 * @param updatedAt        when this version was written; not null
 * @since 0.1
 */
public record CampaignRecord(
        UUID id,
        String tenant,
        long version,
        String name,
        List<String> channels,
        String targetKind,
        List<CampaignConditionRecord> targetConditions,
        List<UUID> targetCustomers,
        MoneyRecord budget,
        MoneyRecord actualCost,
        LocalDate startDate,
        LocalDate endDate,
        String status,
        String ownerId,
        List<CampaignRevenueRecord> revenue,
        List<CampaignFeedbackRecord> feedback,
        List<CampaignStatusChangeRecord> history,
        Instant createdAt,
        Instant updatedAt) implements StoredRecord {

    /** The kind of campaign records, queryable by {@code status} and {@code ownerId}. */
    public static final RecordKind<CampaignRecord> KIND = RecordKind.of("campaign", CampaignRecord.class,
            List.of("status", "ownerId"),
            r -> Arrays.asList(IndexKey.ofNullable("status", r.status()), IndexKey.ofNullable("ownerId", r.ownerId())));

    public CampaignRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(name, "name");
        channels = copy(channels, "channels");
        notBlank(targetKind, "targetKind");
        targetConditions = copy(targetConditions, "targetConditions");
        targetCustomers = copy(targetCustomers, "targetCustomers");
        notNull(budget, "budget");
        notNull(actualCost, "actualCost");
        notNull(startDate, "startDate");
        notNull(endDate, "endDate");
        if (endDate.isBefore(startDate)) {
            throw new ValidationException("endDate", "must not be before startDate " + startDate, endDate);
        }
        notBlank(status, "status");
        notBlank(ownerId, "ownerId");
        revenue = copy(revenue, "revenue");
        feedback = copy(feedback, "feedback");
        history = copy(history, "history");
        createdAt = micros(notNull(createdAt, "createdAt"));
        updatedAt = micros(notNull(updatedAt, "updatedAt"));
    }
}
