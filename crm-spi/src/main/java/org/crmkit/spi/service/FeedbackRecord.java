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
 * A comment, complaint or product idea from a customer, traced to where it came from and to the
 * campaign that started the loop (domain §9: feedback flows back into marketing).
 *
 * @param id          the feedback's id; not null
 * @param tenant      the tenant; a valid tenant id
 * @param version     at least 1
 * @param customerId  the customer; not null
 * @param kind        {@code COMMENT}, {@code COMPLAINT} or {@code PRODUCT_IDEA}; not blank
 * @param text        what the customer said; not blank
 * @param sourceKind  {@code SURVEY}, {@code WORK_ORDER}, {@code SELF_SERVICE}, {@code ORDER} or {@code DIRECT}; not blank
 * @param sourceId    the id of the survey, work order, session or order; null for direct feedback
 * @param campaignId  the campaign that started the loop; may be null
 * @param orderId     the order it is about; may be null
 * @param status      {@code RECORDED}, {@code ACKNOWLEDGED} or {@code ROUTED_TO_MARKETING}; not blank
 * @param recordedAt  when it was recorded; not null
 * @param recordedBy  the staff member who recorded it; may be null (the customer did)
 * @param updatedAt   when its status last changed; not null
 * @since 0.1
 */
public record FeedbackRecord(
        UUID id, String tenant, long version, UUID customerId, String kind, String text, String sourceKind,
        UUID sourceId, UUID campaignId, UUID orderId, String status, Instant recordedAt, String recordedBy,
        Instant updatedAt) implements StoredRecord {

    /** The kind, queryable by customerId, campaignId, orderId, kind, status, sourceKind and sourceId. */
    public static final RecordKind<FeedbackRecord> KIND = RecordKind.of("feedback", FeedbackRecord.class,
            List.of("customerId", "campaignId", "orderId", "kind", "status", "sourceKind", "sourceId"),
            r -> Arrays.asList(IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("campaignId", r.campaignId()),
                    IndexKey.ofNullable("orderId", r.orderId()),
                    IndexKey.ofNullable("kind", r.kind()),
                    IndexKey.ofNullable("status", r.status()),
                    IndexKey.ofNullable("sourceKind", r.sourceKind()),
                    IndexKey.ofNullable("sourceId", r.sourceId())));

    public FeedbackRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(customerId, "customerId");
        notBlank(kind, "kind");
        notBlank(text, "text");
        notBlank(sourceKind, "sourceKind");
        notBlank(status, "status");
        recordedAt = micros(notNull(recordedAt, "recordedAt"));
        nullOrNotBlank(recordedBy, "recordedBy");
        updatedAt = micros(notNull(updatedAt, "updatedAt"));
    }
}
