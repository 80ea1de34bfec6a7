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
 * A customer's complaint and its handling (domain §10) as storage keeps it. Codes are the names of
 * the domain's enums; a store treats them as opaque text.
 *
 * @param id                  the complaint's id; not null
 * @param tenant              the tenant; a valid tenant id
 * @param version             at least 1
 * @param customerId          the customer who complained; not null
 * @param channel             the channel it came in on, for example {@code PHONE}; not blank
 * @param category            what it is about, for example {@code DELIVERY}; not blank
 * @param text                what the customer said; not blank
 * @param receivedBy          the staff member who received it; null when the customer filed it alone
 * @param receivedAt          when it was received; not null
 * @param acknowledgement     the acknowledgement given to the customer; not blank
 * @param status              {@code RECEIVED}, {@code UNDER_INVESTIGATION}, {@code ANSWERED},
 *                            {@code FOLLOWED_UP} or {@code CLOSED}; not blank
 * @param repeat              whether it repeats an earlier complaint of the customer in the same
 *                            category, as judged when it was received
 * @param repeatOf            the earlier complaint it repeats; set exactly when {@code repeat}
 * @param firstAnsweredAt     when it was first answered; may be null
 * @param awaitingAnswerSince since when it waits for an answer (received or reopened); null while answered
 * @param steps               every step of its handling, oldest first; not null
 * @since 0.1
 */
public record ComplaintRecord(
        UUID id, String tenant, long version, UUID customerId, String channel, String category, String text,
        String receivedBy, Instant receivedAt, String acknowledgement, String status, boolean repeat, UUID repeatOf,
        Instant firstAnsweredAt, Instant awaitingAnswerSince, List<ComplaintStepRecord> steps)
        implements StoredRecord {

    /** The kind, queryable by customerId, category and status. */
    public static final RecordKind<ComplaintRecord> KIND = RecordKind.of("complaint", ComplaintRecord.class,
            List.of("customerId", "category", "status"),
            r -> Arrays.asList(IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("category", r.category()),
                    IndexKey.ofNullable("status", r.status())));

    public ComplaintRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(customerId, "customerId");
        notBlank(channel, "channel");
        notBlank(category, "category");
        notBlank(text, "text");
        nullOrNotBlank(receivedBy, "receivedBy");
        receivedAt = micros(notNull(receivedAt, "receivedAt"));
        notBlank(acknowledgement, "acknowledgement");
        notBlank(status, "status");
        if (repeat != (repeatOf != null)) {
            throw new ValidationException("repeatOf", "must be set exactly when the complaint is a repeat", repeatOf);
        }
        firstAnsweredAt = micros(firstAnsweredAt);
        awaitingAnswerSince = micros(awaitingAnswerSince);
        steps = copy(steps, "steps");
    }
}
