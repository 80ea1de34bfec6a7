package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.copy;
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
 * One revision of a survey definition (a questionnaire, domain §7): its questions and its state.
 *
 * @param id          the revision's id; not null
 * @param tenant      the tenant; a valid tenant id
 * @param version     the stored version (optimistic locking), at least 1
 * @param key         the questionnaire's key, shared by all its revisions, for example {@code "after-service"};
 *                    not blank
 * @param revision    the revision number within the key, at least 1
 * @param title       the title; not blank
 * @param status      {@code DRAFT}, {@code PUBLISHED} or {@code RETIRED}; not blank
 * @param questions   the questions in the order they are asked; not null, no null element
 * @param createdAt   when the revision was drafted; not null
 * @param publishedAt when it was published; null while a draft
 * @param retiredAt   when it was retired; null unless retired
 * @since 0.1
 */
public record QuestionnaireRecord(UUID id, String tenant, long version, String key, int revision, String title,
                                  String status, List<QuestionRecord> questions, Instant createdAt,
                                  Instant publishedAt, Instant retiredAt) implements StoredRecord {

    /** The kind, queryable by key and status. */
    public static final RecordKind<QuestionnaireRecord> KIND = RecordKind.of("questionnaire",
            QuestionnaireRecord.class, List.of("key", "status"),
            r -> Arrays.asList(IndexKey.ofNullable("key", r.key()), IndexKey.ofNullable("status", r.status())));

    public QuestionnaireRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(key, "key");
        if (revision < 1) {
            throw new ValidationException("revision", "must be at least 1", revision);
        }
        notBlank(title, "title");
        notBlank(status, "status");
        questions = copy(questions, "questions");
        createdAt = micros(notNull(createdAt, "createdAt"));
        publishedAt = micros(publishedAt);
        retiredAt = micros(retiredAt);
    }
}
