package org.crmkit.core.analytics.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeSet;

import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.customer.LifecycleStage;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the lifecycle classifier on random customer bases (seeded {@link Random} harness):
 * one stage per customer, a wider growth band never moves a customer out of stability, and the figures
 * a classification returns, recomputed here from the raw transactions, reproduce its decision.
 */
class LifecyclePropertiesTest {

    static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    static final java.util.Currency EUR = java.util.Currency.getInstance("EUR");
    static final int TRIALS = 300;

    /** A random base: up to 12 customers, each with up to 15 transactions over two years around AS_OF. */
    static List<Transaction> randomBase(Random r) {
        List<Transaction> list = new ArrayList<>();
        int customers = 1 + r.nextInt(12);
        for (int c = 0; c < customers; c++) {
            int n = 1 + r.nextInt(15);
            for (int k = 0; k < n; k++) {
                int daysBefore = r.nextInt(730) - 30; // some after the as-of day
                int cents = r.nextInt(10) == 0 ? -r.nextInt(5000) : r.nextInt(20000);
                list.add(Transaction.of("c" + c, AS_OF.minusDays(daysBefore), BigDecimal.valueOf(cents, 2), EUR));
            }
        }
        return list;
    }

    static LifecyclePolicy randomPolicy(Random r) {
        double decline = r.nextInt(101) / 100.0;
        double ended = decline * r.nextInt(101) / 100.0;
        LifecyclePolicy p = new LifecyclePolicy(1 + r.nextInt(200), r.nextInt(4), BigDecimal.valueOf(r.nextInt(150), 2),
                decline, ended, java.util.OptionalInt.empty());
        return r.nextBoolean() ? p : p.withEndedAfterInactiveDays(1 + r.nextInt(400));
    }

    static Map<String, Double> randomAlive(Random r, int customers) {
        Map<String, Double> alive = new HashMap<>();
        for (int c = 0; c < customers; c++) {
            if (r.nextBoolean()) {
                alive.put("c" + c, r.nextInt(1001) / 1000.0);
            }
        }
        return alive;
    }

    @Test
    void everyCustomerWithAPurchaseByTheAsOfDayGetsExactlyOneStage() {
        Random r = new Random(4001);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<Transaction> base = randomBase(r);
            TreeSet<String> buyers = new TreeSet<>();
            for (Transaction t : base) {
                if (!t.date().isAfter(AS_OF) && t.amount().signum() >= 0) {
                    buyers.add(t.customerId());
                }
            }
            List<LifecycleClassification> all = LifecycleClassifier.of(randomPolicy(r))
                    .classifyAll(Transactions.of(base), AS_OF, randomAlive(r, 12));
            assertThat(all).extracting(LifecycleClassification::customerId).containsExactlyElementsOf(buyers);
            for (LifecycleClassification c : all) {
                assertThat(c.stage()).isEqualTo(c.rule().stage());
            }
            assertThat(LifecycleClassifier.stageCounts(all).values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(buyers.size());
        }
    }

    @Test
    void raisingGNeverTurnsAStableCustomerIntoFormationOrDecline() {
        Random r = new Random(4002);
        for (int trial = 0; trial < TRIALS; trial++) {
            Transactions base = Transactions.of(randomBase(r));
            LifecyclePolicy narrow = randomPolicy(r);
            LifecyclePolicy wide = narrow.withGrowth(narrow.growth().add(BigDecimal.valueOf(r.nextInt(100), 2)));
            Map<String, Double> alive = randomAlive(r, 12);
            List<LifecycleClassification> before = LifecycleClassifier.of(narrow).classifyAll(base, AS_OF, alive);
            List<LifecycleClassification> after = LifecycleClassifier.of(wide).classifyAll(base, AS_OF, alive);
            for (int i = 0; i < before.size(); i++) {
                LifecycleStage was = before.get(i).stage();
                LifecycleStage is = after.get(i).stage();
                if (was == LifecycleStage.STABILITY) {
                    assertThat(is).as(before.get(i).explanation()).isEqualTo(LifecycleStage.STABILITY);
                }
                if (is == LifecycleStage.FORMATION || is == LifecycleStage.DECLINE) {
                    assertThat(was).isEqualTo(is); // a move that shows with a wide band shows with a narrow one
                }
                if (was != LifecycleStage.FORMATION && was != LifecycleStage.DECLINE) {
                    assertThat(is).isEqualTo(was); // g touches only the spend rules
                }
            }
        }
    }

