package org.crmkit.core.analytics.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerEvent;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.TimelineKind;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class AnalyticsWriteBackTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 2, 28);
    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    private final List<DomainEvent> events = new ArrayList<>();
    private final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).listener(events::add).build();
    private final Customers customers = crm.customers("acme");
    private final AnalyticsWriteBack writeBack = crm.analyticsWriteBack("acme");

    private CustomerId register(String name, LifecycleStage stage) {
        CustomerId id = customers.register(RegisterCustomer.builder(CustomerType.B2C, name, "sam").build()).id();
        if (stage != LifecycleStage.EXPLORATION) {
            customers.change(id, c -> c.changeLifecycleStage(stage, "set up"));
        }
        return id;
    }

    private static CustomerScores scores(CustomerId id, LifecycleStage stage) {
        return new CustomerScores(id.toString(), AS_OF, "545", "champions", "A", new BigDecimal("123.45"),
                new BigDecimal("0.9312"), new BigDecimal("1.2500"), new BigDecimal("480.00"), stage,
                "stability (STABILITY_SPEND: latest window spend 100.00 within 0.2 of trailing average 100.000000)");
    }

    private static Optional<AttributeValue> consumption(Customer c, String name) {
        return c.attribute(AttributeCategory.CONSUMPTION, name);
    }

    @Test
    void scoresThatCannotBeStoredAsAttributesAreRefusedWhenBuiltNamingTheirField() {
        // before the fix these were accepted and failed inside the batch, after earlier customers were written
        assertThatThrownBy(() -> new CustomerScores("k", AS_OF, null, "x".repeat(10_001), null, null, null, null,
                null, null, null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("rfmSegment"));
        assertThatThrownBy(() -> new CustomerScores("k", AS_OF, null, null, null, null, null, null,
                new BigDecimal("1E-101"), null, null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("netSpend"));
        assertThatThrownBy(() -> new CustomerScores("k", AS_OF, null, null, null, new BigDecimal("1E+101"), null,
                null, null, null, null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lifetimeValue"));
    }

    @Test
    void aNullInTheScoresIsRefusedBeforeAnyCustomerIsWritten() {
        CustomerId ann = register("Ann", LifecycleStage.FORMATION);
        long version = customers.get(ann).version();
        events.clear();
        List<CustomerScores> withNull = new ArrayList<>();
        withNull.add(scores(ann, LifecycleStage.STABILITY));
        withNull.add(null);

        // before the fix Ann was written and moved, then a NullPointerException came out half-way
        assertThatThrownBy(() -> writeBack.apply(withNull, CustomerKeys.ids()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("scores[1]"));
        assertThat(customers.get(ann).version()).isEqualTo(version);
        assertThat(customers.get(ann).lifecycleStage()).isEqualTo(LifecycleStage.FORMATION);
        assertThat(events).isEmpty();
    }

    @Test
    void scoresAreWrittenAsConsumptionAttributesAndAnAllowedStageMoveIsMadeWithItsFigures() {
        CustomerId ann = register("Ann", LifecycleStage.FORMATION);
        events.clear();

        WriteBackReport report = writeBack.apply(List.of(scores(ann, LifecycleStage.STABILITY)), CustomerKeys.ids());

        assertThat(report.updated()).containsExactly(ann);
        assertThat(report.stageChanged()).containsExactly(
                new WriteBackReport.StageChange(ann, LifecycleStage.FORMATION, LifecycleStage.STABILITY));
        Customer c = customers.get(ann);
        assertThat(c.lifecycleStage()).isEqualTo(LifecycleStage.STABILITY);
        assertThat(consumption(c, AnalyticsWriteBack.RFM_SCORE)).contains(AttributeValue.of("545"));
        assertThat(consumption(c, AnalyticsWriteBack.RFM_SEGMENT)).contains(AttributeValue.of("champions"));
        assertThat(consumption(c, AnalyticsWriteBack.ABC_CLASS)).contains(AttributeValue.of("A"));
        assertThat(consumption(c, AnalyticsWriteBack.CLV)).contains(AttributeValue.of(new BigDecimal("123.45")));
        assertThat(consumption(c, AnalyticsWriteBack.PROBABILITY_ALIVE))
                .contains(AttributeValue.of(new BigDecimal("0.9312")));
        assertThat(consumption(c, AnalyticsWriteBack.EXPECTED_PURCHASES))
                .contains(AttributeValue.of(new BigDecimal("1.25")));
        assertThat(consumption(c, AnalyticsWriteBack.NET_SPEND)).contains(AttributeValue.of(new BigDecimal("480")));
        assertThat(consumption(c, AnalyticsWriteBack.STAGE_SUGGESTED)).contains(AttributeValue.of("STABILITY"));
        assertThat(consumption(c, AnalyticsWriteBack.AS_OF)).contains(AttributeValue.of(AS_OF));

        CustomerEvent.LifecycleStageChanged changed = events.stream()
                .filter(CustomerEvent.LifecycleStageChanged.class::isInstance)
                .map(CustomerEvent.LifecycleStageChanged.class::cast).findFirst().orElseThrow();
        assertThat(changed.from()).isEqualTo(LifecycleStage.FORMATION);
        assertThat(changed.to()).isEqualTo(LifecycleStage.STABILITY);
        assertThat(changed.reason()).startsWith("customer base analysis as of 2026-02-28: stability (STABILITY_SPEND")
                .contains("within 0.2 of trailing average");
        assertThat(customers.timeline(ann)).anyMatch(e -> e.kind() == TimelineKind.LIFECYCLE_STAGE_CHANGED
                && e.summary().contains("FORMATION to STABILITY"));
    }

    @Test
    void aMoveTheStageMachineForbidsKeepsTheStageRecordsTheSuggestionAndIsReportedNotThrown() {
        CustomerId ann = register("Ann", LifecycleStage.FORMATION);
        CustomerId bob = register("Bob", LifecycleStage.ENDED);
        assertThat(LifecycleStage.FORMATION.canTransitionTo(LifecycleStage.EXPLORATION)).isFalse();
        events.clear();

        WriteBackReport report = writeBack.apply(List.of(scores(ann, LifecycleStage.EXPLORATION),
                scores(bob, LifecycleStage.FORMATION)), CustomerKeys.ids());

        assertThat(report.stageChanged()).isEmpty();
        assertThat(report.stageRefused()).containsExactly(
                new WriteBackReport.StageRefusal(ann, LifecycleStage.FORMATION, LifecycleStage.EXPLORATION),
                new WriteBackReport.StageRefusal(bob, LifecycleStage.ENDED, LifecycleStage.FORMATION));
        assertThat(report.updated()).containsExactly(ann, bob);   // the attributes were written
        assertThat(customers.get(ann).lifecycleStage()).isEqualTo(LifecycleStage.FORMATION);
        assertThat(consumption(customers.get(ann), AnalyticsWriteBack.STAGE_SUGGESTED))
                .contains(AttributeValue.of("EXPLORATION"));
        assertThat(customers.get(bob).lifecycleStage()).isEqualTo(LifecycleStage.ENDED);
        assertThat(events).noneMatch(CustomerEvent.LifecycleStageChanged.class::isInstance);
    }

    @Test
    void applyingTheSameScoresAgainChangesNothingAndRecordsNoEvent() {
        CustomerId ann = register("Ann", LifecycleStage.EXPLORATION);
        CustomerId bob = register("Bob", LifecycleStage.STABILITY);
        List<CustomerScores> s = List.of(scores(ann, LifecycleStage.FORMATION), scores(bob, LifecycleStage.EXPLORATION));
        writeBack.apply(s, CustomerKeys.ids());
        long annVersion = customers.get(ann).version();
        events.clear();

        WriteBackReport again = writeBack.apply(s, CustomerKeys.ids());

        assertThat(again.updated()).isEmpty();
        assertThat(again.changedNothing()).isTrue();
        assertThat(again.unchanged()).containsExactly(ann, bob);
        assertThat(again.stageChanged()).isEmpty();
        assertThat(again.stageRefused()).hasSize(1);              // still reported as an outcome
        assertThat(events).isEmpty();
        assertThat(customers.get(ann).version()).isEqualTo(annVersion);
    }

    @Test
    void unknownAndConflictingKeysAreReportedAndNothingIsWrittenForThem() {
        CustomerId ann = register("Ann", LifecycleStage.EXPLORATION);
        CustomerId stranger = crm.customers("other").register(RegisterCustomer.builder(CustomerType.B2C, "Eve", "sam")
                .build()).id();
        List<CustomerScores> s = List.of(
                scores(ann, LifecycleStage.FORMATION),
                new CustomerScores("not-a-uuid", AS_OF, null, null, null, null, null, null, null, null, null),
                scores(CustomerId.of(UUID.randomUUID()), LifecycleStage.FORMATION),
                scores(stranger, LifecycleStage.FORMATION),
                new CustomerScores(" " + ann + " ", AS_OF, "111", "lost", "C", null, null, null, null, null, null));

        WriteBackReport report = writeBack.apply(s, CustomerKeys.ids());

        assertThat(report.updated()).containsExactly(ann);
        assertThat(report.unknownKeys()).containsExactly("not-a-uuid", s.get(2).customerKey(), stranger.toString());
        assertThat(report.conflictingKeys()).containsExactly(" " + ann + " ");
        assertThat(consumption(customers.get(ann), AnalyticsWriteBack.RFM_SCORE)).contains(AttributeValue.of("545"));
        assertThat(crm.customers("other").get(stranger).attributes()).isEmpty();
    }

    @Test
    void aFigureTheNewResultLacksRemovesTheAttributeAnEarlierRunWrote() {
        CustomerId ann = register("Ann", LifecycleStage.EXPLORATION);
        writeBack.apply(List.of(scores(ann, LifecycleStage.EXPLORATION)), CustomerKeys.ids());

        WriteBackReport report = writeBack.apply(List.of(new CustomerScores(ann.toString(), AS_OF.plusDays(1), "111",
                "lost", "C", null, null, null, null, null, null)), CustomerKeys.ids());

        Customer c = customers.get(ann);
        assertThat(report.updated()).containsExactly(ann);
        assertThat(consumption(c, AnalyticsWriteBack.CLV)).isEmpty();
        assertThat(consumption(c, AnalyticsWriteBack.STAGE_SUGGESTED)).isEmpty();
        assertThat(consumption(c, AnalyticsWriteBack.RFM_SEGMENT)).contains(AttributeValue.of("lost"));
        assertThat(consumption(c, AnalyticsWriteBack.AS_OF)).contains(AttributeValue.of(AS_OF.plusDays(1)));
        assertThat(c.lifecycleStage()).isEqualTo(LifecycleStage.EXPLORATION);
    }

    @Test
    void externalKeysResolveThroughTheExternalIdAttributeAndSharedOnesAreAmbiguous() {
        CustomerId ann = register("Ann", LifecycleStage.EXPLORATION);
        CustomerId bob = register("Bob", LifecycleStage.EXPLORATION);
        CustomerId cid = register("Cid", LifecycleStage.EXPLORATION);
        customers.change(ann, c -> c.recordAttribute(AttributeCategory.EXTERNAL, "external_id", AttributeValue.of("K-1")));
        customers.change(bob, c -> c.recordAttribute(AttributeCategory.EXTERNAL, "external_id", AttributeValue.of("K-2")));
        customers.change(cid, c -> c.recordAttribute(AttributeCategory.EXTERNAL, "external_id", AttributeValue.of("K-2")));

        ExternalIdResolver resolver = CustomerKeys.byExternalId(customers);
        WriteBackReport report = writeBack.apply(List.of(
                new CustomerScores("K-1", AS_OF, "345", "loyal", "B", null, null, null, null, null, null),
                new CustomerScores("K-2", AS_OF, "345", "loyal", "B", null, null, null, null, null, null),
                new CustomerScores("K-3", AS_OF, "345", "loyal", "B", null, null, null, null, null, null)), resolver);

        assertThat(resolver.size()).isEqualTo(1);
        assertThat(resolver.ambiguousKeys()).containsExactly("K-2");
        assertThat(report.updated()).containsExactly(ann);
        assertThat(report.unknownKeys()).containsExactly("K-2", "K-3");
        assertThat(consumption(customers.get(ann), AnalyticsWriteBack.RFM_SEGMENT)).contains(AttributeValue.of("loyal"));
        assertThat(consumption(customers.get(bob), AnalyticsWriteBack.RFM_SEGMENT)).isEmpty();
    }

    @Test
    void aLongReasonIsCutToWhatTheEventHolds() {
        CustomerId ann = register("Ann", LifecycleStage.EXPLORATION);
        String longReason = "x".repeat(5000);

        writeBack.apply(List.of(new CustomerScores(ann.toString(), AS_OF, null, null, null, null, null, null, null,
                LifecycleStage.DECLINE, longReason)), CustomerKeys.ids());

        assertThat(events.stream().filter(CustomerEvent.LifecycleStageChanged.class::isInstance)
                .map(e -> ((CustomerEvent.LifecycleStageChanged) e).reason()))
                .singleElement().satisfies(r -> assertThat(r).hasSize(2000).endsWith("…"));
    }

    @Test
    void scoresAreValidatedNamingTheField() {
        Map<String, Runnable> bad = Map.of(
                "customerKey", () -> new CustomerScores(" ", AS_OF, null, null, null, null, null, null, null, null, null),
                "rfmCode", () -> new CustomerScores("k", AS_OF, "605", null, null, null, null, null, null, null, null),
                "abcClass", () -> new CustomerScores("k", AS_OF, null, null, "D", null, null, null, null, null, null),
                "probabilityAlive", () -> new CustomerScores("k", AS_OF, null, null, null, null, new BigDecimal("1.01"),
                        null, null, null, null),
                "asOf", () -> new CustomerScores("k", null, null, null, null, null, null, null, null, null, null));
        bad.forEach((field, make) -> assertThatThrownBy(make::run)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field)));
    }
}
