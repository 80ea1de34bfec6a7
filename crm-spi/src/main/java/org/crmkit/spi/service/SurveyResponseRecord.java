package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * A customer's submitted answers to one revision of a questionnaire (domain §7). Written once and
 * never updated.
 *
 * @param id               the response's id; not null
 * @param tenant           the tenant; a valid tenant id
 * @param version          1 (a response is not changed after it is submitted)
 * @param questionnaireId  the questionnaire revision answered; not null
 * @param questionnaireKey that revision's key; not blank
 * @param revision         that revision's number, at least 1
 * @param customerId       the customer who answered; not null
 * @param subjects         what the response is about; not null, no null element, may be empty
 * @param channel          the channel it came in on, for example {@code "WEB"}; not blank
 * @param submittedAt      when it was submitted; not null
 * @param answers          the answers, in the order given; not null, no null element
 * @since 0.1
 */
public record SurveyResponseRecord(UUID id, String tenant, long version, UUID questionnaireId,
                                   String questionnaireKey, int revision, UUID customerId,
                                   List<SubjectRecord> subjects, String channel, Instant submittedAt,
                                   List<ResponseAnswerRecord> answers) implements StoredRecord {

    /**
     * The kind, queryable by questionnaireId, questionnaireKey, customerId, channel and subject (one key
     * {@code kind:id} per subject, see {@link SubjectRecord#key()}).
     */
    public static final RecordKind<SurveyResponseRecord> KIND = RecordKind.of("survey_response",
            SurveyResponseRecord.class, List.of("questionnaireId", "questionnaireKey", "customerId", "channel",
                    "subject"),
            r -> {
                List<IndexKey> keys = new ArrayList<>();
                keys.add(IndexKey.ofNullable("questionnaireId", r.questionnaireId()));
                keys.add(IndexKey.ofNullable("questionnaireKey", r.questionnaireKey()));
                keys.add(IndexKey.ofNullable("customerId", r.customerId()));
                keys.add(IndexKey.ofNullable("channel", r.channel()));
                r.subjects().forEach(s -> keys.add(new IndexKey("subject", s.key())));
                return keys;
            });

    public SurveyResponseRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(questionnaireId, "questionnaireId");
        notBlank(questionnaireKey, "questionnaireKey");
        if (revision < 1) {
            throw new ValidationException("revision", "must be at least 1", revision);
        }
        notNull(customerId, "customerId");
        subjects = copy(subjects, "subjects");
        notBlank(channel, "channel");
        submittedAt = micros(notNull(submittedAt, "submittedAt"));
        answers = copy(answers, "answers");
    }
}
