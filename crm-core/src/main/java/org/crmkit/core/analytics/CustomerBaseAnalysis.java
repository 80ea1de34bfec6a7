package org.crmkit.core.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.RandomAccess;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import org.crmkit.core.analytics.abc.AbcAnalysis;
import org.crmkit.core.analytics.abc.AbcBasis;
import org.crmkit.core.analytics.abc.AbcClass;
import org.crmkit.core.analytics.abc.AbcCustomer;
import org.crmkit.core.analytics.abc.AbcThresholds;
import org.crmkit.core.analytics.clv.BatchScores;
import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.LifetimeValue;
import org.crmkit.core.analytics.clv.ModelFit;
import org.crmkit.core.analytics.clv.ModelFitException;
import org.crmkit.core.analytics.clv.NoInteriorMaximumException;
import org.crmkit.core.analytics.clv.ParetoNbdModel;
import org.crmkit.core.analytics.clv.PurchaseHistories;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.clv.SpendHistories;
import org.crmkit.core.analytics.lifecycle.LifecycleClassification;
import org.crmkit.core.analytics.lifecycle.LifecycleClassifier;
import org.crmkit.core.analytics.lifecycle.LifecycleRule;
import org.crmkit.core.analytics.rfm.RfmAnalysis;
import org.crmkit.core.analytics.rfm.RfmCustomer;
import org.crmkit.core.analytics.rfm.SegmentMap;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.spi.ValidationException;

/**
 * Runs the whole customer-base analysis over one batch of transactions and returns it as one immutable
 * result: the purchase histories up to a calibration end ({@link PurchaseHistoryAdapter}), the BG/NBD,
 * Pareto/NBD and Gamma-Gamma fits, RFM segments as of the calibration end, ABC classes of the net spend
 * (or net margin) up to the calibration end, lifecycle stages, and one {@link CustomerRow} per customer.
 *
 * <p>Per-customer scores use the BG/NBD model for P(alive) and expected purchases, and BG/NBD with
 * Gamma-Gamma for the lifetime value ({@link LifetimeValue}; see {@link Options} for the horizon).
 * Lifecycle stages use the default {@link LifecycleClassifier} policy with that P(alive).
 *
 * <p>The result is held column by column: per customer a few primitive values (x, first and last day,
 * z̄, net spend, P(alive), expectation, lifetime value, the RFM score byte and the lifecycle rule), so a
 * base of millions fits in a small heap. {@link #customers()}, {@link #customer(String)} and
 * {@link #lifecycle(String)} build each row or classification when it is read; the result keeps the
 * batch for that.
 *
 * <p>A model that cannot be fitted stops the analysis with a {@link ModelFitException} naming the model
 * ("BG/NBD", "Pareto/NBD" or "Gamma-Gamma"); no NaN or infinite value ever reaches the result. One case
 * does not stop it: a Pareto/NBD likelihood without an interior maximum
 * ({@link NoInteriorMaximumException}). Pareto/NBD is reported alongside BG/NBD but feeds no score, so
 * the analysis goes on and {@link #paretoNbdBoundary()} says where the likelihood's supremum lies.
 *
 * @since 0.1
 */
public final class CustomerBaseAnalysis {

    private final Options options;
    private final Transactions transactions;
    private final int transactionCount;
    private final int calibrationTransactions;
    private final int customersAfterCalibration;
    private final int customersWithoutPurchase;
    private final PurchaseHistories histories;
    private final ModelFit<BgNbdModel> bgNbd;
    private final ModelFit<ParetoNbdModel> paretoNbd;
    private final NoInteriorMaximumException paretoNbdBoundary;
    private final ModelFit<GammaGammaModel> gammaGamma;
    private final double spendCustomers;
    private final RfmAnalysis rfm;
    private final AbcAnalysis abc;
    private final String currency;
    /** Row to the batch's customer index, increasing (rows are in customer key order). */
    private final int[] customer;
    private final int[] frequency;
    private final int[] firstDay;
    private final int[] lastDay;
    /** z̄, NaN for none. */
    private final double[] meanSpend;
    /** Net spend up to the calibration end in minor units, floored at 0. */
    private final long[] netSpend;
    private final double[] alive;
    private final double[] expected;
    private final double[] value;
    /** The deciding lifecycle rule by the batch's customer index (null for customers not analysed). */
    private final LifecycleRule[] lifecycle;
    private final List<CustomerRow> rows;

