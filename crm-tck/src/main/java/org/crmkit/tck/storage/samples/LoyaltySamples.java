package org.crmkit.tck.storage.samples;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.crmkit.spi.service.OfferRecord;
import org.crmkit.spi.service.PartnerMerchantRecord;

/**
 * Fixtures of the customer club's own records besides the membership (which is in
 * {@link AfterSalesSamples}): partner merchants and member-only offers, for the record-store
 * contract: per kind, one record with every nullable component set and every list non-empty, and
 * one minimal record. Instants carry microseconds. Every call makes fresh ids and partner codes.
 *
 * @since 0.1
 */
public final class LoyaltySamples {

    private static final Instant T1 = Instant.parse("2026-03-01T09:15:30.123456Z");
    private static final Instant T2 = Instant.parse("2026-03-02T16:45:01.654321Z");
    private static final Instant T3 = Instant.parse("2026-03-04T08:00:00.000001Z");

    private LoyaltySamples() {
    }

    /**
     * @param tenant the tenant every sample belongs to; a valid tenant id
     * @return two samples per club kind (partner merchant, offer), all at version 1 with fresh random ids
     */
    public static List<Sample<?>> all(String tenant) {
        String cinema = "CINEMA-" + suffix();
        return List.of(
                Sample.of(PartnerMerchantRecord.KIND, new PartnerMerchantRecord(id(), tenant, 1, cinema,
                        "Star Cinema", 2, true, "ENDED", T1, T3)),
                Sample.of(PartnerMerchantRecord.KIND, new PartnerMerchantRecord(id(), tenant, 1, "CAFE-" + suffix(),
                        "Corner Cafe", 0, false, "ACTIVE", T1, null)),
                Sample.of(OfferRecord.KIND, new OfferRecord(id(), tenant, 1, "Double points weekend",
                        "Twice the points on every order", List.of("GOLD", "SILVER"), LocalDate.of(2026, 3, 6),
                        LocalDate.of(2026, 3, 8), cinema, "WITHDRAWN", T1, T2)),
                Sample.of(OfferRecord.KIND, new OfferRecord(id(), tenant, 1, "Members' evening", null, List.of(),
                        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1), null, "ACTIVE", T1, null)));
    }

    private static String suffix() {
        return Long.toHexString(UUID.randomUUID().getLeastSignificantBits()).toUpperCase(Locale.ROOT);
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
