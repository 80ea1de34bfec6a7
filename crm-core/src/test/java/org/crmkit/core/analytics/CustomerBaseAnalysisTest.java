package org.crmkit.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import org.crmkit.core.analytics.abc.AbcAnalysis;
import org.crmkit.core.analytics.abc.AbcBasis;
import org.crmkit.core.analytics.abc.AbcClass;
import org.crmkit.core.analytics.abc.AbcThresholds;
import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.ModelFitException;
import org.crmkit.core.analytics.clv.ParetoNbdModel;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.simulation.CustomerBaseSimulator;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.TransactionCsv;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerBaseAnalysisTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate CDNOW_END = LocalDate.of(1997, 9, 30);

    private static Transactions cdnow;
    private static CustomerBaseAnalysis analysis;

    @BeforeAll
    static void readCdnow() throws IOException {
        var options = TransactionCsv.Options.defaults(USD)
                .withHeader("master_id", "customer_id", "date", "cds", "amount")
                .withWhitespaceDelimited()
                .withDateFormat("yyyyMMdd");
        try (Reader in = new InputStreamReader(Objects.requireNonNull(CustomerBaseAnalysisTest.class
                .getResourceAsStream("transactions/CDNOW_sample.txt")), StandardCharsets.UTF_8)) {
            cdnow = TransactionCsv.read(in, options).transactions();
        }
        analysis = CustomerBaseAnalysis.run(cdnow, CustomerBaseAnalysis.Options.of(CDNOW_END, PeriodUnit.WEEK));
    }

    /**
     * Fader, Hardie and Lee (2005) fit on (x, t_x, T) in weeks: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4.
     * The histories here come from the raw transactions in days divided by 7; the density of the purchase
     * times then carries the same units as the paper's, so the log-likelihood is comparable as is.
     */
    @Test
    void reproducesThePublishedBgNbdFitFromTheRawTransactions() {
        assertThat(analysis.customerCount()).isEqualTo(2357);
        assertThat(analysis.transactionCount()).isEqualTo(6919);
        BgNbdModel m = analysis.bgNbd().model();
        assertThat(m.r()).isCloseTo(0.243, withinPercentage(1));
        assertThat(m.alpha()).isCloseTo(4.414, withinPercentage(1));
        assertThat(m.a()).isCloseTo(0.793, withinPercentage(1));
        assertThat(m.b()).isCloseTo(2.426, withinPercentage(1));
        assertThat(analysis.bgNbd().logLikelihood()).isCloseTo(-9582.4, withinPercentage(0.01));
    }

    @Test
    void classifiesEveryCustomerIntoOneLifecycleStage() {
        java.util.Map<org.crmkit.core.customer.LifecycleStage, Integer> counts = analysis.lifecycleCounts();
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2357);
        assertThat(counts.get(org.crmkit.core.customer.LifecycleStage.EXPLORATION)).isEqualTo(1850);
        assertThat(analysis.lifecycle("0001")).isPresent();
        assertThat(analysis.lifecycle("no such customer")).isEmpty();
    }

    @Test
    void reproducesThePublishedParetoNbdAndGammaGammaFits() {
        assertThat(analysis.paretoNbdBoundary()).isEmpty();
        ParetoNbdModel p = analysis.paretoNbd().orElseThrow().model();
        assertThat(p.r()).isCloseTo(0.553, withinPercentage(1));
        assertThat(p.alpha()).isCloseTo(10.578, withinPercentage(1));
        assertThat(p.s()).isCloseTo(0.606, withinPercentage(1));
        assertThat(p.beta()).isCloseTo(11.669, withinPercentage(1));

        GammaGammaModel g = analysis.gammaGamma().model();
        assertThat(analysis.spendCustomerCount()).isEqualTo(946);
        assertThat(g.p()).isCloseTo(6.25, withinPercentage(1));
        assertThat(g.q()).isCloseTo(3.74, withinPercentage(1));
        assertThat(g.gamma()).isCloseTo(15.44, withinPercentage(1));
    }

    @Test
    void scoresEachCustomer() {
        CustomerBaseAnalysis.CustomerRow c1 = analysis.customer("0001").orElseThrow();
        assertThat(c1.frequency()).isEqualTo(2);
        assertThat(c1.recency()).isCloseTo(30.43, within(0.005));
        assertThat(c1.age()).isCloseTo(38.86, within(0.005));
        assertThat(c1.meanSpend().getAsDouble()).isCloseTo(22.35, within(0.005));
        assertThat(c1.probabilityAlive()).isCloseTo(0.7266, within(5e-4));
        assertThat(c1.netSpend()).isEqualByComparingTo(new BigDecimal("74.02"));
        assertThat(c1.rfmCode()).hasSize(3);
        // one year of average months in weeks: 52.18 weeks
        assertThat(analysis.options().horizon()).isCloseTo(365.25 / 7, within(1e-9));

        assertThat(analysis.customers()).hasSize(2357).allSatisfy(row -> {
            assertThat(row.probabilityAlive()).isBetween(0.0, 1.0);
            assertThat(Double.isFinite(row.expectedPurchases()) && row.expectedPurchases() >= 0).isTrue();
            assertThat(Double.isFinite(row.lifetimeValue()) && row.lifetimeValue() >= 0).isTrue();
        });
        assertThat(analysis.rfm().segmentCounts()).containsEntry("champions", 609);
        assertThat(analysis.abc()).isPresent();
        assertThat(analysis.customers().stream().filter(r -> r.abcClass() == AbcClass.A).count())
                .isEqualTo(analysis.abc().orElseThrow().classCounts().get(AbcClass.A).longValue());
    }

    /**
     * The columnar result against the building blocks used one customer at a time: the histories of
     * {@link PurchaseHistoryAdapter}, the model's scores of each history, the RFM and ABC analyses' own
     * lookups, and the lifecycle classifier given the row's P(alive).
     */
    @Test
    void eachRowIsWhatTheBuildingBlocksGiveForThatCustomer() {
        java.util.Map<String, PurchaseHistory> histories = PurchaseHistoryAdapter.histories(cdnow, CDNOW_END,
                PeriodUnit.WEEK);
        assertThat(analysis.customers()).extracting(CustomerBaseAnalysis.CustomerRow::customerId)
                .containsExactlyElementsOf(histories.keySet());
        BgNbdModel bg = analysis.bgNbd().model();
        var options = analysis.options();
        var clv = new org.crmkit.core.analytics.clv.LifetimeValue(bg, analysis.gammaGamma().model(),
                options.clvPeriods(), options.clvPeriodLength(), options.discountRate(), options.margin());
        var classifier = org.crmkit.core.analytics.lifecycle.LifecycleClassifier.withDefaults();
        java.util.Map<String, Double> alive = new java.util.HashMap<>();
        for (CustomerBaseAnalysis.CustomerRow row : analysis.customers()) {
            PurchaseHistory h = histories.get(row.customerId());
            assertThat(row.frequency()).isEqualTo((int) h.frequency());
            assertThat(row.recency()).isEqualTo(h.recency());
            assertThat(row.age()).isEqualTo(h.age());
            assertThat(row.meanSpend()).isEqualTo(h.meanSpend());
            assertThat(row.probabilityAlive()).isCloseTo(bg.probabilityAlive(h), within(1e-12));
            assertThat(row.expectedPurchases()).isCloseTo(bg.conditionalExpectedPurchases(options.horizon(), h),
                    within(1e-10));
            assertThat(row.lifetimeValue()).isEqualTo(clv.valueOf(h));
            var rfm = analysis.rfm().customer(row.customerId()).orElseThrow();
            assertThat(row.rfmCode()).isEqualTo(rfm.score().code());
            assertThat(row.rfmSegment()).isEqualTo(rfm.segment());
            assertThat(row.netSpend()).isEqualByComparingTo(rfm.values().monetary().max(BigDecimal.ZERO));
            assertThat(row.abcClass()).isEqualTo(analysis.abc().orElseThrow().customer(row.customerId())
                    .orElseThrow().abcClass());
            assertThat(analysis.customer(row.customerId())).contains(row);
            var stage = analysis.lifecycle(row.customerId()).orElseThrow();
            assertThat(stage).isEqualTo(classifier.classify(cdnow, row.customerId(), CDNOW_END,
                    java.util.OptionalDouble.of(row.probabilityAlive())).orElseThrow());
            alive.put(row.customerId(), row.probabilityAlive());
        }
        assertThat(analysis.lifecycleCounts()).isEqualTo(
                org.crmkit.core.analytics.lifecycle.LifecycleClassifier.stageCounts(
                        classifier.classifyAll(cdnow, CDNOW_END, alive)));
        assertThat(analysis.totalLifetimeValue()).isCloseTo(analysis.customers().stream()
                .mapToDouble(CustomerBaseAnalysis.CustomerRow::lifetimeValue).sum(), within(1e-6));
        assertThat(analysis.customer("no such customer")).isEmpty();
        assertThat(analysis.customer(null)).isEmpty();
    }

    @Test
    void sameDayPurchasesAreOneOccasionAndRefundsStayOutOfTheSpendModel() {
        Transactions t = Transactions.of(List.of(
                tx("a", "2024-01-01", "10.00"),
                tx("a", "2024-01-01", "5.00"),
                tx("a", "2024-01-15", "20.00"),
                tx("a", "2024-01-15", "4.00"),
                tx("a", "2024-01-16", "-3.00"),
                tx("a", "2024-01-29", "30.00"),
                tx("a", "2024-03-01", "99.00"),
                tx("b", "2024-02-01", "7.00")));

        var histories = PurchaseHistoryAdapter.histories(t, LocalDate.of(2024, 2, 12), PeriodUnit.WEEK);

        assertThat(histories.keySet()).containsExactly("a", "b");
        PurchaseHistory a = histories.get("a");
        assertThat(a.frequency()).isEqualTo(2);
        assertThat(a.recency()).isCloseTo(4.0, within(1e-12));
        assertThat(a.age()).isCloseTo(6.0, within(1e-12));
        assertThat(a.meanSpend().getAsDouble()).isCloseTo((24.0 + 30.0) / 2, within(1e-12));
        assertThat(histories.get("b").meanSpend()).isEmpty();
    }

    @Test
    void anExecutorChangesOnlyWhereTheParetoNbdFitRuns() {
        List<Runnable> parked = new ArrayList<>();
        java.util.concurrent.ExecutorService single = java.util.concurrent.Executors.newSingleThreadExecutor();
        List<Executor> executors = List.of(task -> new Thread(task, "test-helper").start(), Runnable::run,
                parked::add, single);
        for (Executor executor : executors) {
            List<String> stages = new ArrayList<>();
            Set<Thread> told = new HashSet<>();
            CustomerBaseAnalysis a = CustomerBaseAnalysis.run(cdnow,
                    CustomerBaseAnalysis.Options.of(CDNOW_END, PeriodUnit.WEEK), stage -> {
                        stages.add(stage);
                        told.add(Thread.currentThread());
                    }, executor);

            assertThat(stages).containsExactly("histories", "BG/NBD", "Gamma-Gamma", "customers", "lifecycle", "RFM",
                    "ABC", "Pareto/NBD");
            assertThat(told).containsExactly(Thread.currentThread());
            // the same result, bit for bit
            assertThat(a.paretoNbd()).isEqualTo(analysis.paretoNbd());
            assertThat(a.bgNbd()).isEqualTo(analysis.bgNbd());
            assertThat(a.gammaGamma()).isEqualTo(analysis.gammaGamma());
            assertThat(a.customers()).containsExactlyElementsOf(analysis.customers());
            assertThat(a.lifecycleCounts()).isEqualTo(analysis.lifecycleCounts());
            assertThat(a.toString()).isEqualTo(analysis.toString());
            assertThat(a.rfm().segmentCounts()).isEqualTo(analysis.rfm().segmentCounts());
            assertThat(a.rfm().customers()).containsExactlyElementsOf(analysis.rfm().customers());
            assertThat(a.abc().orElseThrow().classCounts()).isEqualTo(analysis.abc().orElseThrow().classCounts());
            assertThat(a.abc().orElseThrow().customers()).containsExactlyElementsOf(
                    analysis.abc().orElseThrow().customers());
        }
        single.shutdown();
        // the parked tasks (Pareto/NBD, RFM, ABC) were taken over by the caller; run late, they compute nothing
        assertThat(parked).hasSize(3);
        for (Runnable task : parked) {
            Deferred<?> deferred = (Deferred<?>) task;
            Object result = deferred.join();
            task.run();
            assertThat(deferred.join()).isNotNull().isSameAs(result);
        }
    }

    @Test
    void aStageThatFailsWithdrawsTheParetoNbdFitNotYetStarted() {
        List<Transaction> list = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            list.add(tx("c" + i, LocalDate.of(2024, 1, 1).plusDays(i).toString(), "10.00"));
            // everyone buys again exactly 60 days later: BG/NBD cannot identify its parameters
            list.add(tx("c" + i, LocalDate.of(2024, 3, 1).plusDays(i).toString(), "0.00"));
        }
        List<Runnable> parked = new ArrayList<>();

        assertThatThrownBy(() -> CustomerBaseAnalysis.run(Transactions.of(list),
                CustomerBaseAnalysis.Options.of(LocalDate.of(2024, 6, 1), PeriodUnit.WEEK), stage -> { },
                parked::add))
                .isInstanceOf(ModelFitException.class)
                .hasMessageStartingWith("BG/NBD fit did not converge");
        // withdrawn: the executor's late runs compute nothing, and the results say so
        assertThat(parked).hasSize(3);
        for (Runnable task : parked) {
            task.run();
            assertThatThrownBy(((Deferred<?>) task)::join).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void aProgressCallbackThatThrowsWithdrawsTheStagesNotYetStarted() {
        for (String abortAt : List.of("BG/NBD", "customers", "RFM", "ABC", "Pareto/NBD")) {
            List<Runnable> parked = new ArrayList<>();
            IllegalStateException abort = new IllegalStateException("stop at " + abortAt);

            assertThatThrownBy(() -> CustomerBaseAnalysis.run(cdnow, CustomerBaseAnalysis.Options.of(CDNOW_END,
                    PeriodUnit.WEEK), stage -> {
                        if (stage.equals(abortAt)) {
                            throw abort;
                        }
                    }, parked::add)).isSameAs(abort);
            assertThat(parked).as(abortAt).hasSize(3);
            // RFM and ABC may have been taken over by the caller before the abort; nothing is left to start
            for (Runnable task : parked) {
                Deferred<?> deferred = (Deferred<?>) task;
                task.run();
                try {
                    deferred.join();
                } catch (CancellationException withdrawn) {
                    continue;
                }
                assertThat(abortAt).as("a stage computed before the abort at " + abortAt).isIn("ABC", "Pareto/NBD");
            }
            assertThatThrownBy(((Deferred<?>) parked.get(0))::join).as("Pareto/NBD, aborted at " + abortAt)
                    .isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void anExecutorThatThrowsLeavesTheStagesToTheCaller() {
        CustomerBaseAnalysis a = CustomerBaseAnalysis.run(cdnow, CustomerBaseAnalysis.Options.of(CDNOW_END,
                PeriodUnit.WEEK), stage -> { }, task -> {
                    throw new IllegalStateException("broken executor");
                });

        assertThat(a.toString()).isEqualTo(analysis.toString());
        assertThat(a.paretoNbd()).isEqualTo(analysis.paretoNbd());
    }

    @Test
    void theParetoNbdVerdictComesBackFromTheExecutorsThread() {
        Transactions ridge = CustomerBaseSimulator.builder().customers(600).seed(4).build().toTransactions();
        CustomerBaseAnalysis.Options options = CustomerBaseAnalysis.Options.of(LocalDate.of(1997, 9, 30),
                PeriodUnit.WEEK);

        CustomerBaseAnalysis concurrent = CustomerBaseAnalysis.run(ridge, options, stage -> { },
                task -> new Thread(task, "test-pareto-nbd").start());
        CustomerBaseAnalysis sequential = CustomerBaseAnalysis.run(ridge, options);

        assertThat(concurrent.paretoNbd()).isEmpty();
        assertThat(concurrent.paretoNbdBoundary().orElseThrow().boundaryEstimates())
                .isEqualTo(sequential.paretoNbdBoundary().orElseThrow().boundaryEstimates());
        assertThatThrownBy(() -> CustomerBaseAnalysis.run(ridge, options, stage -> { }, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("executor");
    }

    @Test
    void abcByNetMarginRanksTheMarginsUpToTheCalibrationEnd() {
        CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(500).seed(12).build();
        java.util.Random rates = new java.util.Random(5);
        java.util.Map<String, BigDecimal> rate = new java.util.HashMap<>();
        LocalDate end = sim.lastDate().minusDays(120);
        List<Transaction> all = new ArrayList<>();
        List<Transaction> upToEnd = new ArrayList<>();
        sim.transactions().forEach(t -> {
            BigDecimal r = rate.computeIfAbsent(t.customerId(), id -> BigDecimal.valueOf(rates.nextInt(70) - 5, 2));
            Transaction withMargin = new Transaction(t.customerId(), t.date(), t.amount(), t.currency(),
                    t.amount().multiply(r).setScale(2, java.math.RoundingMode.HALF_EVEN), null, null, null);
            all.add(withMargin);
            if (!t.date().isAfter(end)) {
                upToEnd.add(withMargin);
            }
        });
        CustomerBaseAnalysis.Options options = CustomerBaseAnalysis.Options.of(end, PeriodUnit.WEEK)
                .withAbcBasis(AbcBasis.NET_MARGIN).withValuation(6, 4.0, 0.02, 0.5);
        assertThat(options.abcBasis()).isEqualTo(AbcBasis.NET_MARGIN);

        CustomerBaseAnalysis a = CustomerBaseAnalysis.run(Transactions.of(all), options);
        AbcAnalysis expected = AbcAnalysis.ofNetMargin(Transactions.of(upToEnd), AbcThresholds.DEFAULT);

        AbcAnalysis abc = a.abc().orElseThrow();
        assertThat(abc.total()).isEqualByComparingTo(expected.total());
        assertThat(abc.classCounts()).isEqualTo(expected.classCounts());
        assertThat(abc.customers()).containsExactlyElementsOf(expected.customers());
        assertThat(a.customers()).allSatisfy(row -> assertThat(row.abcClass())
                .isEqualTo(expected.customer(row.customerId()).orElseThrow().abcClass()));
        assertThatThrownBy(() -> options.withAbcBasis(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("abcBasis");
    }

    @Test
    void aBaseWithoutRepeatPurchasesCannotBeFittedAndSaysWhichModel() {
        List<Transaction> list = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            list.add(tx("c" + i, LocalDate.of(2024, 1, 1).plusDays(i).toString(), "10.00"));
        }
        Transactions oneTimers = Transactions.of(list);

        assertThatThrownBy(() -> CustomerBaseAnalysis.run(oneTimers,
                CustomerBaseAnalysis.Options.of(LocalDate.of(2024, 6, 1), PeriodUnit.WEEK)))
                .isInstanceOf(ModelFitException.class)
                .hasMessageStartingWith("BG/NBD fit did not converge");
    }

    @Test
    void aCustomerWhoseAmountsOutgrowALongIsNamed() {
        LocalDate day = LocalDate.of(2024, 1, 1);
        Transactions base = Transactions.of(List.of(
                Transaction.of("big", day, new BigDecimal("92233720368547758.07"), USD),
                Transaction.of("big", day.plusDays(1), new BigDecimal("0.01"), USD),
                Transaction.of("small", day, BigDecimal.ONE, USD)));

        assertThatThrownBy(() -> CustomerBaseAnalysis.run(base, CustomerBaseAnalysis.Options.of(day.plusDays(5),
                PeriodUnit.DAY)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("transactions").hasMessageContaining("for one customer")
                .hasMessageContaining("big");
    }

    @Test
    void aCalibrationEndBeforeEveryPurchaseIsRefused() {
        assertThatThrownBy(() -> CustomerBaseAnalysis.run(cdnow,
                CustomerBaseAnalysis.Options.of(LocalDate.of(1996, 12, 31), PeriodUnit.WEEK)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("calibrationEnd");
    }

    @Test
    void simulatedBasesOfManySeedsGiveFiniteScores() {
        // a seeded harness in place of a property-test library: 8 small bases, each analysed in days and months
        for (long seed = 1; seed <= 8; seed++) {
            CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(400).seed(seed).build();
            Transactions batch = sim.toTransactions();
            for (PeriodUnit unit : new PeriodUnit[] {PeriodUnit.DAY, PeriodUnit.MONTH}) {
                CustomerBaseAnalysis a = CustomerBaseAnalysis.run(batch,
                        CustomerBaseAnalysis.Options.of(sim.lastDate(), unit));
                assertThat(a.customerCount()).isEqualTo(400);
                assertThat(a.customers()).allSatisfy(row -> {
                    assertThat(row.probabilityAlive()).isBetween(0.0, 1.0);
                    assertThat(Double.isFinite(row.lifetimeValue())).isTrue();
                });
                assertThat(a.rfm().segmentCounts().values().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(400);
            }
        }
    }

    private static Transaction tx(String id, String date, String amount) {
        return Transaction.of(id, LocalDate.parse(date), new BigDecimal(amount), USD);
    }
}