    @Test
    void theFiguresRecomputedFromTheTransactionsReproduceTheDecision() {
        Random r = new Random(4003);
        java.util.Set<LifecycleRule> seen = java.util.EnumSet.noneOf(LifecycleRule.class);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<Transaction> list = randomBase(r);
            LifecyclePolicy policy = randomPolicy(r);
            Map<String, Double> alive = randomAlive(r, 12);
            for (LifecycleClassification c : LifecycleClassifier.of(policy).classifyAll(Transactions.of(list), AS_OF, alive)) {
                Oracle o = Oracle.of(list, c.customerId(), policy.windowDays());
                assertThat(c.tenureDays()).isEqualTo(o.tenure);
                assertThat(c.daysSinceLastPurchase()).isEqualTo(o.sinceLast);
                assertThat(c.repeatPurchases()).isEqualTo(o.repeats);
                assertThat(c.latestWindowSpend()).isEqualByComparingTo(o.latest);
                assertThat(c.priorSpend()).isEqualByComparingTo(o.prior);
                assertThat(c.priorWindows()).isEqualTo(o.priorWindows);
                assertThat(c.probabilityAlive()).isEqualTo(alive.containsKey(c.customerId())
                        ? OptionalDouble.of(alive.get(c.customerId())) : OptionalDouble.empty());
                assertThat(c.stage()).as(c.explanation()).isEqualTo(decide(c, policy));
                seen.add(c.rule());
            }
        }
        assertThat(seen).as("the random bases reach every rule").containsExactlyInAnyOrder(LifecycleRule.values());
    }

    /** The documented rules, applied to the returned figures only. */
    static LifecycleStage decide(LifecycleClassification c, LifecyclePolicy p) {
        OptionalDouble a = c.probabilityAlive();
        if (a.isPresent() && a.getAsDouble() < p.endedBelowAlive()) {
            return LifecycleStage.ENDED;
        }
        if (p.endedAfterInactiveDays().isPresent() && c.daysSinceLastPurchase() >= p.endedAfterInactiveDays().getAsInt()) {
            return LifecycleStage.ENDED;
        }
        if (c.tenureDays() < p.windowDays() || c.repeatPurchases() < p.minRepeatPurchases()) {
            return LifecycleStage.EXPLORATION;
        }
        if (a.isPresent() && a.getAsDouble() < p.declineBelowAlive()) {
            return LifecycleStage.DECLINE;
        }
        BigDecimal latestTimesWindows = c.latestWindowSpend().multiply(BigDecimal.valueOf(c.priorWindows()));
        if (latestTimesWindows.compareTo(BigDecimal.ONE.subtract(p.growth()).multiply(c.priorSpend())) < 0) {
            return LifecycleStage.DECLINE;
        }
        if (latestTimesWindows.compareTo(BigDecimal.ONE.add(p.growth()).multiply(c.priorSpend())) > 0) {
            return LifecycleStage.FORMATION;
        }
        return LifecycleStage.STABILITY;
    }

    /** The figures of one customer, computed naively from the list of transactions. */
    record Oracle(long tenure, long sinceLast, int repeats, BigDecimal latest, BigDecimal prior, int priorWindows) {
        static Oracle of(List<Transaction> list, String id, int w) {
            TreeSet<LocalDate> occasionDays = new TreeSet<>();
            BigDecimal latest = BigDecimal.ZERO;
            BigDecimal prior = BigDecimal.ZERO;
            LocalDate windowStart = AS_OF.minusDays(w - 1L); // first day of the latest window
            for (Transaction t : list) {
                if (!t.customerId().equals(id) || t.date().isAfter(AS_OF)) {
                    continue;
                }
                if (t.amount().signum() >= 0) {
                    occasionDays.add(t.date());
                }
                if (t.date().isBefore(windowStart)) {
                    prior = prior.add(t.amount());
                } else {
                    latest = latest.add(t.amount());
                }
            }
            long tenure = AS_OF.toEpochDay() - occasionDays.first().toEpochDay();
            long priorDays = windowStart.toEpochDay() - occasionDays.first().toEpochDay();
            int windows = priorDays <= 0 ? 0 : (int) ((priorDays + w - 1) / w);
            return new Oracle(tenure, AS_OF.toEpochDay() - occasionDays.last().toEpochDay(), occasionDays.size() - 1,
                    latest.max(BigDecimal.ZERO), prior.max(BigDecimal.ZERO), windows);
        }
    }
}
