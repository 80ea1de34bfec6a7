package org.crmkit.spi.storage;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * A customer as storage sees it: plain data, already validated and normalised by the domain.
 *
 * <p>A store keeps every component exactly as given and gives it back unchanged; lists keep
 * their order. Codes ({@code type}, {@code relationshipLevel}, {@code lifecycleStage}) are the
 * names of the domain's enums (for example {@code "B2B"}, {@code "PROACTIVE"},
 * {@code "EXPLORATION"}); a store treats them as opaque text. Instants are truncated to
 * microseconds, the precision every supported database keeps.
 *
 * <p>Versions start at 1 when a customer is first stored and grow by exactly one with every
 * update; see {@link CustomerStore#update(CustomerRecord)}.
 *
 * @param id                unique id of the customer; not null
 * @param tenant            the tenant the customer belongs to; not null
 * @param version           the version this record represents, at least 1
 * @param type              customer type code; not blank
 * @param name              display name (a person's or an organisation's); not blank
 * @param organisation      the organisation's details, for organisational customers; may be null
 * @param relationshipLevel relationship level code; not blank
 * @param lifecycleStage    lifecycle stage code; not blank
 * @param ownerId           id of the responsible staff member; not blank
 * @param contactPoints     e-mail addresses and phone numbers, values normalised; not null, may be empty
 * @param postalAddresses   postal addresses; not null, may be empty
 * @param attributes        typed attributes; not null, may be empty
 * @param consents          every consent decision ever recorded, oldest first; not null, may be empty
 * @param ownerHistory      every owner the customer has had, oldest first, the last one current; not null
 * @param createdAt         when the customer was registered; not null
 * @param updatedAt         when this version was written; not null
 * @since 0.1
 */
public record CustomerRecord(
        UUID id,
        String tenant,
        long version,
        String type,
        String name,
        OrganisationRecord organisation,
        String relationshipLevel,
        String lifecycleStage,
        String ownerId,
        List<ContactPointRecord> contactPoints,
        List<PostalAddressRecord> postalAddresses,
        List<AttributeRecord> attributes,
        List<ConsentRecord> consents,
        List<OwnershipRecord> ownerHistory,
        Instant createdAt,
        Instant updatedAt) {

    public CustomerRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(type, "type");
        notBlank(name, "name");
        notBlank(relationshipLevel, "relationshipLevel");
        notBlank(lifecycleStage, "lifecycleStage");
        notBlank(ownerId, "ownerId");
        contactPoints = copy(contactPoints, "contactPoints");
        postalAddresses = copy(postalAddresses, "postalAddresses");
        attributes = copy(attributes, "attributes");
        consents = copy(consents, "consents");
        ownerHistory = copy(ownerHistory, "ownerHistory");
        createdAt = micros(notNull(createdAt, "createdAt"));
        updatedAt = micros(notNull(updatedAt, "updatedAt"));
    }

    /** @return the organisation's details, if this customer is an organisation */
    public Optional<OrganisationRecord> organisationDetails() {
        return Optional.ofNullable(organisation);
    }

    /** @return a copy of this record with another version and update time, for writing */
    public CustomerRecord withVersion(long newVersion, Instant newUpdatedAt) {
        return new CustomerRecord(id, tenant, newVersion, type, name, organisation, relationshipLevel,
                lifecycleStage, ownerId, contactPoints, postalAddresses, attributes, consents, ownerHistory,
                createdAt, newUpdatedAt);
    }
}