    private CustomerBaseAnalysis(Builder b) {
        this.options = b.options;
        this.transactions = b.transactions;
        this.transactionCount = b.transactions.size();
        this.calibrationTransactions = b.calibrationTransactions;
        this.customersAfterCalibration = b.customersAfterCalibration;
        this.customersWithoutPurchase = b.customersWithoutPurchase;
        this.histories = b.histories;
        this.bgNbd = b.bgNbd;
        this.paretoNbd = b.paretoNbd;
        this.paretoNbdBoundary = b.paretoNbdBoundary;
        this.gammaGamma = b.gammaGamma;
        this.spendCustomers = b.spendCustomers;
        this.rfm = b.rfm;
        this.abc = b.abc;
        this.currency = b.currency;
        this.customer = b.customer;
        this.frequency = b.frequency;
        this.firstDay = b.firstDay;
        this.lastDay = b.lastDay;
        this.meanSpend = b.meanSpend;
        this.netSpend = b.netSpend;
        this.alive = b.alive;
        this.expected = b.expected;
        this.value = b.value;
        this.lifecycle = b.lifecycle;
        this.rows = new Rows();
    }

    /** The rows in customer key order, each built when read. */
    private final class Rows extends AbstractList<CustomerRow> implements RandomAccess {

        @Override
        public CustomerRow get(int row) {
            Objects.checkIndex(row, customer.length);
            return rowAt(row);
        }

        @Override
        public int size() {
            return customer.length;
        }
    }

    /**
     * The calibration end, time unit and valuation settings.
     *
     * @param calibrationEnd the last day of the calibration period, inclusive; not null
     * @param unit           the model time unit; not null
     * @param clvPeriods     K, periods in the lifetime-value horizon, &gt;= 1
     * @param clvPeriodLength Δ, the length of one period in {@code unit}, finite and &gt; 0
     * @param discountRate   d per period, finite and &gt; −1
     * @param margin         profit margin on revenue, finite and &gt;= 0
     * @param segments       the RFM segment map; not null
     * @param abcThresholds  the ABC class shares; not null
     * @param abcBasis       the value ABC ranks by, up to the calibration end; not null
     */
    public record Options(LocalDate calibrationEnd, PeriodUnit unit, int clvPeriods, double clvPeriodLength,
                          double discountRate, double margin, SegmentMap segments, AbcThresholds abcThresholds,
                          AbcBasis abcBasis) {

        /** One average month, 365.25 / 12 days. */
        private static final double MONTH_DAYS = 365.25 / 12.0;

        /** Validates every setting. */
        public Options {
            if (calibrationEnd == null) {
                throw new ValidationException("calibrationEnd", "must not be null");
            }
            if (unit == null) {
                throw new ValidationException("unit", "must not be null");
            }
            if (segments == null) {
                throw new ValidationException("segments", "must not be null");
            }
            if (abcThresholds == null) {
                throw new ValidationException("abcThresholds", "must not be null");
            }
            if (abcBasis == null) {
                throw new ValidationException("abcBasis", "must not be null");
            }
            // LifetimeValue checks the rest; build one here so a bad option fails early
            new LifetimeValue(new BgNbdModel(1, 1, 1, 1), new GammaGammaModel(1, 2, 1), clvPeriods, clvPeriodLength,
                    discountRate, margin);
        }

        /**
         * The defaults: a 12-month horizon of average months (30.4375 days, expressed in {@code unit}),
         * 1 % discount a month, margin 1 (revenue), the default RFM segments and 80 / 15 / 5 ABC classes of
         * the net spend.
         */
        public static Options of(LocalDate calibrationEnd, PeriodUnit unit) {
            Objects.requireNonNull(unit, "unit must not be null");
            return new Options(calibrationEnd, unit, 12, MONTH_DAYS / unit.days(), 0.01, 1.0, SegmentMap.defaults(),
                    AbcThresholds.DEFAULT);
        }

        /** @return a copy with another lifetime-value horizon and discount rate */
        public Options withValuation(int periods, double periodLength, double newDiscountRate, double newMargin) {
            return new Options(calibrationEnd, unit, periods, periodLength, newDiscountRate, newMargin, segments,
                    abcThresholds, abcBasis);
        }

        /** @return a copy whose ABC classes rank customers by {@code basis} */
        public Options withAbcBasis(AbcBasis basis) {
            return new Options(calibrationEnd, unit, clvPeriods, clvPeriodLength, discountRate, margin, segments,
                    abcThresholds, basis);
        }

        /** The settings with ABC by net spend, as before {@code abcBasis} existed. */
        public Options(LocalDate calibrationEnd, PeriodUnit unit, int clvPeriods, double clvPeriodLength,
                       double discountRate, double margin, SegmentMap segments, AbcThresholds abcThresholds) {
            this(calibrationEnd, unit, clvPeriods, clvPeriodLength, discountRate, margin, segments, abcThresholds,
                    AbcBasis.NET_SPEND);
        }

        /** @return the horizon of {@link CustomerRow#expectedPurchases()}: K·Δ in {@code unit} */
        public double horizon() {
            return clvPeriods * clvPeriodLength;
        }
    }

