package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * A service work order as storage keeps it (domain §10: "the work order is the main line"). Codes are
 * the names of the domain's enums; a store treats them as opaque text.
 *
 * @param id          the work order's id; not null
 * @param tenant      the tenant; a valid tenant id
 * @param version     at least 1
 * @param customerId  the customer served; not null
 * @param orderId     the delivered order it is about; may be null
 * @param campaignId  the campaign that started the loop; may be null
 * @param subject     a one-line subject; not blank
 * @param description the customer's problem in their words; may be null
 * @param priority    {@code LOW}, {@code NORMAL}, {@code HIGH} or {@code URGENT}; not blank
 * @param status      {@code OPEN}, {@code IN_PROGRESS}, {@code RESOLVED} or {@code CLOSED}; not blank
 * @param assigneeId  the staff member working on it; may be null
 * @param origin      {@code ORDER}, {@code SELF_SERVICE}, {@code CALL} or {@code COMPLAINT}; not blank
 * @param steps       every step, oldest first; not null, may be empty
 * @param createdAt   when it was opened; not null
 * @param resolvedAt  when it was last resolved; null while it is not resolved
 * @param requiredSkill   the skill an agent needs to be dispatched it, lower case; may be null (any agent)
 * @param responseDueAt   when the first response (assignment or start) is due; null if no service level applies
 * @param resolutionDueAt when the resolution is due; null if no service level applies
 * @param respondedAt     when it was first assigned or started; null until then
 * @param breaches        the service-level targets it missed, oldest first; not null, may be empty (null is
 *                        read as empty, so that documents stored before service levels still read)
 * @since 0.1
 */
public record WorkOrderRecord(
        UUID id, String tenant, long version, UUID customerId, UUID orderId, UUID campaignId, String subject,
        String description, String priority, String status, String assigneeId, String origin,
        List<WorkOrderStepRecord> steps, Instant createdAt, Instant resolvedAt, String requiredSkill,
        Instant responseDueAt, Instant resolutionDueAt, Instant respondedAt, List<ServiceLevelBreachRecord> breaches)
        implements StoredRecord {

    /** The kind, queryable by customerId, orderId, campaignId, status and assigneeId. */
    public static final RecordKind<WorkOrderRecord> KIND = RecordKind.of("work_order", WorkOrderRecord.class,
            List.of("customerId", "orderId", "campaignId", "status", "assigneeId"),
            r -> Arrays.asList(IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("orderId", r.orderId()),
                    IndexKey.ofNullable("campaignId", r.campaignId()),
                    IndexKey.ofNullable("status", r.status()),
                    IndexKey.ofNullable("assigneeId", r.assigneeId())));

    public WorkOrderRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(customerId, "customerId");
        notBlank(subject, "subject");
        nullOrNotBlank(description, "description");
        notBlank(priority, "priority");
        notBlank(status, "status");
        nullOrNotBlank(assigneeId, "assigneeId");
        notBlank(origin, "origin");
        steps = copy(steps, "steps");
        createdAt = micros(notNull(createdAt, "createdAt"));
        resolvedAt = micros(resolvedAt);
        nullOrNotBlank(requiredSkill, "requiredSkill");
        responseDueAt = micros(responseDueAt);
        resolutionDueAt = micros(resolutionDueAt);
        respondedAt = micros(respondedAt);
        breaches = breaches == null ? List.of() : copy(breaches, "breaches");
    }

    /**
     * A work order without service levels, skill or breaches: the shape of the record before they
     * were added, kept so that existing callers compile.
     */
    public WorkOrderRecord(UUID id, String tenant, long version, UUID customerId, UUID orderId, UUID campaignId,
                           String subject, String description, String priority, String status, String assigneeId,
                           String origin, List<WorkOrderStepRecord> steps, Instant createdAt, Instant resolvedAt) {
        this(id, tenant, version, customerId, orderId, campaignId, subject, description, priority, status, assigneeId,
                origin, steps, createdAt, resolvedAt, null, null, null, null, List.of());
    }
}
