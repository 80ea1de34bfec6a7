package org.crmkit.core.analytics.abc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of the ABC analysis, the Lorenz curve and the Gini coefficient. */
class AbcPropertiesTest {

    /** Non-negative values, with many ties and zeros, at least one positive. */
    private static final Gen<List<Integer>> VALUES = lists().of(integers().between(0, 30)).ofSizeBetween(1, 60)
            .assuming(v -> v.stream().anyMatch(x -> x > 0));

    private static AbcAnalysis analyse(List<Integer> values, int aPercent, int bPercent) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            map.put("c" + i, BigDecimal.valueOf(values.get(i)));
        }
        return AbcAnalysis.of(map, AbcThresholds.percent(aPercent, bPercent, 100 - aPercent - bPercent));
    }

    @Test
    void giniIsInZeroToOneAndEqualsOneMinusTwiceTheAreaUnderTheLorenzCurve() {
        qt().withExamples(400).withFixedSeed(21L)
                .forAll(VALUES)
                .checkAssert(values -> {
                    AbcAnalysis abc = analyse(values, 80, 15);
                    assertThat(abc.gini()).isGreaterThanOrEqualTo(0).isLessThan(1);
                    List<LorenzPoint> curve = abc.lorenzCurve();
                    double area = 0;
                    for (int k = 1; k < curve.size(); k++) {
                        area += (curve.get(k).customerShare() - curve.get(k - 1).customerShare())
                                * (curve.get(k).valueShare() + curve.get(k - 1).valueShare()) / 2;
                    }
                    assertThat(abc.gini()).isCloseTo(1 - 2 * area, within(1e-9));
                });
    }

    @Test
    void theLorenzCurveRunsFromOriginToOneMonotoneAndConvexBelowTheDiagonal() {
        qt().withExamples(400).withFixedSeed(22L)
                .forAll(VALUES)
                .checkAssert(values -> {
                    List<LorenzPoint> curve = analyse(values, 80, 15).lorenzCurve();
                    assertThat(curve).hasSize(values.size() + 1);
                    assertThat(curve.get(0)).isEqualTo(new LorenzPoint(0, 0));
                    assertThat(curve.get(curve.size() - 1)).isEqualTo(new LorenzPoint(1, 1));
                    double previousSlope = -1;
                    for (int k = 1; k < curve.size(); k++) {
                        LorenzPoint p = curve.get(k);
                        LorenzPoint q = curve.get(k - 1);
                        assertThat(p.valueShare()).isGreaterThanOrEqualTo(q.valueShare());
                        assertThat(p.valueShare()).isLessThanOrEqualTo(p.customerShare() + 1e-12);
                        double slope = (p.valueShare() - q.valueShare()) / (p.customerShare() - q.customerShare());
                        assertThat(slope).isGreaterThanOrEqualTo(previousSlope - 1e-9);
                        previousSlope = slope;
                    }
                });
    }

    @Test
    void classesCoverEveryCustomerWithATheTopAndEqualValuesInOneClass() {
        qt().withExamples(400).withFixedSeed(23L)
                .forAll(VALUES, integers().between(1, 90), integers().between(0, 9))
                .checkAssert((values, a, b) -> {
                    AbcAnalysis abc = analyse(values, a, Math.min(b, 100 - a));
                    List<AbcCustomer> ranked = abc.customers();
                    assertThat(ranked).hasSize(values.size());
                    assertThat(abc.classCounts().values().stream().mapToInt(Integer::intValue).sum())
                            .isEqualTo(values.size());
                    assertThat(ranked.get(0).abcClass()).isEqualTo(AbcClass.A);
                    for (int i = 1; i < ranked.size(); i++) {
                        AbcCustomer up = ranked.get(i - 1);
                        AbcCustomer down = ranked.get(i);
                        assertThat(up.value()).isGreaterThanOrEqualTo(down.value());
                        assertThat(up.abcClass()).isLessThanOrEqualTo(down.abcClass());
                        if (up.value().compareTo(down.value()) == 0) {
                            assertThat(up.abcClass()).isEqualTo(down.abcClass());
                        }
                    }
                    // A holds at least its share of value
                    assertThat(abc.classValueShares().get(AbcClass.A)).isGreaterThanOrEqualTo(a / 100.0 - 1e-12);
                    assertThat(abc.paretoShare()).isGreaterThan(0).isLessThanOrEqualTo(1);
                });
    }
}