    /**
     * One customer's line.
     *
     * @param customerId        the host's customer key
     * @param frequency         x, repeat occasions in the calibration period
     * @param recency           t_x in the unit
     * @param age               T in the unit
     * @param meanSpend         z̄, the mean repeat spend (see {@link PurchaseHistoryAdapter}); empty when none
     * @param netSpend          net spend (refunds included, never below 0) up to the calibration end
     * @param probabilityAlive  P(alive) under BG/NBD
     * @param expectedPurchases E[Y(horizon)] under BG/NBD
     * @param lifetimeValue     CLV over the horizon (BG/NBD and Gamma-Gamma), in the currency's major unit
     * @param rfmCode           the RFM score as three digits, for example "545"
     * @param rfmSegment        the RFM segment's name
     * @param abcClass          the ABC class of the net spend (or net margin, see {@link Options#abcBasis()})
     */
    public record CustomerRow(String customerId, int frequency, double recency, double age, OptionalDouble meanSpend,
                              BigDecimal netSpend, double probabilityAlive, double expectedPurchases,
                              double lifetimeValue, String rfmCode, String rfmSegment, AbcClass abcClass) {
    }

    /** @see #run(Transactions, Options, Consumer) */
    public static CustomerBaseAnalysis run(Transactions transactions, Options options) {
        return run(transactions, options, stage -> { });
    }

    /**
     * Runs the analysis on the calling thread.
     *
     * @param transactions the batch; not null, not empty
     * @param options      the settings; not null
     * @param progress     told the name of each stage as it starts, on the calling thread: "histories",
     *                     "BG/NBD", "Gamma-Gamma", "customers", "lifecycle", "RFM", "ABC", "Pareto/NBD";
     *                     not null
     * @return the result
     * @throws ValidationException on field {@code calibrationEnd} if no purchase is on or before it
     * @throws ModelFitException   naming the model that could not be fitted
     */
    public static CustomerBaseAnalysis run(Transactions transactions, Options options, Consumer<String> progress) {
        return analyse(transactions, options, progress, null);
    }

