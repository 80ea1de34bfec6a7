package org.crmkit.spi.service;

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
 * One use of the self-service knowledge base: an article offered to a customer and whether it
 * solved the problem (a deflected work order) or not (escalated to a work order).
 *
 * @param id          the session's id; not null
 * @param tenant      the tenant; a valid tenant id
 * @param version     at least 1
 * @param customerId  the customer; not null
 * @param orderId     the delivered order it is about; may be null
 * @param campaignId  the campaign that started the loop; may be null
 * @param query       what the customer searched for; not blank
 * @param articleId   the article offered; not null
 * @param status      {@code OFFERED}, {@code SOLVED} or {@code NOT_SOLVED}; not blank
 * @param workOrderId the work order it was escalated to; null unless not solved
 * @param offeredAt   when the article was offered; not null
 * @param closedAt    when the customer said whether it helped; null while offered
 * @param closedBy    the staff member who recorded the outcome; may be null (the customer did)
 * @since 0.1
 */
public record SelfServiceSessionRecord(
        UUID id, String tenant, long version, UUID customerId, UUID orderId, UUID campaignId, String query,
        UUID articleId, String status, UUID workOrderId, Instant offeredAt, Instant closedAt, String closedBy)
        implements StoredRecord {

    /** The kind, queryable by customerId, orderId, campaignId, articleId, status and workOrderId. */
    public static final RecordKind<SelfServiceSessionRecord> KIND = RecordKind.of("self_service_session",
            SelfServiceSessionRecord.class,
            List.of("customerId", "orderId", "campaignId", "articleId", "status", "workOrderId"),
            r -> Arrays.asList(IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("orderId", r.orderId()),
                    IndexKey.ofNullable("campaignId", r.campaignId()),
                    IndexKey.ofNullable("articleId", r.articleId()),
                    IndexKey.ofNullable("status", r.status()),
                    IndexKey.ofNullable("workOrderId", r.workOrderId())));

    public SelfServiceSessionRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(customerId, "customerId");
        notBlank(query, "query");
        notNull(articleId, "articleId");
        notBlank(status, "status");
        offeredAt = micros(notNull(offeredAt, "offeredAt"));
        closedAt = micros(closedAt);
        nullOrNotBlank(closedBy, "closedBy");
    }
}
