package org.crmkit.core.sales.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.OpportunityActivityRecord;
import org.crmkit.spi.sales.OpportunityRecord;
import org.crmkit.spi.sales.OpportunityStageChangeRecord;
import org.crmkit.spi.sales.PipelineRecord;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.tck.storage.samples.OpportunitySamples;
import org.crmkit.tck.storage.samples.Sample;
import org.junit.jupiter.api.Test;

class OpportunityRecordsTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00.123456789Z");

    @Test
    void recordsTruncateInstantsToMicrosecondsAndRefuseBadPartsNamingTheField() {
        assertThat(new OpportunityStageChangeRecord(null, "NEW", T, "alice", 0).at())
                .isEqualTo(Instant.parse("2026-03-02T09:00:00.123456Z"));
        assertThatThrownBy(() -> new OpportunityStageChangeRecord("A", "B", T, "alice", -1))
                .isInstanceOf(ValidationException.class).extracting("field")
                .isEqualTo("stageHistory.millisInFromStage");
        assertThatThrownBy(() -> new OpportunityActivityRecord(UUID.randomUUID(), "CALL", "Call", LocalDate.of(2026,
                3, 3), T, "alice", T, null)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("activities.doneBy");
        assertThatThrownBy(() -> new PipelineRecord(UUID.randomUUID(), "tiandi", 1, "Empty", List.of(), T))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("stages");
    }

    @Test
    void theOpportunityKindIndexesEveryKeyThatIsSet() {
        Opportunity o = Opportunity.open(OpportunityId.of(UUID.randomUUID()), Fixture.TENANT,
                org.crmkit.core.customer.CustomerId.of(UUID.randomUUID()), Fixture.ALICE, "Deal",
                org.crmkit.core.common.Money.of("10", "EUR"), LocalDate.of(2026, 4, 1),
                Pipeline.define(PipelineId.of(UUID.randomUUID()), Fixture.TENANT, "P", Fixture.standardStages(),
                        java.time.Clock.systemUTC()), null, null, java.time.Clock.systemUTC());

        List<IndexKey> keys = OpportunityRecord.KIND.keysOf(o.toRecord());

        assertThat(keys).extracting(IndexKey::name).containsExactly("customerId", "ownerId", "status", "pipelineId");
        assertThat(keys).contains(new IndexKey("status", "OPEN"), new IndexKey("ownerId", "alice"));
    }

    @Test
    void theTckSamplesRoundTripThroughTheInMemoryStoreAndAreFoundByTheirKeys() {
        InMemoryStorage storage = InMemoryStorage.create();
        List<Sample<?>> samples = OpportunitySamples.all("tiandi");

        assertThat(samples).extracting(s -> s.kind().name()).containsOnly("pipeline", "opportunity");
        samples.forEach(s -> insert(storage, s));
        for (Sample<?> s : samples) {
            checkFound(storage, s);
        }
        long won = storage.inTransaction("tiandi", session -> session.records(OpportunityRecord.KIND)
                .count(RecordQuery.all().where("status", "WON")));
        assertThat(won).isEqualTo(1);
        assertThat(samples.get(0).record()).isInstanceOfSatisfying(PipelineRecord.class,
                p -> assertThat(p.stages().get(0).defaultProbability()).isEqualTo(new BigDecimal("0.10")));
    }

    private static <R extends StoredRecord> void insert(InMemoryStorage storage, Sample<R> s) {
        storage.useTransaction("tiandi", session -> session.records(s.kind()).insert(s.record()));
    }

    private static <R extends StoredRecord> void checkFound(InMemoryStorage storage, Sample<R> s) {
        RecordKind<R> kind = s.kind();
        storage.useTransaction("tiandi", session -> {
            assertThat(session.records(kind).find(s.record().id())).contains(s.record());
            for (IndexKey key : kind.keysOf(s.record())) {
                assertThat(session.records(kind).query(RecordQuery.all().where(key.name(), key.value()),
                        org.crmkit.spi.storage.PageRequest.first(10)).items()).contains(s.record());
            }
        });
    }
}
