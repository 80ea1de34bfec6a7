package org.crmkit.core.loyalty;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a membership of the customer club. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record MembershipId(UUID value) {

    public MembershipId {
        if (value == null) {
            throw new ValidationException("membershipId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static MembershipId of(UUID value) {
        return new MembershipId(value);
    }

    /** @throws ValidationException on field {@code membershipId} if {@code text} is not a UUID */
    public static MembershipId parse(String text) {
        if (text == null) {
            throw new ValidationException("membershipId", "must not be null");
        }
        try {
            return new MembershipId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("membershipId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
