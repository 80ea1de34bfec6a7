package org.crmkit.core.analytics.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The current versus potential value matrix (domain §6) on hand examples and by its invariants. */
class ValueMatrixTest {

    static List<ValuePosition> positions(double[][] values) {
        List<ValuePosition> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(new ValuePosition("c" + i, values[i][0], values[i][1]));
        }
        return list;
    }

    @Test
    void theMediansSplitTheCustomersIntoTheFourNamedQuadrants() {
        // current 0, 10, 20, 30 -> median 15; potential 100, 400, 300, 200 -> median 250
        ValueMatrix m = ValueMatrix.of(positions(new double[][] {{0, 100}, {10, 400}, {20, 300}, {30, 200}}));
        assertThat(m.currentThreshold()).isEqualTo(15.0);
        assertThat(m.potentialThreshold()).isEqualTo(250.0);
        assertThat(m.assignments()).extracting(QuadrantAssignment::quadrant).containsExactly(
                ValueQuadrant.DO_NOT_INVEST, ValueQuadrant.DEVELOP, ValueQuadrant.KEEP_AT_ANY_COST,
                ValueQuadrant.MAINTAIN);
        assertThat(m.counts()).containsExactly(Map.entry(ValueQuadrant.KEEP_AT_ANY_COST, 1),
                Map.entry(ValueQuadrant.DEVELOP, 1), Map.entry(ValueQuadrant.MAINTAIN, 1),
                Map.entry(ValueQuadrant.DO_NOT_INVEST, 1));
        assertThat(m.assignment("c2").orElseThrow().explanation())
                .isEqualTo("c2: high current and high potential value: keep at any cost "
                        + "(current 20.0 > 15.0, potential 300.0 > 250.0)");
        assertThat(m.assignment("c0").orElseThrow().explanation()).contains("current 0.0 <= 15.0");
        assertThat(m.quadrantOf(15, 251)).isEqualTo(ValueQuadrant.DEVELOP);
    }

    @Test
    void aValueEqualToTheThresholdIsLowSoAMassOfZerosIsAllLow() {
        // most customers spent nothing in the last period: the median is 0 and they are all low
        ValueMatrix m = ValueMatrix.of(positions(new double[][] {{0, 5}, {0, 6}, {0, 7}, {12, 8}, {0, 9}}));
        assertThat(m.currentThreshold()).isZero();
        assertThat(m.potentialThreshold()).isEqualTo(7.0);
        assertThat(m.assignments()).extracting(QuadrantAssignment::quadrant).containsExactly(
                ValueQuadrant.DO_NOT_INVEST, ValueQuadrant.DO_NOT_INVEST, ValueQuadrant.DO_NOT_INVEST,
                ValueQuadrant.KEEP_AT_ANY_COST, ValueQuadrant.DEVELOP);
    }

    @Test
    void callersMaySetTheThresholds() {
        ValueMatrix m = ValueMatrix.of(positions(new double[][] {{50, 50}, {150, 50}}), 100, 10);
        assertThat(m.assignments()).extracting(QuadrantAssignment::quadrant)
                .containsExactly(ValueQuadrant.DEVELOP, ValueQuadrant.KEEP_AT_ANY_COST);
        assertThat(ValueMatrix.of(List.of(), 0, 0).assignments()).isEmpty();
    }

    @Test
    void invalidInputsAreRefused() {
        assertThatThrownBy(() -> ValueMatrix.of(List.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("positions");
        assertThatThrownBy(() -> new ValuePosition("c", Double.NaN, 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("current");
        assertThatThrownBy(() -> ValueMatrix.of(List.of(new ValuePosition("c", 1, 1), new ValuePosition("c", 2, 2))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("customerId");
        assertThatThrownBy(() -> ValueMatrix.of(List.of(), Double.POSITIVE_INFINITY, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("currentThreshold");
        ValuePosition p = new ValuePosition("c", 1, 1);
        assertThatThrownBy(() -> new QuadrantAssignment(p, ValueQuadrant.DEVELOP, 0, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("quadrant");
    }

    /** Values on a small grid, so that ties with the median are frequent. */
    private static final Gen<List<Integer>> VALUES = lists().of(integers().between(-5, 20)).ofSizeBetween(1, 40);

    @Test
    void everyCustomerGetsExactlyTheQuadrantItsComparisonsGive() {
        qt().withExamples(300).withFixedSeed(61L)
                .forAll(VALUES, VALUES)
                .checkAssert((current, potential) -> {
                    int n = Math.min(current.size(), potential.size());
                    List<ValuePosition> list = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        list.add(new ValuePosition("c" + i, current.get(i), potential.get(i)));
                    }
                    ValueMatrix m = ValueMatrix.of(list);
                    assertThat(m.assignments()).hasSize(n);
                    assertThat(m.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
                    for (QuadrantAssignment a : m.assignments()) {
                        assertThat(a.quadrant().highCurrent()).isEqualTo(a.position().current() > m.currentThreshold());
                        assertThat(a.quadrant().highPotential())
                                .isEqualTo(a.position().potential() > m.potentialThreshold());
                    }
                    // at most half of the customers are strictly above a median
                    long highCurrent = m.assignments().stream().filter(a -> a.quadrant().highCurrent()).count();
                    long highPotential = m.assignments().stream().filter(a -> a.quadrant().highPotential()).count();
                    assertThat(2 * highCurrent).isLessThanOrEqualTo(n);
                    assertThat(2 * highPotential).isLessThanOrEqualTo(n);
                });
    }

    @Test
    void raisingACustomersValuesNeverMovesItDownAndThresholdsActMonotonically() {
        qt().withExamples(300).withFixedSeed(62L)
                .forAll(integers().between(-50, 50), integers().between(-50, 50), integers().between(0, 30),
                        integers().between(0, 30))
                .checkAssert((current, potential, up, threshold) -> {
                    ValueMatrix m = ValueMatrix.of(List.of(), threshold, threshold);
                    ValueQuadrant before = m.quadrantOf(current, potential);
                    ValueQuadrant after = m.quadrantOf(current + up, potential + up);
                    assertThat(!before.highCurrent() || after.highCurrent()).isTrue();
                    assertThat(!before.highPotential() || after.highPotential()).isTrue();
                    ValueMatrix stricter = ValueMatrix.of(List.of(), threshold + up, threshold + up);
                    ValueQuadrant strict = stricter.quadrantOf(current, potential);
                    assertThat(!strict.highCurrent() || before.highCurrent()).isTrue();
                    assertThat(!strict.highPotential() || before.highPotential()).isTrue();
                });
    }

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(ValueMatrix.median(new double[] {3, 1, 2})).isEqualTo(2.0);
        assertThat(ValueMatrix.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(ValueMatrix.median(new double[] {Double.MAX_VALUE, Double.MAX_VALUE})).isEqualTo(Double.MAX_VALUE);
    }
}
