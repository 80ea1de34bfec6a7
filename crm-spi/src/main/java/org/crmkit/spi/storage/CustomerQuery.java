package org.crmkit.spi.storage;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * Criteria for {@link CustomerStore#query}: a customer matches when it matches every criterion
 * that is set; a query with none set matches every customer of the tenant.
 *
 * <p>Build one from {@link #all()} and the {@code with...} methods:
 * {@code CustomerQuery.all().withOwner("s-17").withType("B2B")}.
 *
 * @param ownerId        current owner's id; null for any
 * @param type           customer type code; null for any
 * @param lifecycleStage lifecycle stage code; null for any
 * @param updatedSince   only customers whose {@code updatedAt} is at or after this instant; null for any
 * @param email          a normalised e-mail address among the customer's contact points; null for any
 * @param phone          a normalised phone number among the customer's contact points; null for any
 * @param organisation   the {@linkplain #organisationKey normalised} legal name of the customer's
 *                       organisation: a customer matches when its organisation's legal name, stripped of
 *                       surrounding white space ({@link String#strip()}) and lower-cased
 *                       ({@code toLowerCase(Locale.ROOT)}), equals it exactly; customers without an
 *                       organisation never match. The value must already be in that form (use
 *                       {@link #organisationKey}); null for any
 * @since 0.1
 */
public record CustomerQuery(
        String ownerId, String type, String lifecycleStage, Instant updatedSince, String email, String phone,
        String organisation) {

    public CustomerQuery {
        nullOrNotBlank(ownerId, "ownerId");
        nullOrNotBlank(type, "type");
        nullOrNotBlank(lifecycleStage, "lifecycleStage");
        updatedSince = micros(updatedSince);
        nullOrNotBlank(email, "email");
        nullOrNotBlank(phone, "phone");
        nullOrNotBlank(organisation, "organisation");
        if (organisation != null && !organisation.equals(organisationKey(organisation))) {
            throw new ValidationException("organisation", "must be a normalised legal name (stripped, lower-case)",
                    organisation);
        }
    }

    /** @return a query that matches every customer of the tenant */
    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null, null, null, null);
    }

    /**
     * The form in which the {@code organisation} criterion compares legal names: stripped of
     * surrounding white space ({@link String#strip()}) and lower-cased with {@link Locale#ROOT}.
     * Stores compare the stored legal name in this form with the criterion.
     *
     * @param legalName a legal name; not null
     * @return its normalised form, for example {@code "acme gmbh"} for {@code " ACME GmbH "}; never null
     */
    public static String organisationKey(String legalName) {
        return legalName.strip().toLowerCase(Locale.ROOT);
    }

    public CustomerQuery withOwner(String owner) {
        return new CustomerQuery(owner, type, lifecycleStage, updatedSince, email, phone, organisation);
    }

    public CustomerQuery withType(String customerType) {
        return new CustomerQuery(ownerId, customerType, lifecycleStage, updatedSince, email, phone, organisation);
    }

    public CustomerQuery withLifecycleStage(String stage) {
        return new CustomerQuery(ownerId, type, stage, updatedSince, email, phone, organisation);
    }

    public CustomerQuery withUpdatedSince(Instant since) {
        return new CustomerQuery(ownerId, type, lifecycleStage, since, email, phone, organisation);
    }

    public CustomerQuery withEmail(String normalisedEmail) {
        return new CustomerQuery(ownerId, type, lifecycleStage, updatedSince, normalisedEmail, phone, organisation);
    }

    public CustomerQuery withPhone(String normalisedPhone) {
        return new CustomerQuery(ownerId, type, lifecycleStage, updatedSince, email, normalisedPhone, organisation);
    }

    /**
     * @param normalisedLegalName a legal name in the form {@link #organisationKey} returns, for
     *                            example {@code "acme gmbh"}; null for any
     * @return this query narrowed to customers whose organisation has that legal name
     * @throws ValidationException if the name is blank or not normalised
     */
    public CustomerQuery withOrganisation(String normalisedLegalName) {
        return new CustomerQuery(ownerId, type, lifecycleStage, updatedSince, email, phone, normalisedLegalName);
    }

    /** @return the updated-since criterion, if set */
    public Optional<Instant> updatedSinceCriterion() {
        return Optional.ofNullable(updatedSince);
    }
}
