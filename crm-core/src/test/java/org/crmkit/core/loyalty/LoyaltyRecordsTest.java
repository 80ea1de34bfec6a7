package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.tck.storage.samples.AfterSalesSamples;
import org.crmkit.tck.storage.samples.LoyaltySamples;
import org.crmkit.tck.storage.samples.Sample;
import org.junit.jupiter.api.Test;

/**
 * The club's SPI records and their samples: plain data, round-tripped through the in-memory store,
 * found by every key, and (for memberships) accepted by the model.
 */
class LoyaltyRecordsTest {

    private static final Set<Class<?>> PLAIN = Set.of(String.class, UUID.class, Instant.class, LocalDate.class,
            BigDecimal.class, long.class, int.class, boolean.class);

    private static List<Sample<?>> samples() {
        return java.util.stream.Stream.concat(LoyaltySamples.all("acme").stream(),
                AfterSalesSamples.all("acme").stream().filter(s -> s.kind() == ClubMembershipRecord.KIND)).toList();
    }

    @Test
    void everySampleRoundTripsThroughTheInMemoryStoreAndIsFoundByEveryKey() {
        InMemoryStorage storage = InMemoryStorage.create();
        assertThat(samples()).extracting(s -> s.kind().name())
                .containsOnly("club_partner", "club_offer", "club_membership");
        for (Sample<?> sample : samples()) {
            roundTrip(storage, sample);
            checkPlain(sample.kind().type());
        }
    }

    @Test
    void theModelRestoresEverySample() {
        for (Sample<?> sample : samples()) {
            Object r = sample.record();
            if (r instanceof ClubMembershipRecord m) {
                assertThat(ClubMembership.restore(m).toRecord().entries()).isEqualTo(m.entries());
            } else if (r instanceof org.crmkit.spi.service.OfferRecord o) {
                assertThat(Offer.restore(o).toRecord().tiers()).isEqualTo(o.tiers());
            } else if (r instanceof org.crmkit.spi.service.PartnerMerchantRecord p) {
                assertThat(PartnerMerchant.restore(p).toRecord().code()).isEqualTo(p.code());
            }
        }
    }

    private static <R extends StoredRecord> void roundTrip(InMemoryStorage storage, Sample<R> sample) {
        RecordKind<R> kind = sample.kind();
        R record = sample.record();
        assertThat(record.version()).isEqualTo(1);
        storage.useTransaction("acme", s -> s.records(kind).insert(record));
        Optional<R> back = storage.inTransaction("acme", s -> s.records(kind).find(record.id()));
        assertThat(back).contains(record);
        for (IndexKey key : kind.keysOf(record)) {
            List<R> found = storage.inTransaction("acme", s -> s.records(kind)
                    .query(RecordQuery.all().where(key.name(), key.value()), PageRequest.first(10)).items());
            assertThat(found).as(kind.name() + " by " + key).contains(record);
        }
    }

    private static void checkPlain(Class<?> type) {
        for (RecordComponent c : type.getRecordComponents()) {
            checkType(type.getSimpleName() + "." + c.getName(), c.getType(), c.getGenericType());
        }
    }

    private static void checkType(String where, Class<?> raw, Type generic) {
        if (raw == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            checkType(where + "[]", (Class<?>) element, element);
        } else if (raw.isRecord()) {
            assertThat(raw.getPackageName()).as(where).startsWith("org.crmkit.spi");
            checkPlain(raw);
        } else {
            assertThat(PLAIN).as(where).contains(raw);
        }
    }
}
