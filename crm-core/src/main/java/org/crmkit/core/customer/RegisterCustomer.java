package org.crmkit.core.customer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The command to register a customer, as it arrives from a form, an import or an API call.
 *
 * <p>The Jakarta Validation annotations let a host check the shape of the input at its boundary
 * (with Hibernate Validator, say) before calling crmkit; crmkit checks every rule again itself,
 * so an unchecked command is still safe: anything invalid is refused with a
 * {@link org.crmkit.spi.ValidationException} naming the field.
 *
 * <p>Build one with {@link #builder(CustomerType, String, String)}.
 *
 * @param type               the customer type
 * @param name               the person's or organisation's display name
 * @param organisation       the organisation's details; required for B2B and channel customers,
 *                           refused for B2C; may be null otherwise
 * @param owner              id of the responsible staff member
 * @param registeredBy       id of the staff member (or system) registering the customer
 * @param emails             e-mail addresses, the first one primary; as typed, normalised on registration
 * @param phones             phone numbers, the first one primary; international form, or national with
 *                           {@code defaultCountryCode}
 * @param defaultCountryCode country calling code for national phone numbers, or 0 if all are international
 * @param postalAddresses    postal addresses, each at a different place; the one marked primary (at
 *                           most one) is primary, otherwise the first
 * @param relationshipLevel  the initial relationship level; null for {@link RelationshipLevel#BASIC}
 * @since 0.1
 */
public record RegisterCustomer(
        @NotNull CustomerType type,
        @NotBlank @Size(max = 500) String name,
        @Valid Organisation organisation,
        @NotBlank @Size(max = 64) String owner,
        @NotBlank @Size(max = 64) String registeredBy,
        @NotNull List<@NotBlank @Size(max = 254) String> emails,
        @NotNull List<@NotBlank @Size(max = 40) String> phones,
        @Min(0) @Max(999) int defaultCountryCode,
        @NotNull List<@NotNull PostalAddress> postalAddresses,
        RelationshipLevel relationshipLevel) {

    public RegisterCustomer {
        // Copies that keep null elements, so that registration can refuse them by index.
        emails = emails == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(emails));
        phones = phones == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(phones));
        postalAddresses = postalAddresses == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(postalAddresses));
    }

    /**
     * @param type  the customer type
     * @param name  the display name
     * @param owner id of the responsible staff member; also recorded as who registered the
     *              customer unless {@link Builder#registeredBy} says otherwise
     * @return a builder
     */
    public static Builder builder(CustomerType type, String name, String owner) {
        return new Builder(type, name, owner);
    }

    /** Builds a {@link RegisterCustomer}. Not thread-safe. */
    public static final class Builder {
        private final CustomerType type;
        private final String name;
        private final String owner;
        private String registeredBy;
        private Organisation organisation;
        private final List<String> emails = new ArrayList<>();
        private final List<String> phones = new ArrayList<>();
        private int defaultCountryCode;
        private final List<PostalAddress> postalAddresses = new ArrayList<>();
        private RelationshipLevel relationshipLevel;

        private Builder(CustomerType type, String name, String owner) {
            this.type = type;
            this.name = name;
            this.owner = owner;
        }

        public Builder registeredBy(String staffId) {
            this.registeredBy = staffId;
            return this;
        }

        public Builder organisation(Organisation details) {
            this.organisation = details;
            return this;
        }

        public Builder email(String email) {
            emails.add(email);
            return this;
        }

        public Builder phone(String phone) {
            phones.add(phone);
            return this;
        }

        public Builder defaultCountryCode(int code) {
            this.defaultCountryCode = code;
            return this;
        }

        public Builder postalAddress(PostalAddress address) {
            postalAddresses.add(address);
            return this;
        }

        public Builder relationshipLevel(RelationshipLevel level) {
            this.relationshipLevel = level;
            return this;
        }

        public RegisterCustomer build() {
            return new RegisterCustomer(type, name, organisation, owner, Objects.requireNonNullElse(registeredBy, owner),
                    emails, phones, defaultCountryCode, postalAddresses, relationshipLevel);
        }
    }
}
