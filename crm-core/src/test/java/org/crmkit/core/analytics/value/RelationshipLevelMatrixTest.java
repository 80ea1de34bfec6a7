package org.crmkit.core.analytics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.customer.RelationshipLevel.ACCOUNTABLE;
import static org.crmkit.core.customer.RelationshipLevel.BASIC;
import static org.crmkit.core.customer.RelationshipLevel.PARTNERSHIP;
import static org.crmkit.core.customer.RelationshipLevel.PROACTIVE;
import static org.crmkit.core.customer.RelationshipLevel.REACTIVE;

import java.math.BigDecimal;
import java.util.List;

import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every cell of Kotler's relationship level matrix against the table of domain §3 (Kotler, Marketing
 * Management: the level depends on the number of customers and the unit margin).
 */
class RelationshipLevelMatrixTest {

    @ParameterizedTest(name = "{0} customers, {1} margin -> {2}")
    @CsvSource({
            // domain §3 table, row by row: customers \ margin | high | medium | low
            "MANY,   HIGH,   ACCOUNTABLE, ACCOUNTABLE",
            "MANY,   MEDIUM, REACTIVE,    REACTIVE",
            "MANY,   LOW,    BASIC,       BASIC REACTIVE",
            "MEDIUM, HIGH,   PROACTIVE,   PROACTIVE",
            "MEDIUM, MEDIUM, ACCOUNTABLE, ACCOUNTABLE",
            "MEDIUM, LOW,    REACTIVE,    REACTIVE",
            "FEW,    HIGH,   PARTNERSHIP, PARTNERSHIP",
            "FEW,    MEDIUM, PROACTIVE,   PROACTIVE",
            "FEW,    LOW,    ACCOUNTABLE, ACCOUNTABLE"})
    void everyCellMatchesTheDomainTable(CustomerBase customers, MarginLevel margin, RelationshipLevel level,
                                        String candidates) {
        LevelRecommendation r = RelationshipLevelMatrix.recommend(customers, margin);
        assertThat(r.customerBase()).isEqualTo(customers);
        assertThat(r.margin()).isEqualTo(margin);
        assertThat(r.level()).isEqualTo(level);
        assertThat(r.candidates()).containsExactlyElementsOf(
                java.util.Arrays.stream(candidates.split(" ")).map(RelationshipLevel::valueOf).toList());
        assertThat(r.hasAlternatives()).isEqualTo(r.candidates().size() > 1);
    }

    @Test
    void theBasicOrReactiveCellStatesItsDefault() {
        LevelRecommendation r = RelationshipLevelMatrix.recommend(CustomerBase.MANY, MarginLevel.LOW);
        assertThat(r.candidates()).containsExactly(BASIC, REACTIVE);
        assertThat(r.level()).isEqualTo(BASIC);
        assertThat(r.explanation()).startsWith("many customers, low margin: basic or reactive (default basic)");
    }

    @Test
    void theDefaultCutoffsReadCountsAndMarginRatesAtTheirBoundaries() {
        RelationshipCutoffs d = RelationshipCutoffs.defaults();
        assertThat(d.customerBase(10_000)).isEqualTo(CustomerBase.MANY);
        assertThat(d.customerBase(9_999)).isEqualTo(CustomerBase.MEDIUM);
        assertThat(d.customerBase(101)).isEqualTo(CustomerBase.MEDIUM);
        assertThat(d.customerBase(100)).isEqualTo(CustomerBase.FEW);
        assertThat(d.customerBase(0)).isEqualTo(CustomerBase.FEW);
        assertThat(d.marginLevel(new BigDecimal("0.40"))).isEqualTo(MarginLevel.HIGH);
        assertThat(d.marginLevel(new BigDecimal("0.3999"))).isEqualTo(MarginLevel.MEDIUM);
        assertThat(d.marginLevel(new BigDecimal("0.15"))).isEqualTo(MarginLevel.MEDIUM);
        assertThat(d.marginLevel(new BigDecimal("0.1499"))).isEqualTo(MarginLevel.LOW);
        assertThat(d.marginLevel(new BigDecimal("-0.05"))).isEqualTo(MarginLevel.LOW);
        assertThat(RelationshipLevelMatrix.recommend(50, new BigDecimal("0.55")).level()).isEqualTo(PARTNERSHIP);
        assertThat(RelationshipLevelMatrix.recommend(2_000_000, new BigDecimal("0.05")).level()).isEqualTo(BASIC);
        assertThat(RelationshipLevelMatrix.recommend(500, new BigDecimal("0.25")).level()).isEqualTo(ACCOUNTABLE);
    }

    @Test
    void callersCanSetTheirOwnCutoffs() {
        RelationshipCutoffs own = new RelationshipCutoffs(1_000, 10, new BigDecimal("500"), new BigDecimal("50"));
        assertThat(RelationshipLevelMatrix.recommend(1_000, new BigDecimal("800"), own).level()).isEqualTo(ACCOUNTABLE);
        assertThat(RelationshipLevelMatrix.recommend(999, new BigDecimal("800"), own).level()).isEqualTo(PROACTIVE);
        assertThat(RelationshipLevelMatrix.recommend(10, new BigDecimal("100"), own).level()).isEqualTo(PROACTIVE);
    }

    @Test
    void badCutoffsAndInputsAreRefused() {
        assertThatThrownBy(() -> new RelationshipCutoffs(100, 100, BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(ValidationException.class).hasMessageContaining("manyCustomersFrom");
        assertThatThrownBy(() -> new RelationshipCutoffs(100, 10, BigDecimal.ZERO, BigDecimal.ONE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("lowMarginBelow");
        assertThatThrownBy(() -> RelationshipLevelMatrix.recommend(-1, BigDecimal.ONE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("customers");
        assertThatThrownBy(() -> RelationshipLevelMatrix.recommend(1, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("margin");
        assertThatThrownBy(() -> new LevelRecommendation(CustomerBase.FEW, MarginLevel.LOW, BASIC, List.of(REACTIVE), "x"))
                .isInstanceOf(ValidationException.class);
    }
}