    /**
     * Runs the analysis, handing the stages no score depends on to {@code executor} while the calling
     * thread fits BG/NBD and Gamma-Gamma and scores each customer: first the Pareto/NBD fit (the longest
     * stage), then RFM, then ABC. On a machine with a spare core this saves most of their time. The
     * result is the same as {@link #run(Transactions, Options, Consumer)}'s, bit for bit: each
     * computation is still sequential. The progress callback is told of a stage when its result is
     * collected, in the same order as there.
     *
     * <p>The library starts no thread of its own. A stage the executor has not started by the time its
     * result is needed is run by the calling thread, so any executor works: a saturated pool, a single
     * thread, or {@code Runnable::run}. If a stage fails (or the progress callback throws), those not yet
     * started are withdrawn; one already running is left to finish, and its result is dropped. The calling
     * thread waits for a stage the executor is running until it ends, even when interrupted (the interrupt
     * status is kept).
     *
     * @param executor runs the Pareto/NBD fit, RFM and ABC, in that order; not null
     * @see #run(Transactions, Options, Consumer)
     */
    public static CustomerBaseAnalysis run(Transactions transactions, Options options, Consumer<String> progress,
                                           Executor executor) {
        Objects.requireNonNull(executor, "executor must not be null");
        return analyse(transactions, options, progress, executor);
    }

    private static CustomerBaseAnalysis analyse(Transactions transactions, Options options,
                                                Consumer<String> progress, Executor executor) {
        if (transactions == null || transactions.isEmpty()) {
            throw new ValidationException("transactions", "must not be empty");
        }
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        Builder b = new Builder();
        b.options = options;
        b.transactions = transactions;
        b.currency = transactions.currency().map(c -> c.getCurrencyCode()).orElse("");
        long end = options.calibrationEnd().toEpochDay();
        PeriodUnit unit = options.unit();

        progress.accept("histories");
        summarise(transactions, end, b);
        int n = b.customer.length;
        if (n == 0) {
            throw new ValidationException("calibrationEnd", "must not be before every purchase",
                    options.calibrationEnd());
        }
        b.customersAfterCalibration = transactions.customerCount() - b.customersWithoutPurchase - n;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        boolean anyRepeat = false;
        int spenders = 0;
        for (int row = 0; row < n; row++) {
            x[row] = b.frequency[row];
            tx[row] = unit.fromDays((long) b.lastDay[row] - b.firstDay[row]);
            age[row] = unit.fromDays(end - b.firstDay[row]);
            anyRepeat |= b.frequency[row] > 0;
            spenders += Double.isNaN(b.meanSpend[row]) ? 0 : 1;
        }
        b.histories = PurchaseHistories.of(x, tx, age);
        if (!anyRepeat) {
            throw new ModelFitException("BG/NBD", "no customer made a repeat purchase by the calibration end "
                    + options.calibrationEnd() + ", so the repeat-buying models cannot be estimated");
        }
        if (options.abcBasis() == AbcBasis.NET_MARGIN && !anyMarginBy(transactions, end)) {
            throw new ValidationException("transactions", "must carry a margin on some transaction up to the"
                    + " calibration end to rank ABC classes by net margin");
        }
        // the stages no score depends on, longest first, for the executor; the caller takes over any it
        // has not started when their results are needed
        PurchaseHistories histories = b.histories;
        Deferred<ModelFit<ParetoNbdModel>> pareto = Deferred.start(
                () -> fitOrExplain("Pareto/NBD", () -> ParetoNbdModel.fit(histories)), executor);
        Deferred<RfmAnalysis> rfm = Deferred.start(
                () -> RfmAnalysis.of(transactions, options.calibrationEnd(), options.segments()), executor);
        int[] rowCustomer = b.customer;
        long[] netSpend = b.netSpend;
        Deferred<AbcAnalysis> abc = Deferred.start(() -> abcOf(transactions, rowCustomer,
                options.abcBasis() == AbcBasis.NET_SPEND ? netSpend : netMargin(transactions, rowCustomer, end),
                options.abcThresholds()), executor);
        try {
            fitAndScore(b, x, tx, age, spenders, progress);
            progress.accept("RFM");
            b.rfm = rfm.join();
            if (b.rfm.customers().size() != n) {
                // both take the customers with a purchase occasion by the calibration end, in key order
                throw new IllegalStateException("RFM analysed " + b.rfm.customers().size() + " customers, not " + n);
            }
            progress.accept("ABC");
            b.abc = abc.join();
            progress.accept("Pareto/NBD");
        } catch (RuntimeException | Error e) {
            pareto.cancel();
            rfm.cancel();
            abc.cancel();
            throw e;
        }
        try {
            b.paretoNbd = pareto.join();
        } catch (NoInteriorMaximumException boundary) {
            // a finding about the data, not a failure: no score depends on Pareto/NBD
            b.paretoNbdBoundary = boundary;
        }
        return new CustomerBaseAnalysis(b);
    }

