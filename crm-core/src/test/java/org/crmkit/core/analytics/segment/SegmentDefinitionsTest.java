package org.crmkit.core.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.crmkit.core.TestClock;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.analytics.SegmentDefinitionRecord;
import org.crmkit.spi.storage.RecordQuery;
import org.junit.jupiter.api.Test;

class SegmentDefinitionsTest {

    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final SegmentDefinitions acme = new SegmentDefinitions(TenantId.of("acme"), storage, clock,
            IdGenerator.timeOrdered(clock));

    @Test
    void definitionsAreStoredAsTheirJsonAndReadBack() {
        SegmentDefinition d = SegmentJson.read(SegmentJsonTest.EXAMPLE);
        acme.save(d);
        assertThat(acme.find("east-champions")).contains(d);
        SegmentDefinitionRecord r = storage.inTransaction("acme", s -> s.records(SegmentDefinitionRecord.KIND)
                .query(RecordQuery.all().where("segmentId", "east-champions"),
                        org.crmkit.spi.storage.PageRequest.first(10)).items().get(0));
        assertThat(r.definitionJson()).isEqualTo(SegmentJson.write(d));
        assertThat(r.revision()).isEqualTo(3);
        assertThat(new SegmentDefinitions(TenantId.of("other"), storage, clock, IdGenerator.timeOrdered(clock))
                .find("east-champions")).isEmpty();
    }

    @Test
    void aDefinitionTooLongToBeReadBackIsRefusedAndNothingIsStored() {
        // 101 texts of 10,000 characters: a valid rule whose JSON is over the reader's 1,000,000 characters;
        // stored, it could never be read again (find and all would fail with a StorageException)
        java.util.List<AttributeValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            values.add(AttributeValue.of(String.valueOf((char) ('a' + i % 26)).repeat(9_990) + i));
        }
        SegmentDefinition huge = SegmentDefinition.of("huge", "Huge", new SegmentRule.In("external.code", values, false));
        assertThatThrownBy(() -> acme.save(huge)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("definition");
        assertThat(acme.all()).isEmpty();
        assertThatThrownBy(() -> SegmentJson.write(huge)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("1000000");
    }

    @Test
    void aLaterVersionReplacesTheStoredOneAndAnOlderOneIsRefused() {
        SegmentDefinition v1 = SegmentDefinition.of("vip", "VIP", SegmentRule.has("external.vip"));
        acme.save(v1);
        clock.advance(Duration.ofMinutes(5));
        SegmentDefinition v2 = v1.withRule(SegmentRule.compare("external.vip", ComparisonOperator.EQ,
                AttributeValue.of(true)));
        acme.save(v2);
        assertThat(acme.all()).containsExactly(v2);
        assertThatThrownBy(() -> acme.save(v1)).isInstanceOf(ValidationException.class)
                .hasMessage("version: must be above the stored version 2 of segment 'vip' (was '1')");
        assertThat(acme.find("vip")).contains(v2);
    }

    @Test
    void theContractKitSamplesHoldDefinitionsThisVersionReads() {
        var records = org.crmkit.tck.storage.samples.SegmentSamples.all("acme").stream()
                .map(sample -> (SegmentDefinitionRecord) sample.record()).toList();
        assertThat(records).hasSize(2).allSatisfy(r -> {
            SegmentDefinition d = SegmentJson.read(r.definitionJson());
            assertThat(d.id()).isEqualTo(r.segmentId());
            assertThat(d.name()).isEqualTo(r.name());
            assertThat(d.version()).isEqualTo(r.revision());
        });
    }
}
