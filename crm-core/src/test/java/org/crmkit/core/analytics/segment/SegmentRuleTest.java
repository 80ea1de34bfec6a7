package org.crmkit.core.analytics.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.analytics.segment.ComparisonOperator.EQ;
import static org.crmkit.core.analytics.segment.ComparisonOperator.GE;
import static org.crmkit.core.analytics.segment.ComparisonOperator.GT;
import static org.crmkit.core.analytics.segment.ComparisonOperator.LT;
import static org.crmkit.core.analytics.segment.ComparisonOperator.NE;
import static org.crmkit.core.analytics.segment.SegmentRule.and;
import static org.crmkit.core.analytics.segment.SegmentRule.between;
import static org.crmkit.core.analytics.segment.SegmentRule.compare;
import static org.crmkit.core.analytics.segment.SegmentRule.has;
import static org.crmkit.core.analytics.segment.SegmentRule.in;
import static org.crmkit.core.analytics.segment.SegmentRule.not;
import static org.crmkit.core.analytics.segment.SegmentRule.or;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.crmkit.core.customer.AttributeValue;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class SegmentRuleTest {

    private static AttributeValue num(String n) {
        return AttributeValue.of(new BigDecimal(n));
    }

    private static AttributeValue text(String t) {
        return AttributeValue.of(t);
    }

    private final SegmentFacts alice = SegmentFacts.of("alice")
            .with("external.region", text("East"))
            .with("internal.income", num("120000"))
            .with("external.vip", AttributeValue.of(true))
            .with("external.since", AttributeValue.of(LocalDate.of(2021, 3, 1)))
            .with("score.rfm.segment", text("Champions"));

    @Test
    void numbersCompareNumericallyWhateverTheirScale() {
        assertThat(compare("internal.income", EQ, num("120000.00")).evaluate(alice).verdict()).isEqualTo(Verdict.TRUE);
        assertThat(compare("internal.income", GT, num("99999.5")).evaluate(alice).holds()).isTrue();
        assertThat(compare("internal.income", LT, num("1.2E+5")).evaluate(alice).holds()).isFalse();
    }

    @Test
    void datesCompareByDateAndNeverEqualATimestamp() {
        assertThat(compare("external.since", LT, AttributeValue.of(LocalDate.of(2021, 3, 2))).evaluate(alice).holds())
                .isTrue();
        RuleEvaluation e = compare("external.since", EQ, AttributeValue.of(Instant.parse("2021-03-01T00:00:00Z")))
                .evaluate(alice);
        assertThat(e.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(e.reason()).isEqualTo(
                "type mismatch: external.since is a DATE (2021-03-01), the rule compares with a TIMESTAMP");
    }

    @Test
    void textsCompareExactlyUnlessTheRuleIgnoresCase() {
        assertThat(compare("external.region", EQ, text("east")).evaluate(alice).holds()).isFalse();
        assertThat(new SegmentRule.Compare("external.region", EQ, text("EAST"), true).evaluate(alice).holds()).isTrue();
        assertThat(new SegmentRule.In("external.region", List.of(text("west"), text("eAsT")), true).evaluate(alice)
                .holds()).isTrue();
        // code point order: 'E' (U+0045) sorts before 'e' (U+0065)
        assertThat(compare("external.region", LT, text("east")).evaluate(alice).holds()).isTrue();
    }

    @Test
    void rangesStateWhetherEachBoundIsIncluded() {
        assertThat(between("internal.income", num("50000"), num("120000")).evaluate(alice).holds()).isTrue();
        SegmentRule.Between halfOpen = new SegmentRule.Between("internal.income", num("50000"), true, num("120000"),
                false);
        RuleEvaluation e = halfOpen.evaluate(alice);
        assertThat(e.holds()).isFalse();
        assertThat(e.reason()).isEqualTo("internal.income 120000 is not in [50000, 120000)");
        assertThat(new SegmentRule.Between("internal.income", num("120000"), false, num("130000"), true)
                .evaluate(alice).holds()).isFalse();
    }

    @Test
    void membershipAndPresence() {
        assertThat(in("external.region", text("West"), text("East")).evaluate(alice).reason())
                .isEqualTo("external.region \"East\" is one of 2 values");
        assertThat(has("external.vip").evaluate(alice).holds()).isTrue();
        RuleEvaluation missing = has("consumption.orders").evaluate(alice);
        assertThat(missing.verdict()).isEqualTo(Verdict.FALSE);
        assertThat(missing.reason()).isEqualTo("consumption.orders is missing");
    }

    @Test
    void aMissingFieldIsUnknownAndNotKeepsItUnknown() {
        SegmentRule lowIncome = compare("consumption.orders", LT, num("3"));
        assertThat(lowIncome.evaluate(alice).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(not(lowIncome).evaluate(alice).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(not(has("consumption.orders")).evaluate(alice).holds()).isTrue();
        // Kleene logic: false and unknown is false, true or unknown is true
        assertThat(and(lowIncome, has("nothing.here".replace("nothing", "external"))).evaluate(alice).verdict())
                .isEqualTo(Verdict.FALSE);
        assertThat(or(lowIncome, has("external.vip")).evaluate(alice).verdict()).isEqualTo(Verdict.TRUE);
        assertThat(and(lowIncome, has("external.vip")).evaluate(alice).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void theExplanationNamesTheSubRuleThatDecided() {
        SegmentRule rule = and(in("external.region", text("East")),
                or(compare("score.rfm.segment", EQ, text("Loyal")), compare("internal.income", GE, num("200000"))),
                has("external.vip"));
        RuleEvaluation e = rule.evaluate(alice);
        assertThat(e.verdict()).isEqualTo(Verdict.FALSE);
        assertThat(e.reason()).isEqualTo("and: rule.and[1] is false");
        assertThat(e.decidingLeaves()).extracting(RuleEvaluation::path)
                .containsExactly("rule.and[1].or[0]", "rule.and[1].or[1]");
        assertThat(e.explain()).isEqualTo("""
                false   rule: and: rule.and[1] is false
                  false   rule.and[1]: or: all 2 parts are false
                    false   rule.and[1].or[0]: score.rfm.segment "Champions" is not = "Loyal"
                    false   rule.and[1].or[1]: internal.income 120000 is not ≥ 200000
                """);
        RuleEvaluation t = or(has("consumption.orders"), compare("external.region", NE, text("West")))
                .evaluate(alice);
        assertThat(t.decidedBy()).singleElement().extracting(RuleEvaluation::path).isEqualTo("rule.or[1]");
    }

    @Test
    void fieldsListsEveryFieldReadOnce() {
        SegmentRule rule = and(has("external.vip"), not(compare("external.vip", EQ, AttributeValue.of(false))),
                between("score.clv", num("1"), num("2")));
        assertThat(rule.fields()).containsExactly("external.vip", "score.clv");
        assertThat(rule.depth()).isEqualTo(3);
    }

    @Test
    void malformedRulesAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> new SegmentRule.And(List.of()))
                .isInstanceOf(ValidationException.class).hasMessage("rules: must not be empty");
        assertThatThrownBy(() -> has("region"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("field");
        assertThatThrownBy(() -> has("external.1st"))
                .hasMessageContaining("must have a name starting with a letter");
        assertThatThrownBy(() -> compare("external.vip", LT, AttributeValue.of(true)))
                .hasMessage("op: must be eq or ne for a BOOLEAN value (was 'lt')");
        assertThatThrownBy(() -> between("internal.income", num("5"), num("1")))
                .hasMessage("high: must not be below low (was '1')");
        assertThatThrownBy(() -> new SegmentRule.Between("internal.income", num("5"), true, num("5"), false))
                .hasMessageContaining("must be above low when a bound is exclusive");
        assertThatThrownBy(() -> between("internal.income", num("5"), text("9")))
                .hasMessage("high: must be a NUMBER like low, not a TEXT (was '9')");
        assertThatThrownBy(() -> in("external.region", text("East"), num("1")))
                .hasMessage("values[1]: must be a TEXT like the first value, not a NUMBER (was '1')");
        assertThatThrownBy(() -> new SegmentRule.Compare("internal.income", EQ, num("1"), true))
                .hasMessage("ignoreCase: must be false for a NUMBER value");
        assertThatThrownBy(() -> between("external.vip", AttributeValue.of(false), AttributeValue.of(true)))
                .hasMessageContaining("low: must be an ordered value, not a BOOLEAN");
    }

    @Test
    void aKnownSchemaRefusesMismatchesAtDefinitionTime() {
        SegmentRule rule = and(has("external.vip"), not(compare("internal.income", GT, text("high"))));
        assertThatThrownBy(() -> rule.checkTypes(Map.of("internal.income", "NUMBER")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("rule.and[1].not.value: must be a NUMBER like field internal.income, not a TEXT (was 'high')");
        rule.checkTypes(Map.of("internal.income", "TEXT", "external.vip", "BOOLEAN"));
    }

    @Test
    void definitionsFindTheirMembersInABase() {
        SegmentDefinition def = SegmentDefinition.of("east", "East", in("external.region", text("East")));
        SegmentFacts bob = SegmentFacts.of("bob").with("external.region", text("West"));
        SegmentFacts carol = SegmentFacts.of("carol").with("external.region", num("7"));
        assertThat(def.members(List.of(alice, bob, carol))).containsExactly("alice");
        assertThat(def.withRule(has("external.region")).version()).isEqualTo(2);
    }

    @Test
    void definitionsRefuseBadIdsAndRulesNestedTooDeep() {
        assertThatThrownBy(() -> SegmentDefinition.of("1x", "x", has("external.a"))).extracting("field").isEqualTo("id");
        SegmentRule deep = has("external.a");
        for (int i = 0; i < SegmentDefinition.MAX_DEPTH; i++) {
            deep = not(deep);
        }
        SegmentRule tooDeep = deep;
        assertThatThrownBy(() -> SegmentDefinition.of("x", "x", tooDeep)).hasMessage("rule: must nest at most 32 deep");
    }
}
