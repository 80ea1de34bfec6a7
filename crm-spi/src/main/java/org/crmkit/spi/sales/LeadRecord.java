package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * A sales lead as storage keeps it: plain data, validated and normalised by the domain.
 *
 * <p>The lead is indexed by its source campaign, status, normalised e-mail and phone, its
 * organisation (the name stripped and lower-cased with {@link Locale#ROOT}, see
 * {@link #organisationKey(String)}), the customer and opportunity it was converted into, and its
 * owner.
 *
 * @param id                     the lead's id; not null
 * @param tenant                 the tenant; a valid tenant id
 * @param version                the version this record represents, at least 1
 * @param campaignId             the campaign that caused the lead; null if none
 * @param personName             the contact person's name; not blank
 * @param email                  the normalised e-mail address; may be null if {@code phone} is set
 * @param phone                  the phone number in E.164 form; may be null if {@code email} is set
 * @param organisation           the organisation's name as given; may be null
 * @param interest               what the lead is interested in; may be null
 * @param status                 the status code ({@code "NEW"}, {@code "CONTACTED"}, ...); not blank
 * @param disqualificationReason why the lead was disqualified; set exactly when disqualified
 * @param scoreTotal             the score, 0 to 100
 * @param scoreReasons           the reasons of the score, whose points add up to {@code scoreTotal}; not null
 * @param lastContactedAt        when the lead was last contacted; null if never
 * @param customerId             the customer it was converted into; null unless converted
 * @param opportunityId          the opportunity it was converted into; null unless converted
 * @param ownerId                the responsible staff member; not blank
 * @param history                every status change, oldest first; not null
 * @param createdAt              when the lead was captured; not null
 * @param updatedAt              when this version was written; not null
 * @since 0.1
 */
public record LeadRecord(
        UUID id,
        String tenant,
        long version,
        UUID campaignId,
        String personName,
        String email,
        String phone,
        String organisation,
        String interest,
        String status,
        String disqualificationReason,
        int scoreTotal,
        List<LeadScoreReasonRecord> scoreReasons,
        Instant lastContactedAt,
        UUID customerId,
        UUID opportunityId,
        String ownerId,
        List<LeadStatusChangeRecord> history,
        Instant createdAt,
        Instant updatedAt) implements StoredRecord {

    /**
     * The kind of lead records, queryable by {@code campaignId}, {@code status}, {@code email},
     * {@code phone}, {@code organisation} (the {@linkplain #organisationKey(String) key} of the
     * name), {@code customerId}, {@code opportunityId} and {@code ownerId}.
     */
    public static final RecordKind<LeadRecord> KIND = RecordKind.of("lead", LeadRecord.class,
            List.of("campaignId", "status", "email", "phone", "organisation", "customerId", "opportunityId",
                    "ownerId"),
            r -> Arrays.asList(
                    IndexKey.ofNullable("campaignId", r.campaignId()),
                    IndexKey.ofNullable("status", r.status()),
                    IndexKey.ofNullable("email", r.email()),
                    IndexKey.ofNullable("phone", r.phone()),
                    IndexKey.ofNullable("organisation", organisationKey(r.organisation())),
                    IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("opportunityId", r.opportunityId()),
                    IndexKey.ofNullable("ownerId", r.ownerId())));

    public LeadRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(personName, "personName");
        nullOrNotBlank(email, "email");
        nullOrNotBlank(phone, "phone");
        if (email == null && phone == null) {
            throw new ValidationException("email", "must be given when there is no phone");
        }
        nullOrNotBlank(organisation, "organisation");
        nullOrNotBlank(interest, "interest");
        notBlank(status, "status");
        nullOrNotBlank(disqualificationReason, "disqualificationReason");
        if (scoreTotal < 0 || scoreTotal > 100) {
            throw new ValidationException("scoreTotal", "must be between 0 and 100", scoreTotal);
        }
        scoreReasons = copy(scoreReasons, "scoreReasons");
        lastContactedAt = micros(lastContactedAt);
        notBlank(ownerId, "ownerId");
        history = copy(history, "history");
        createdAt = micros(notNull(createdAt, "createdAt"));
        updatedAt = micros(notNull(updatedAt, "updatedAt"));
    }

    /**
     * The key a lead's organisation is indexed by, the same as customers' organisations
     * ({@link CustomerQuery#organisationKey}): the name with surrounding whitespace removed,
     * lower-cased with {@link Locale#ROOT}.
     *
     * @param organisation an organisation's name; may be null
     * @return the key, or null for a null or blank name
     */
    public static String organisationKey(String organisation) {
        if (organisation == null || organisation.isBlank()) {
            return null;
        }
        return CustomerQuery.organisationKey(organisation);
    }
}
