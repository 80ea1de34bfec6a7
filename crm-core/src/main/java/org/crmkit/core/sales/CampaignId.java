package org.crmkit.core.sales;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a marketing campaign. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record CampaignId(UUID value) {

    public CampaignId {
        if (value == null) {
            throw new ValidationException("campaignId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static CampaignId of(UUID value) {
        return new CampaignId(value);
    }

    /** @throws ValidationException on field {@code campaignId} if {@code text} is not a UUID */
    public static CampaignId parse(String text) {
        if (text == null) {
            throw new ValidationException("campaignId", "must not be null");
        }
        try {
            return new CampaignId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("campaignId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
