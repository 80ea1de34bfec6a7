package org.crmkit.spi.storage;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.Optional;

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
 * @since 0.1
 */
public record CustomerQuery(
        String ownerId, String type, String lifecycleStage, Instant updatedSince, String email, String phone) {

    public CustomerQuery {
        nullOrNotBlank(ownerId, "ownerId");
        nullOrNotBlank(type, "type");
        nullOrNotBlank(lifecycleStage, "lifecycleStage");
        updatedSince = micros(updatedSince);
        nullOrNotBlank(email, "email");
        nullOrNotBlank(phone, "phone");
    }

    /** @return a query that matches every customer of the tenant */
    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null, null, null, null);
    }

    public CustomerQuery withOwner(String owner) {
        return new CustomerQuery(owner, type, lifecycleStage, updatedSince, email, phone);
    }

    public CustomerQuery withType(String customerType) {
        return new CustomerQuery(ownerId, customerType, lifecycleStage, updatedSince, email, phone);
    }

    public CustomerQuery withLifecycleStage(String stage) {
        return new CustomerQuery(ownerId, type, stage, updatedSince, email, phone);
    }

    public CustomerQuery withUpdatedSince(Instant since) {
        return new CustomerQuery(ownerId, type, lifecycleStage, since, email, phone);
    }

    public CustomerQuery withEmail(String normalisedEmail) {
        return new CustomerQuery(ownerId, type, lifecycleStage, updatedSince, normalisedEmail, phone);
    }

    public CustomerQuery withPhone(String normalisedPhone) {
        return new CustomerQuery(ownerId, type, lifecycleStage, updatedSince, email, normalisedPhone);
    }

    /** @return the updated-since criterion, if set */
    public Optional<Instant> updatedSinceCriterion() {
        return Optional.ofNullable(updatedSince);
    }
}