    /** The BG/NBD and Gamma-Gamma fits, the scores and the lifecycle stages, on the calling thread. */
    private static void fitAndScore(Builder b, double[] x, double[] tx, double[] age, int spenders,
                                    Consumer<String> progress) {
        Transactions transactions = b.transactions;
        Options options = b.options;
        int n = b.customer.length;
        progress.accept("BG/NBD");
        b.bgNbd = fitOrExplain("BG/NBD", () -> BgNbdModel.fit(b.histories));
        progress.accept("Gamma-Gamma");
        if (spenders == 0) {
            throw new ModelFitException("Gamma-Gamma", "no customer has a repeat purchase with a positive spend"
                    + " by the calibration end, so spend per purchase cannot be estimated");
        }
        double[] spendX = new double[spenders];
        double[] spendMean = new double[spenders];
        for (int row = 0, k = 0; row < n; row++) {
            if (!Double.isNaN(b.meanSpend[row])) {
                spendX[k] = x[row];
                spendMean[k++] = b.meanSpend[row];
            }
        }
        SpendHistories spend = SpendHistories.of(spendX, spendMean);
        b.spendCustomers = spend.customers();
        b.gammaGamma = fitOrExplain("Gamma-Gamma", () -> GammaGammaModel.fit(spend));
        if (b.gammaGamma.model().q() <= 1.0) {
            throw new ModelFitException("Gamma-Gamma", "the fitted q is " + b.gammaGamma.model().q()
                    + " (at most 1), so the population's mean spend is infinite and customers without a repeat"
                    + " purchase cannot be valued");
        }

        progress.accept("customers");
        score(b, x, tx, age);

        progress.accept("lifecycle");
        double[] aliveByCustomer = new double[transactions.customerCount()];
        Arrays.fill(aliveByCustomer, Double.NaN);
        for (int row = 0; row < n; row++) {
            aliveByCustomer[b.customer[row]] = b.alive[row];
        }
        b.lifecycle = LifecycleClassifier.withDefaults().rules(transactions, options.calibrationEnd(), aliveByCustomer);
    }

    /** @return true if some transaction on or before day {@code end} carries a margin */
    private static boolean anyMarginBy(Transactions transactions, long end) {
        for (int i = 0; i < transactions.size(); i++) {
            if (transactions.epochDay(i) <= end && transactions.hasMargin(i)) {
                return true;
            }
        }
        return false;
    }

    /** The net margin of each row's customer up to day {@code end}, floored at 0. */
    private static long[] netMargin(Transactions transactions, int[] rowCustomer, long end) {
        long[] margin = new long[rowCustomer.length];
        for (int row = 0; row < rowCustomer.length; row++) {
            int c = rowCustomer[row];
            long sum = 0;
            for (int i = transactions.start(c); i < transactions.end(c) && transactions.epochDay(i) <= end; i++) {
                if (transactions.hasMargin(i)) {
                    sum = transactions.addAmount(c, sum, transactions.marginMinor(i));
                }
            }
            margin[row] = Math.max(0, sum);
        }
        return margin;
    }

    /** ABC classes of the value (net spend or net margin) of each row's customer; null if all are 0. */
    private static AbcAnalysis abcOf(Transactions transactions, int[] rowCustomer, long[] value,
                                     AbcThresholds thresholds) {
        boolean anyValue = false;
        for (long v : value) {
            anyValue |= v > 0;
        }
        if (!anyValue) {
            return null;
        }
        List<String> ids = new AbstractList<>() {
            @Override
            public String get(int row) {
                return transactions.customerId(rowCustomer[row]);
            }

            @Override
            public int size() {
                return rowCustomer.length;
            }
        };
        return AbcAnalysis.ofUnits(ids, value, transactions.amountOf(0).scale(), thresholds);
    }

