package org.crmkit.benchmarks;

import java.time.LocalDate;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.analytics.PurchaseHistoryAdapter;
import org.crmkit.core.analytics.clv.BatchScores;
import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.ModelFit;
import org.crmkit.core.analytics.clv.ParetoNbdModel;
import org.crmkit.core.analytics.clv.PurchaseHistories;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.clv.SpendHistories;
import org.crmkit.core.analytics.simulation.CustomerBaseSimulator;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transactions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The figures issue 4 asks for: fitting BG/NBD (and Pareto/NBD and Gamma-Gamma) on a large base, scoring
 * probability alive and expected purchases for every customer, and the whole analysis of a transactions
 * batch. The base is simulated from the published CDNOW parameters (seeded, so every run sees the same
 * data); calibration ends after 39 weeks, as in the literature.
 *
 * <p>Run with {@code java -jar crm-benchmarks/target/benchmarks.jar LifetimeValueBenchmarks
 * -p customers=1000000} (see docs/performance.md).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class LifetimeValueBenchmarks {

    /** How many customers to simulate. */
    @Param({"100000"})
    public int customers;

    private Transactions transactions;
    private PurchaseHistories histories;
    private SpendHistories spend;
    private double[] x;
    private double[] tx;
    private double[] t;
    private BgNbdModel model;
    private LocalDate calibrationEnd;

    /** Simulates the base once per trial. */
    @Setup(Level.Trial)
    public void simulate() {
        CustomerBaseSimulator simulator = CustomerBaseSimulator.builder().customers(customers).seed(42).build();
        transactions = simulator.toTransactions();
        calibrationEnd = CustomerBaseSimulator.DEFAULT_START.plusWeeks(39);
        Collection<PurchaseHistory> list = PurchaseHistoryAdapter.histories(transactions, calibrationEnd,
                PeriodUnit.WEEK).values();
        histories = PurchaseHistories.of(list);
        spend = SpendHistories.of(list);
        x = list.stream().mapToDouble(PurchaseHistory::frequency).toArray();
        tx = list.stream().mapToDouble(PurchaseHistory::recency).toArray();
        t = list.stream().mapToDouble(PurchaseHistory::age).toArray();
        model = BgNbdModel.fit(histories).model();
    }

    /** Fits BG/NBD by maximum likelihood on every customer (collapsed into distinct histories). */
    @Benchmark
    public ModelFit<BgNbdModel> fitBgNbd() {
        return BgNbdModel.fit(histories);
    }

    /** Fits Pareto/NBD by maximum likelihood on every customer (collapsed into distinct histories). */
    @Benchmark
    public ModelFit<ParetoNbdModel> fitParetoNbd() {
        return ParetoNbdModel.fit(histories);
    }

    /** Fits Gamma-Gamma by maximum likelihood on the repeat buyers' mean spend (collapsed into distinct rows). */
    @Benchmark
    public ModelFit<GammaGammaModel> fitGammaGamma() {
        return GammaGammaModel.fit(spend);
    }

    /** P(alive) for every customer. */
    @Benchmark
    public double[] scoreProbabilityAlive() {
        return model.probabilityAlive(x, tx, t);
    }

    /** Expected purchases in the next 39 weeks for every customer. */
    @Benchmark
    public double[] scoreExpectedPurchases() {
        return model.conditionalExpectedPurchases(39.0, x, tx, t);
    }

    /** P(alive) and expected purchases in the next 39 weeks for every customer, in one pass. */
    @Benchmark
    public BatchScores scoreBoth() {
        return model.score(39.0, x, tx, t);
    }

    /** The whole analysis: summaries, three model fits, RFM, ABC and one row per customer. */
    @Benchmark
    public CustomerBaseAnalysis analyseEverything() {
        return CustomerBaseAnalysis.run(transactions, CustomerBaseAnalysis.Options.of(calibrationEnd, PeriodUnit.WEEK));
    }
}
