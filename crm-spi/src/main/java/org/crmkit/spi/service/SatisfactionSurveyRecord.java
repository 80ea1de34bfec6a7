package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

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
 * A satisfaction survey sent after a delivery or a service (domain §7), with its answer.
 *
 * @param id          the survey's id; not null
 * @param tenant      the tenant; a valid tenant id
 * @param version     at least 1
 * @param customerId  the customer asked; not null
 * @param orderId     the order it is about; may be null
 * @param workOrderId the work order it is about; null for a survey after delivery
 * @param campaignId  the campaign that started the loop; may be null
 * @param trigger     {@code DELIVERY} or {@code SERVICE}; not blank
 * @param channel     the channel it went out on, for example {@code "WEB"}; not blank
 * @param status      {@code SENT}, {@code ANSWERED} or {@code EXPIRED}; not blank
 * @param sentAt      when it went out; not null
 * @param answer      the answer; null unless answered
 * @param closedAt    when it was answered or expired; null while sent
 * @since 0.1
 */
public record SatisfactionSurveyRecord(
        UUID id, String tenant, long version, UUID customerId, UUID orderId, UUID workOrderId, UUID campaignId,
        String trigger, String channel, String status, Instant sentAt, SurveyAnswerRecord answer, Instant closedAt)
        implements StoredRecord {

    /** The kind, queryable by customerId, orderId, workOrderId, campaignId and status. */
    public static final RecordKind<SatisfactionSurveyRecord> KIND = RecordKind.of("satisfaction_survey",
            SatisfactionSurveyRecord.class, List.of("customerId", "orderId", "workOrderId", "campaignId", "status"),
            r -> Arrays.asList(IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("orderId", r.orderId()),
                    IndexKey.ofNullable("workOrderId", r.workOrderId()),
                    IndexKey.ofNullable("campaignId", r.campaignId()),
                    IndexKey.ofNullable("status", r.status())));

    public SatisfactionSurveyRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(customerId, "customerId");
        notBlank(trigger, "trigger");
        notBlank(channel, "channel");
        notBlank(status, "status");
        sentAt = micros(notNull(sentAt, "sentAt"));
        closedAt = micros(closedAt);
    }
}