    /**
     * One pass over the batch: per customer with a purchase occasion by day {@code end}, its first and
     * last occasion, repeat occasions, z̄ and net spend; and the counts of the other customers.
     */
    private static void summarise(Transactions t, long end, Builder b) {
        int customers = t.customerCount();
        int[] customer = new int[customers];
        int[] frequency = new int[customers];
        int[] first = new int[customers];
        int[] last = new int[customers];
        double[] mean = new double[customers];
        long[] net = new long[customers];
        int digits = t.amountOf(0).scale();
        int n = 0;
        int withoutPurchase = 0;
        int calibrationTransactions = 0;
        for (int c = 0; c < customers; c++) {
            int occasions = 0;
            long firstOccasion = 0;
            long lastOccasion = 0;
            long repeatSpend = 0;
            long sum = 0;
            boolean anyPurchase = false;
            for (int i = t.start(c); i < t.end(c); i++) {
                long minor = t.amountMinor(i);
                anyPurchase |= minor >= 0;
                long day = t.epochDay(i);
                if (day > end) {
                    continue;
                }
                calibrationTransactions++;
                sum = t.addAmount(c, sum, minor);
                if (minor < 0) {
                    continue;
                }
                if (occasions == 0) {
                    firstOccasion = day;
                    occasions = 1;
                    lastOccasion = day;
                } else {
                    if (day != lastOccasion) {
                        occasions++;
                        lastOccasion = day;
                    }
                    if (day != firstOccasion) {
                        // z̄ adds the purchases dated on repeat occasions (PurchaseHistoryAdapter)
                        repeatSpend = t.addAmount(c, repeatSpend, minor);
                    }
                }
            }
            if (!anyPurchase) {
                withoutPurchase++;
            }
            if (occasions == 0) {
                continue;
            }
            int x = occasions - 1;
            customer[n] = c;
            frequency[n] = x;
            first[n] = Math.toIntExact(firstOccasion);
            last[n] = Math.toIntExact(lastOccasion);
            mean[n] = x > 0 && repeatSpend > 0 ? major(t, repeatSpend, digits) / x : Double.NaN;
            net[n] = Math.max(0, sum);
            n++;
        }
        b.customer = Arrays.copyOf(customer, n);
        b.frequency = Arrays.copyOf(frequency, n);
        b.firstDay = Arrays.copyOf(first, n);
        b.lastDay = Arrays.copyOf(last, n);
        b.meanSpend = Arrays.copyOf(mean, n);
        b.netSpend = Arrays.copyOf(net, n);
        b.customersWithoutPurchase = withoutPurchase;
        b.calibrationTransactions = calibrationTransactions;
    }

