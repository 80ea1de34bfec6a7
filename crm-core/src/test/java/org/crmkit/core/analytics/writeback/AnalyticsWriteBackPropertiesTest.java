package org.crmkit.core.analytics.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerEvent;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * Properties of the write-back over random starting stages and random suggestions (absent
 * suggestions included): stage moves only ever follow the stage machine, a forbidden suggestion
 * leaves the stage and is reported, and re-applying the same results changes nothing.
 */
class AnalyticsWriteBackPropertiesTest {

    private static final LifecycleStage[] STAGES = LifecycleStage.values();
    private static final LocalDate AS_OF = LocalDate.of(2026, 2, 28);

    /** Code 0..5: a stage, or 5 for no suggestion. */
    private static LifecycleStage suggestion(int code) {
        return code == STAGES.length ? null : STAGES[code];
    }

    private static List<CustomerScores> scores(List<CustomerId> ids, List<Integer> suggestions, int figures) {
        List<CustomerScores> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            int f = Math.floorMod(figures + 31 * i, 125);
            String rfm = "" + (1 + f / 25) + (1 + f / 5 % 5) + (1 + f % 5);
            LifecycleStage s = suggestion(suggestions.get(i % suggestions.size()));
            out.add(new CustomerScores(ids.get(i).toString(), AS_OF, rfm, "segment " + f % 7, "ABC".substring(f % 3,
                    f % 3 + 1), BigDecimal.valueOf(f * 37L, 2), BigDecimal.valueOf(f % 100, 2), BigDecimal.valueOf(f, 1),
                    BigDecimal.valueOf(f * 11L, 2), s, s == null ? null : "rule " + s));
        }
        return out;
    }

    @Test
    void stageMovesFollowTheMachineRefusalsKeepTheStageAndReapplyingChangesNothing() {
        qt().withExamples(150).withFixedSeed(4242L)
                .forAll(lists().of(integers().between(0, STAGES.length - 1)).ofSizeBetween(1, 8),
                        lists().of(integers().between(0, STAGES.length)).ofSizeBetween(1, 8),
                        lists().of(integers().between(0, STAGES.length)).ofSizeBetween(1, 8),
                        integers().between(0, 10_000))
                .checkAssert((initial, first, second, figures) -> {
                    List<DomainEvent> events = new ArrayList<>();
                    Crm crm = Crm.builder().storage(InMemoryStorage.create())
                            .clock(TestClock.at("2026-03-02T09:00:00Z")).listener(events::add).build();
                    Customers customers = crm.customers("acme");
                    AnalyticsWriteBack writeBack = crm.analyticsWriteBack("acme");
                    List<CustomerId> ids = new ArrayList<>();
                    for (int stage : initial) {
                        CustomerId id = customers.register(RegisterCustomer.builder(CustomerType.B2C, "C" + ids.size(),
                                "sam").build()).id();
                        if (STAGES[stage] != LifecycleStage.EXPLORATION) {
                            customers.change(id, c -> c.changeLifecycleStage(STAGES[stage], "start"));
                        }
                        ids.add(id);
                    }

                    for (List<Integer> run : List.of(first, second)) {
                        Map<CustomerId, LifecycleStage> before = stages(customers, ids);
                        events.clear();
                        List<CustomerScores> results = scores(ids, run, figures);

                        WriteBackReport report = writeBack.apply(results, CustomerKeys.ids());

                        for (int i = 0; i < ids.size(); i++) {
                            CustomerId id = ids.get(i);
                            LifecycleStage from = before.get(id);
                            LifecycleStage suggested = results.get(i).suggestedStage();
                            LifecycleStage now = customers.get(id).lifecycleStage();
                            if (suggested == null || suggested == from) {
                                assertThat(now).isEqualTo(from);
                            } else if (from.canTransitionTo(suggested)) {
                                assertThat(now).isEqualTo(suggested);
                                assertThat(report.stageChanged())
                                        .contains(new WriteBackReport.StageChange(id, from, suggested));
                            } else {
                                assertThat(now).isEqualTo(from);
                                assertThat(report.stageRefused())
                                        .contains(new WriteBackReport.StageRefusal(id, from, suggested));
                            }
                        }
                        assertThat(events).filteredOn(CustomerEvent.LifecycleStageChanged.class::isInstance)
                                .allSatisfy(e -> {
                                    CustomerEvent.LifecycleStageChanged c = (CustomerEvent.LifecycleStageChanged) e;
                                    assertThat(c.from().canTransitionTo(c.to())).isTrue();
                                })
                                .hasSize(report.stageChanged().size());
                        assertThat(report.updated().size() + report.unchanged().size()).isEqualTo(ids.size());

                        Map<CustomerId, Long> versions = versions(customers, ids);
                        events.clear();
                        WriteBackReport again = writeBack.apply(results, CustomerKeys.ids());
                        assertThat(again.updated()).isEmpty();
                        assertThat(again.stageChanged()).isEmpty();
                        assertThat(again.unchanged()).containsExactlyElementsOf(ids);
                        assertThat(events).isEmpty();
                        assertThat(versions(customers, ids)).isEqualTo(versions);
                    }
                });
    }

    private static Map<CustomerId, LifecycleStage> stages(Customers customers, List<CustomerId> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> customers.get(id).lifecycleStage()));
    }

    private static Map<CustomerId, Long> versions(Customers customers, List<CustomerId> ids) {
        return ids.stream().map(customers::get).collect(Collectors.toMap(Customer::id, Customer::version));
    }
}
