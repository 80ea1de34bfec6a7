package org.crmkit.core.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.crmkit.core.customer.AttributeValue;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class SegmentMembershipTest {

    private final SegmentDefinition east = SegmentDefinition.of("east", "East",
            SegmentRule.in("external.region", AttributeValue.of("East")));
    private final SegmentDefinition rich = SegmentDefinition.of("rich", "Rich",
            SegmentRule.compare("internal.income", ComparisonOperator.GE, AttributeValue.of(100_000)));

    @Test
    void anUpdateReportsJoinsAndLeavesAndTouchesOnlyDefinitionsReadingAChangedField() {
        SegmentMembership m = SegmentMembership.of(List.of(east, rich), List.of(
                SegmentFacts.of("a").with("external.region", AttributeValue.of("East")),
                SegmentFacts.of("b").with("internal.income", AttributeValue.of(150_000))));
        assertThat(m.snapshot()).isEqualTo(Map.of("east", Set.of("a"), "rich", Set.of("b")));
        assertThat(m.definitionsReading("internal.income")).containsExactly("rich");

        List<MembershipChange> changes = m.update(m.facts("a").orElseThrow()
                .with("internal.income", AttributeValue.of(120_000)));
        assertThat(changes).containsExactly(MembershipChange.joined("rich", "a"));
        assertThat(m.segmentsOf("a")).containsExactly("east", "rich");

        assertThat(m.update(SegmentFacts.of("a").with("internal.income", AttributeValue.of(120_000))))
                .containsExactly(MembershipChange.left("east", "a"));
        assertThat(m.update(SegmentFacts.of("a").with("internal.income", AttributeValue.of(120_000)))).isEmpty();
        assertThat(m.forget("b")).containsExactly(MembershipChange.left("rich", "b"));
        assertThat(m.members("rich")).containsExactly("a");
    }

    @Test
    void redefiningASegmentReevaluatesEveryCustomerForIt() {
        SegmentMembership m = SegmentMembership.of(List.of(east), List.of(
                SegmentFacts.of("a").with("external.region", AttributeValue.of("East")),
                SegmentFacts.of("b").with("external.region", AttributeValue.of("West"))));
        List<MembershipChange> changes = m.define(east.withRule(
                SegmentRule.in("external.region", AttributeValue.of("West"))));
        assertThat(changes).containsExactlyInAnyOrder(MembershipChange.left("east", "a"),
                MembershipChange.joined("east", "b"));
        assertThat(m.definitionsReading("external.region")).containsExactly("east");
        assertThat(m.remove("east")).containsExactly(MembershipChange.left("east", "b"));
        assertThat(m.segmentsOf("b")).isEmpty();
        assertThat(m.definitionsReading("external.region")).isEmpty();
    }

    @Test
    void definitionIdsMustBeUnique() {
        assertThatThrownBy(() -> SegmentMembership.of(List.of(east, east), List.of()))
                .isInstanceOf(ValidationException.class).hasMessage("definitions: must have unique ids (was 'east')");
    }

    /**
     * Stateful property: after any sequence of random changes (facts changed, customers added or
     * forgotten, definitions added, replaced or removed), the incrementally kept membership equals a
     * full recomputation, and the reported joins and leaves replay to the same membership.
     */
    @Test
    void incrementalUpdatesAlwaysEqualAFullRecomputation() {
        qt().withExamples(300).withFixedSeed(53L)
                .forAll(longs().all(), integers().between(1, 60))
                .checkAssert((seed, steps) -> {
                    RandomSegments gen = new RandomSegments(seed);
                    Random r = gen.random();
                    List<SegmentDefinition> defs = new ArrayList<>();
                    for (int i = 0; i < 1 + r.nextInt(5); i++) {
                        defs.add(gen.definition("d" + i));
                    }
                    List<SegmentFacts> base = new ArrayList<>();
                    for (int i = 0; i < r.nextInt(8); i++) {
                        base.add(gen.facts("c" + i));
                    }
                    SegmentMembership m = SegmentMembership.of(defs, base);
                    Map<String, Set<String>> replayed = new HashMap<>();
                    m.snapshot().forEach((k, v) -> replayed.put(k, new java.util.TreeSet<>(v)));
                    for (int step = 0; step < steps; step++) {
                        List<MembershipChange> changes;
                        int action = r.nextInt(10);
                        String customer = "c" + r.nextInt(10);
                        if (action < 6) {
                            SegmentFacts old = m.facts(customer).orElse(SegmentFacts.of(customer));
                            changes = m.update(r.nextBoolean() ? gen.change(old) : gen.facts(customer));
                        } else if (action == 6) {
                            changes = m.forget(customer);
                        } else if (action < 9) {
                            String id = "d" + r.nextInt(7);
                            replayed.putIfAbsent(id, new java.util.TreeSet<>());
                            changes = m.define(gen.definition(id));
                        } else {
                            String id = "d" + r.nextInt(7);
                            changes = m.remove(id);
                        }
                        for (MembershipChange c : changes) {
                            Set<String> s = replayed.get(c.segmentId());
                            assertThat(c.kind() == MembershipChange.Kind.JOINED ? s.add(c.customerId())
                                    : s.remove(c.customerId())).as("change %s applies", c).isTrue();
                        }
                        replayed.keySet().retainAll(m.snapshot().keySet());
                        assertThat(m.snapshot()).isEqualTo(m.recompute());
                        assertThat(replayed).isEqualTo(m.snapshot());
                    }
                    for (SegmentDefinition d : m.definitions()) {
                        for (String c : m.members(d.id())) {
                            assertThat(m.segmentsOf(c)).contains(d.id());
                        }
                    }
                });
    }
}