    /** Minor units in the major unit as a double, the same as {@code amountOf(minor).doubleValue()}. */
    private static double major(Transactions t, long minor, int digits) {
        if (Math.abs(minor) < (1L << 52) && digits < POWERS_OF_TEN.length) {
            return digits == 0 ? minor : minor / POWERS_OF_TEN[digits];
        }
        return t.amountOf(minor).doubleValue();
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    /** P(alive), expectations and lifetime values, in batch; again customer by customer to name a failure. */
    private static void score(Builder b, double[] x, double[] tx, double[] age) {
        Options options = b.options;
        BgNbdModel bg = b.bgNbd.model();
        LifetimeValue clv = new LifetimeValue(bg, b.gammaGamma.model(), options.clvPeriods(),
                options.clvPeriodLength(), options.discountRate(), options.margin());
        double horizon = options.horizon();
        int n = x.length;
        BatchScores batch;
        double[] values;
        try {
            // the batch forms compute the hypergeometric parts once per distinct (x, T), not per customer
            batch = bg.score(horizon, x, tx, age);
            values = clv.valuesOf(x, tx, age, b.meanSpend);
        } catch (ArithmeticException e) {
            batch = null;
            values = null;
        }
        b.alive = batch == null ? new double[n] : batch.probabilityAlive();
        b.expected = batch == null ? new double[n] : batch.expectedPurchases();
        b.value = values == null ? new double[n] : values;
        boolean again = batch == null || values == null;
        for (int row = 0; row < n; row++) {
            boolean fine = Double.isFinite(b.alive[row]) && Double.isFinite(b.expected[row])
                    && Double.isFinite(b.value[row]);
            if (fine && !again) {
                continue;
            }
            // customer by customer, so that the error names the customer
            String id = b.transactions.customerId(b.customer[row]);
            double m = b.meanSpend[row];
            PurchaseHistory h = Double.isNaN(m) ? PurchaseHistory.of(x[row], tx[row], age[row])
                    : PurchaseHistory.of(x[row], tx[row], age[row], m);
            b.alive[row] = finite("BG/NBD", "P(alive)", id, () -> bg.probabilityAlive(h));
            b.expected[row] = finite("BG/NBD", "expected purchases", id,
                    () -> bg.conditionalExpectedPurchases(horizon, h));
            b.value[row] = finite("Gamma-Gamma", "lifetime value", id, () -> clv.valueOf(h));
        }
    }

    private static <M> ModelFit<M> fitOrExplain(String model, Supplier<ModelFit<M>> fit) {
        try {
            return fit.get();
        } catch (ArithmeticException e) {
            throw new ModelFitException(model, "the likelihood could not be evaluated (" + e.getMessage() + ")");
        }
    }

    private static double finite(String model, String what, String customer, DoubleSupplier value) {
        double v;
        try {
            v = value.getAsDouble();
        } catch (ArithmeticException e) {
            throw new ModelFitException(model, what + " of customer " + customer + " could not be computed ("
                    + e.getMessage() + ")");
        }
        if (!Double.isFinite(v)) {
            throw new ModelFitException(model, what + " of customer " + customer + " is not finite");
        }
        return v;
    }

    private CustomerRow rowAt(int row) {
        String id = transactions.customerId(customer[row]);
        RfmCustomer r = rfm.customers().get(row);
        AbcClass abcClass = abc == null ? AbcClass.C : abc.customer(id).map(AbcCustomer::abcClass).orElse(AbcClass.C);
        PeriodUnit unit = options.unit();
        long end = options.calibrationEnd().toEpochDay();
        double m = meanSpend[row];
        return new CustomerRow(id, frequency[row], unit.fromDays((long) lastDay[row] - firstDay[row]),
                unit.fromDays(end - firstDay[row]), Double.isNaN(m) ? OptionalDouble.empty() : OptionalDouble.of(m),
                transactions.amountOf(netSpend[row]), alive[row], expected[row], value[row], r.score().code(),
                r.segment(), abcClass);
    }

    /** @return the row index of the customer, or −1 */
    private int rowOf(String customerId) {
        if (customerId == null) {
            return -1;
        }
        int c = Collections.binarySearch(transactions.customerIds(), customerId);
        return c < 0 ? -1 : Math.max(-1, Arrays.binarySearch(customer, c));
    }

    /** @return the settings used */
    public Options options() {
        return options;
    }

    /** @return the ISO code of the batch's currency */
    public String currency() {
        return currency;
    }

    /** @return every transaction in the batch */
    public int transactionCount() {
        return transactionCount;
    }

    /** @return the transactions on or before the calibration end */
    public int calibrationTransactionCount() {
        return calibrationTransactions;
    }

    /** @return the customers analysed: those with a purchase on or before the calibration end */
    public int customerCount() {
        return customer.length;
    }

    /** @return customers whose first purchase came after the calibration end (not analysed) */
    public int customersAfterCalibration() {
        return customersAfterCalibration;
    }

    /** @return customers with refunds only (not analysed) */
    public int customersWithoutPurchase() {
        return customersWithoutPurchase;
    }

    /** @return the customers' histories, merged into weighted rows */
    public PurchaseHistories histories() {
        return histories;
    }

    /** @return the BG/NBD fit */
    public ModelFit<BgNbdModel> bgNbd() {
        return bgNbd;
    }

    /**
     * @return the Pareto/NBD fit; empty when its likelihood has no interior maximum (see
     *         {@link #paretoNbdBoundary()})
     */
    public Optional<ModelFit<ParetoNbdModel>> paretoNbd() {
        return Optional.ofNullable(paretoNbd);
    }

    /**
     * @return why there is no Pareto/NBD fit: the likelihood rises toward a boundary of the parameter space,
     *         with the limiting model's estimates and log-likelihood; empty when the model was fitted
     */
    public Optional<NoInteriorMaximumException> paretoNbdBoundary() {
        return Optional.ofNullable(paretoNbdBoundary);
    }

    /** @return the Gamma-Gamma fit */
    public ModelFit<GammaGammaModel> gammaGamma() {
        return gammaGamma;
    }

    /** @return the number of customers in the Gamma-Gamma fit (repeat buyers with a positive mean spend) */
    public int spendCustomerCount() {
        return (int) Math.round(spendCustomers);
    }

    /** @return customers per lifecycle stage as of the calibration end, every stage listed */
    public Map<LifecycleStage, Integer> lifecycleCounts() {
        return LifecycleClassifier.stageCounts(lifecycle);
    }

    /**
     * @param customerId the customer
     * @return the customer's lifecycle stage as of the calibration end, with the figures that decided it
     *         (default policy, P(alive) from the BG/NBD fit), if the customer bought by then
     */
    public Optional<LifecycleClassification> lifecycle(String customerId) {
        int row = rowOf(customerId);
        if (row < 0) {
            return Optional.empty();
        }
        return LifecycleClassifier.withDefaults().classify(transactions, customerId, options.calibrationEnd(),
                OptionalDouble.of(alive[row]));
    }

    /** @return the RFM analysis as of the calibration end */
    public RfmAnalysis rfm() {
        return rfm;
    }

    /**
     * @return the ABC analysis of net spend (or net margin, see {@link Options#abcBasis()}) up to the
     *         calibration end; empty if every customer's value is 0
     */
    public Optional<AbcAnalysis> abc() {
        return Optional.ofNullable(abc);
    }

    /** @return one row per analysed customer, in customer key order; unmodifiable, each row built when read */
    public List<CustomerRow> customers() {
        return rows;
    }

    /** @return the row of this customer, if analysed */
    public Optional<CustomerRow> customer(String customerId) {
        int row = rowOf(customerId);
        return row < 0 ? Optional.empty() : Optional.of(rowAt(row));
    }

    /** @return the customers who made at least one repeat purchase */
    public int repeatCustomerCount() {
        int count = 0;
        for (int f : frequency) {
            count += f > 0 ? 1 : 0;
        }
        return count;
    }

    /** @return the sum of every customer's expected purchases over the horizon */
    public double totalExpectedPurchases() {
        return Arrays.stream(expected).sum();
    }

    /** @return the sum of every customer's lifetime value */
    public double totalLifetimeValue() {
        return Arrays.stream(value).sum();
    }

    /** @return the mean P(alive) */
    public double meanProbabilityAlive() {
        return Arrays.stream(alive).average().orElse(0.0);
    }

    @Override
    public String toString() {
        return "CustomerBaseAnalysis[" + customerCount() + " customers, " + transactionCount + " transactions, "
                + bgNbd.model() + ", " + (paretoNbd != null ? paretoNbd.model()
                : "Pareto/NBD without an interior maximum (" + paretoNbdBoundary.boundary() + ")") + ", "
                + gammaGamma.model() + "]";
    }

    private static final class Builder {
        private Options options;
        private Transactions transactions;
        private String currency;
        private int calibrationTransactions;
        private int customersAfterCalibration;
        private int customersWithoutPurchase;
        private PurchaseHistories histories;
        private ModelFit<BgNbdModel> bgNbd;
        private ModelFit<ParetoNbdModel> paretoNbd;
        private NoInteriorMaximumException paretoNbdBoundary;
        private ModelFit<GammaGammaModel> gammaGamma;
        private double spendCustomers;
        private RfmAnalysis rfm;
        private AbcAnalysis abc;
        private int[] customer;
        private int[] frequency;
        private int[] firstDay;
        private int[] lastDay;
        private double[] meanSpend;
        private long[] netSpend;
        private double[] alive;
        private double[] expected;
        private double[] value;
        private LifecycleRule[] lifecycle;
    }
}
