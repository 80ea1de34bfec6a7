package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * The primitive tuple index behind the collapsed histories, and the array forms of the histories and of
 * the lifetime value, against straightforward references on seeded random data.
 */
class ColumnarFormsTest {

    @Test
    void theTupleIndexNumbersDistinctTuplesInTheOrderFirstSeen() {
        Random r = new Random(7001);
        for (int trial = 0; trial < 60; trial++) {
            int arity = 1 + r.nextInt(3);
            TupleIndex index = new TupleIndex(arity, r.nextInt(40));
            Map<List<Double>, Integer> reference = new LinkedHashMap<>();
            int n = r.nextInt(trial < 50 ? 300 : 50_000);
            for (int i = 0; i < n; i++) {
                double[] t = new double[3];
                for (int k = 0; k < 3; k++) {
                    // whole numbers, weeks as fractions, and both zeros
                    t[k] = switch (r.nextInt(4)) {
                        case 0 -> r.nextInt(20);
                        case 1 -> r.nextInt(500) / 7.0;
                        case 2 -> r.nextBoolean() ? 0.0 : -0.0;
                        default -> r.nextDouble() * 1e9;
                    };
                }
                List<Double> key = new ArrayList<>();
                for (int k = 0; k < arity; k++) {
                    key.add(t[k] + 0.0);
                }
                int expected = reference.computeIfAbsent(key, x -> reference.size());
                assertThat(index.rowOf(t[0], t[1], t[2])).isEqualTo(expected);
            }
            assertThat(index.size()).isEqualTo(reference.size());
            int row = 0;
            for (List<Double> key : reference.keySet()) {
                for (int k = 0; k < arity; k++) {
                    assertThat(index.component(row, k)).isEqualTo(key.get(k));
                }
                row++;
            }
        }
    }

