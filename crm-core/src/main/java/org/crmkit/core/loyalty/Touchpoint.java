package org.crmkit.core.loyalty;

import java.util.Optional;

/**
 * Where a member card was used: the channel, the store, or a partner merchant (domain §8: one card
 * across every store and channel). Every part is optional. Codes are stripped and upper-cased.
 * Immutable and thread-safe.
 *
 * @param channel the channel, for example {@code "STORE"}, {@code "WEB"}, {@code "APP"}; may be null
 * @param store   the store's code, for example {@code "NJ-01"}; may be null
 * @param partner the partner merchant; may be null
 * @since 0.1
 */
public record Touchpoint(String channel, String store, PartnerCode partner) {

    private static final Touchpoint UNKNOWN = new Touchpoint(null, null, null);

    public Touchpoint {
        channel = Codes.codeOrNull(channel, "channel");
        store = Codes.codeOrNull(store, "store");
    }

    /** @return the touchpoint that records nothing */
    public static Touchpoint unknown() {
        return UNKNOWN;
    }

    /** @return the card used in a store, channel {@code "STORE"} */
    public static Touchpoint store(String store) {
        return new Touchpoint("STORE", Codes.notNull(store, "store"), null);
    }

    /** @return the card used through a channel other than a store, for example {@code "WEB"} */
    public static Touchpoint channel(String channel) {
        return new Touchpoint(Codes.notNull(channel, "channel"), null, null);
    }

    /** @return the card used at a partner merchant, channel {@code "PARTNER"} */
    public static Touchpoint partner(PartnerCode partner) {
        return new Touchpoint("PARTNER", null, Codes.notNull(partner, "partner"));
    }

    /** @return the partner merchant, if the card was used at one */
    public Optional<PartnerCode> atPartner() {
        return Optional.ofNullable(partner);
    }
}