    @Test
    void collapsedHistoriesKeepFirstSeenOrderAndAddWeights() {
        Random r = new Random(7002);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(400);
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            double[] w = new double[n];
            Map<List<Double>, Double> reference = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                t[i] = r.nextInt(6) / 7.0;
                x[i] = r.nextInt(3);
                tx[i] = x[i] == 0 ? (r.nextBoolean() ? 0.0 : -0.0) : r.nextInt(6) / 7.0 * (t[i] > 0 ? 1 : 0);
                tx[i] = Math.min(tx[i], t[i]);
                w[i] = 1 + r.nextInt(3);
                reference.merge(List.of(x[i] + 0.0, tx[i] + 0.0, t[i] + 0.0), w[i], Double::sum);
            }
            PurchaseHistories h = PurchaseHistories.weighted(x, tx, t, w);
            assertThat(h.size()).isEqualTo(reference.size());
            int row = 0;
            for (Map.Entry<List<Double>, Double> e : reference.entrySet()) {
                assertThat(List.of(h.frequency(row), h.recency(row), h.age(row))).isEqualTo(e.getKey());
                assertThat(h.weight(row)).isEqualTo(e.getValue());
                row++;
            }
            assertThat(h.customers()).isEqualTo(reference.values().stream().mapToDouble(Double::doubleValue).sum());
            // the distinct times: t_x and T together, ascending, each row pointing at its own
            java.util.TreeSet<Double> times = new java.util.TreeSet<>();
            for (int i = 0; i < h.size(); i++) {
                times.add(h.recency(i));
                times.add(h.age(i));
                assertThat(h.times[h.recencyTime[i]]).isEqualTo(h.recency(i));
                assertThat(h.times[h.ageTime[i]]).isEqualTo(h.age(i));
            }
            assertThat(h.times).containsExactly(times.stream().mapToDouble(Double::doubleValue).toArray());
        }
        assertThatThrownBy(() -> PurchaseHistories.of(new double[] {1, 0}, new double[] {0, 2}, new double[] {3, 3}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("recency[1]");
    }

    @Test
    void theBgNbdLikelihoodOverDistinctTimesIsTheSumOverCustomers() {
        Random r = new Random(7005);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(300);
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = r.nextInt(80) / 7.0;
                x[i] = t[i] == 0 ? 0 : r.nextInt(trial % 10 == 0 ? 300 : 6);
                tx[i] = x[i] == 0 ? 0.0 : r.nextInt(80) / 7.0 * t[i] / (80 / 7.0);
            }
            PurchaseHistories h = PurchaseHistories.of(x, tx, t);
            double pr = Math.exp(r.nextGaussian());
            double pa = Math.exp(2 * r.nextGaussian());
            double aa = Math.exp(r.nextGaussian());
            double bb = Math.exp(r.nextGaussian());
            BgNbdModel model = new BgNbdModel(pr, pa, aa, bb);
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += model.logLikelihood(x[i], tx[i], t[i]);
            }
            double[] gradient = new double[4];
            double withGradient = BgNbdModel.logLikelihood(pr, pa, aa, bb, h, gradient);
            double plain = BgNbdModel.logLikelihood(pr, pa, aa, bb, h);
            assertThat(plain).isCloseTo(sum, within(1e-9 * Math.abs(sum)));
            assertThat(withGradient).isCloseTo(plain, within(1e-12 * Math.abs(plain)));
            for (double g : gradient) {
                assertThat(g).isFinite();
            }
        }
    }

    @Test
    void spendHistoriesAreSortedByFrequencyKeepingFirstSeenOrderWithin() {
        Random r = new Random(7003);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(300);
            double[] x = new double[n];
            double[] m = new double[n];
            Map<List<Double>, Double> reference = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                x[i] = 1 + r.nextInt(5);
                m[i] = 1 + r.nextInt(4) * 2.5;
                reference.merge(List.of(x[i], m[i]), 1.0, Double::sum);
            }
            List<Map.Entry<List<Double>, Double>> rows = new ArrayList<>(reference.entrySet());
            rows.sort(java.util.Comparator.comparingDouble(e -> e.getKey().get(0))); // stable
            SpendHistories s = SpendHistories.of(x, m);
            assertThat(s.size()).isEqualTo(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(s.x[i]).isEqualTo(rows.get(i).getKey().get(0));
                assertThat(s.meanSpend[i]).isEqualTo(rows.get(i).getKey().get(1));
                assertThat(s.weight[i]).isEqualTo(rows.get(i).getValue());
            }
        }
    }

    @Test
    void lifetimeValuesFromArraysAreTheValuesOneByOneToTheLastBit() {
        Random r = new Random(7004);
        for (int trial = 0; trial < 100; trial++) {
            TransactionModel purchases = r.nextBoolean()
                    ? new BgNbdModel(0.1 + r.nextDouble(), 1 + 10 * r.nextDouble(), 0.1 + r.nextDouble(), 0.5 + 3 * r.nextDouble())
                    : new ParetoNbdModel(0.1 + r.nextDouble(), 1 + 10 * r.nextDouble(), 0.1 + r.nextDouble(), 1 + 10 * r.nextDouble());
            LifetimeValue clv = new LifetimeValue(purchases, new GammaGammaModel(6, 4, 15), 1 + r.nextInt(12), 4.35,
                    0.01, 0.3);
            int n = 1 + r.nextInt(200);
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            double[] m = new double[n];
            List<PurchaseHistory> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                t[i] = r.nextInt(40);
                x[i] = t[i] == 0 ? 0 : r.nextInt(6);
                tx[i] = x[i] == 0 ? 0 : r.nextInt((int) t[i] + 1);
                m[i] = x[i] > 0 && r.nextInt(4) > 0 ? 5 + r.nextInt(50) : Double.NaN;
                list.add(Double.isNaN(m[i]) ? PurchaseHistory.of(x[i], tx[i], t[i])
                        : PurchaseHistory.of(x[i], tx[i], t[i], m[i]));
            }
            double[] fromArrays = clv.valuesOf(x, tx, t, m);
            for (int i = 0; i < n; i++) {
                assertThat(fromArrays[i]).isEqualTo(clv.valueOf(list.get(i)));
            }
            assertThat(clv.valuesOf(list)).containsExactly(fromArrays);
        }
        LifetimeValue clv = new LifetimeValue(new BgNbdModel(0.24, 4.4, 0.79, 2.4), new GammaGammaModel(6, 4, 15),
                12, 4.35, 0.01, 1);
        assertThatThrownBy(() -> clv.valuesOf(new double[] {1}, new double[] {1}, new double[] {2}, new double[] {-1}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("meanSpend[0]");
        assertThatThrownBy(() -> clv.valuesOf(new double[] {1}, new double[] {3}, new double[] {2}, new double[] {1}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("recency[0]");
    }
}
