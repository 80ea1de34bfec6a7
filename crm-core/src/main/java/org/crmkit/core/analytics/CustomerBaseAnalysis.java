package org.crmkit.core.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.crmkit.core.analytics.abc.AbcAnalysis;
import org.crmkit.core.analytics.abc.AbcClass;
import org.crmkit.core.analytics.abc.AbcCustomer;
import org.crmkit.core.analytics.abc.AbcThresholds;
import org.crmkit.core.analytics.clv.BatchScores;
import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.LifetimeValue;
import org.crmkit.core.analytics.clv.ModelFit;
import org.crmkit.core.analytics.clv.ModelFitException;
import org.crmkit.core.analytics.clv.ParetoNbdModel;
import org.crmkit.core.analytics.clv.PurchaseHistories;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.clv.SpendHistories;
import org.crmkit.core.analytics.rfm.RfmAnalysis;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.analytics.lifecycle.LifecycleClassifier;
import org.crmkit.core.analytics.lifecycle.LifecycleClassification;
import org.crmkit.core.analytics.rfm.RfmCustomer;
import org.crmkit.core.analytics.rfm.SegmentMap;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;

/**
 * Runs the whole customer-base analysis over one batch of transactions and returns it as one immutable
 * result: the purchase histories up to a calibration end ({@link PurchaseHistoryAdapter}), the BG/NBD,
 * Pareto/NBD and Gamma-Gamma fits, RFM segments as of the calibration end, ABC classes of the net spend up
 * to the calibration end, and one {@link CustomerRow} per customer.
 *
 * <p>Per-customer scores use the BG/NBD model for P(alive) and expected purchases, and BG/NBD with
 * Gamma-Gamma for the lifetime value ({@link LifetimeValue}; see {@link Options} for the horizon).
 *
 * <p>A model that cannot be fitted stops the analysis with a {@link ModelFitException} naming the model
 * ("BG/NBD", "Pareto/NBD" or "Gamma-Gamma"); no NaN or infinite value ever reaches the result.
 *
 * @since 0.1
 */
public final class CustomerBaseAnalysis {

    private final Options options;
    private final int transactionCount;
    private final int calibrationTransactions;
    private final int customersAfterCalibration;
    private final int customersWithoutPurchase;
    private final PurchaseHistories histories;
    private final ModelFit<BgNbdModel> bgNbd;
    private final ModelFit<ParetoNbdModel> paretoNbd;
    private final ModelFit<GammaGammaModel> gammaGamma;
    private final double spendCustomers;
    private final RfmAnalysis rfm;
    private final Map<String, LifecycleClassification> lifecycle;
    private final AbcAnalysis abc;
    private final List<CustomerRow> rows;
    private final Map<String, CustomerRow> byId;
    private final String currency;

    private CustomerBaseAnalysis(Builder b) {
        this.options = b.options;
        this.transactionCount = b.transactionCount;
        this.calibrationTransactions = b.calibrationTransactions;
        this.customersAfterCalibration = b.customersAfterCalibration;
        this.customersWithoutPurchase = b.customersWithoutPurchase;
        this.histories = b.histories;
        this.bgNbd = b.bgNbd;
        this.paretoNbd = b.paretoNbd;
        this.gammaGamma = b.gammaGamma;
        this.spendCustomers = b.spendCustomers;
        this.rfm = b.rfm;
        this.lifecycle = b.lifecycle;
        this.abc = b.abc;
        this.rows = List.copyOf(b.rows);
        Map<String, CustomerRow> index = new HashMap<>();
        for (CustomerRow row : rows) {
            index.put(row.customerId(), row);
        }
        this.byId = index;
        this.currency = b.currency;
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
     */
    public record Options(LocalDate calibrationEnd, PeriodUnit unit, int clvPeriods, double clvPeriodLength,
                          double discountRate, double margin, SegmentMap segments, AbcThresholds abcThresholds) {

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
            // LifetimeValue checks the rest; build one here so a bad option fails early
            new LifetimeValue(new BgNbdModel(1, 1, 1, 1), new GammaGammaModel(1, 2, 1), clvPeriods, clvPeriodLength,
                    discountRate, margin);
        }

        /**
         * The defaults: a 12-month horizon of average months (30.4375 days, expressed in {@code unit}),
         * 1 % discount a month, margin 1 (revenue), the default RFM segments and 80 / 15 / 5 ABC classes.
         */
        public static Options of(LocalDate calibrationEnd, PeriodUnit unit) {
            Objects.requireNonNull(unit, "unit must not be null");
            return new Options(calibrationEnd, unit, 12, MONTH_DAYS / unit.days(), 0.01, 1.0, SegmentMap.defaults(),
                    AbcThresholds.DEFAULT);
        }

        /** @return a copy with another lifetime-value horizon and discount rate */
        public Options withValuation(int periods, double periodLength, double newDiscountRate, double newMargin) {
            return new Options(calibrationEnd, unit, periods, periodLength, newDiscountRate, newMargin, segments,
                    abcThresholds);
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
     * @param abcClass          the ABC class of the net spend
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
     * Runs the analysis.
     *
     * @param transactions the batch; not null, not empty
     * @param options      the settings; not null
     * @param progress     told the name of each stage as it starts ("histories", "BG/NBD", ...); not null
     * @return the result
     * @throws ValidationException on field {@code calibrationEnd} if no purchase is on or before it
     * @throws ModelFitException   naming the model that could not be fitted
     */
    public static CustomerBaseAnalysis run(Transactions transactions, Options options, Consumer<String> progress) {
        if (transactions == null || transactions.isEmpty()) {
            throw new ValidationException("transactions", "must not be empty");
        }
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        Builder b = new Builder();
        b.options = options;
        b.currency = transactions.currency().map(c -> c.getCurrencyCode()).orElse("");
        b.transactionCount = transactions.size();
        long end = options.calibrationEnd().toEpochDay();
        for (int i = 0; i < transactions.size(); i++) {
            if (transactions.epochDay(i) <= end) {
                b.calibrationTransactions++;
            }
        }
        b.customersWithoutPurchase = transactions.customersWithoutPurchase().size();

        progress.accept("histories");
        Map<String, PurchaseHistory> byCustomer = PurchaseHistoryAdapter.histories(transactions,
                options.calibrationEnd(), options.unit());
        b.customersAfterCalibration = transactions.customerCount() - b.customersWithoutPurchase - byCustomer.size();
        List<PurchaseHistory> list = new ArrayList<>(byCustomer.values());
        b.histories = PurchaseHistories.of(list);

        if (list.stream().noneMatch(h -> h.frequency() > 0)) {
            throw new ModelFitException("BG/NBD", "no customer made a repeat purchase by the calibration end "
                    + options.calibrationEnd() + ", so the repeat-buying models cannot be estimated");
        }
        progress.accept("BG/NBD");
        b.bgNbd = fitOrExplain("BG/NBD", () -> BgNbdModel.fit(b.histories));
        progress.accept("Pareto/NBD");
        b.paretoNbd = fitOrExplain("Pareto/NBD", () -> ParetoNbdModel.fit(b.histories));
        progress.accept("Gamma-Gamma");
        SpendHistories spend;
        try {
            spend = SpendHistories.of(list);
        } catch (ValidationException e) {
            throw new ModelFitException("Gamma-Gamma", "no customer has a repeat purchase with a positive spend"
                    + " by the calibration end, so spend per purchase cannot be estimated");
        }
        b.spendCustomers = spend.customers();
        b.gammaGamma = fitOrExplain("Gamma-Gamma", () -> GammaGammaModel.fit(spend));
        if (b.gammaGamma.model().q() <= 1.0) {
            throw new ModelFitException("Gamma-Gamma", "the fitted q is " + b.gammaGamma.model().q()
                    + " (at most 1), so the population's mean spend is infinite and customers without a repeat"
                    + " purchase cannot be valued");
        }

        progress.accept("RFM");
        b.rfm = RfmAnalysis.of(transactions, options.calibrationEnd(), options.segments());
        progress.accept("lifecycle");
        Map<String, LifecycleClassification> stages = new LinkedHashMap<>();
        for (LifecycleClassification c : LifecycleClassifier.withDefaults().classifyAll(transactions,
                options.calibrationEnd(), b.bgNbd.model(), options.unit())) {
            stages.put(c.customerId(), c);
        }
        b.lifecycle = Collections.unmodifiableMap(stages);
        progress.accept("ABC");
        Map<String, BigDecimal> net = netSpend(transactions, end, byCustomer);
        boolean anyValue = net.values().stream().anyMatch(v -> v.signum() > 0);
        b.abc = anyValue ? AbcAnalysis.of(net, options.abcThresholds()) : null;

        progress.accept("customers");
        BgNbdModel bg = b.bgNbd.model();
        LifetimeValue clv = new LifetimeValue(bg, b.gammaGamma.model(), options.clvPeriods(),
                options.clvPeriodLength(), options.discountRate(), options.margin());
        double horizon = options.horizon();
        // the batch forms compute the hypergeometric parts once per distinct (x, T), not per customer
        List<PurchaseHistory> histories = new ArrayList<>(byCustomer.values());
        double[] frequency = new double[histories.size()];
        double[] recency = new double[histories.size()];
        double[] age = new double[histories.size()];
        for (int i = 0; i < frequency.length; i++) {
            PurchaseHistory h = histories.get(i);
            frequency[i] = h.frequency();
            recency[i] = h.recency();
            age[i] = h.age();
        }
        BatchScores batch;
        double[] batchValues;
        try {
            batch = bg.score(horizon, frequency, recency, age);
            batchValues = clv.valuesOf(histories);
        } catch (ArithmeticException e) {
            // computed again customer by customer below, so that the error names the customer
            batch = null;
            batchValues = null;
        }
        BatchScores scores = batch;
        double[] values = batchValues;
        int index = 0;
        for (Map.Entry<String, PurchaseHistory> e : byCustomer.entrySet()) {
            String id = e.getKey();
            PurchaseHistory h = e.getValue();
            int at = index++;
            double alive = finite("BG/NBD", "P(alive)", id,
                    () -> scores == null ? bg.probabilityAlive(h) : scores.probabilityAlive()[at]);
            double expected = finite("BG/NBD", "expected purchases", id,
                    () -> scores == null ? bg.conditionalExpectedPurchases(horizon, h) : scores.expectedPurchases()[at]);
            double value = finite("Gamma-Gamma", "lifetime value", id,
                    () -> values == null ? clv.valueOf(h) : values[at]);
            RfmCustomer r = b.rfm.customer(id).orElseThrow();
            AbcClass abcClass = b.abc == null ? AbcClass.C : b.abc.customer(id).map(AbcCustomer::abcClass)
                    .orElse(AbcClass.C);
            b.rows.add(new CustomerRow(id, (int) h.frequency(), h.recency(), h.age(), h.meanSpend(), net.get(id),
                    alive, expected, value, r.score().code(), r.segment(), abcClass));
        }
        return new CustomerBaseAnalysis(b);
    }

    private static Map<String, BigDecimal> netSpend(Transactions transactions, long end,
                                                    Map<String, PurchaseHistory> customers) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int c = 0; c < transactions.customerCount(); c++) {
            String id = transactions.customerId(c);
            if (!customers.containsKey(id)) {
                continue;
            }
            long sum = 0;
            for (int i = transactions.start(c); i < transactions.end(c) && transactions.epochDay(i) <= end; i++) {
                sum = Math.addExact(sum, transactions.amountMinor(i));
            }
            out.put(id, transactions.amountOf(Math.max(0, sum)));
        }
        return out;
    }


    private static <M> ModelFit<M> fitOrExplain(String model, Supplier<ModelFit<M>> fit) {
        try {
            return fit.get();
        } catch (ArithmeticException e) {
            throw new ModelFitException(model, "the likelihood could not be evaluated (" + e.getMessage() + ")");
        }
    }

    private static double finite(String model, String what, String customer, Supplier<Double> value) {
        double v;
        try {
            v = value.get();
        } catch (ArithmeticException e) {
            throw new ModelFitException(model, what + " of customer " + customer + " could not be computed ("
                    + e.getMessage() + ")");
        }
        if (!Double.isFinite(v)) {
            throw new ModelFitException(model, what + " of customer " + customer + " is not finite");
        }
        return v;
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
        return rows.size();
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

    /** @return the Pareto/NBD fit */
    public ModelFit<ParetoNbdModel> paretoNbd() {
        return paretoNbd;
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
        return LifecycleClassifier.stageCounts(lifecycle.values());
    }

    /**
     * @param customerId the customer
     * @return the customer's lifecycle stage as of the calibration end, with the figures that decided it
     *         (default policy, P(alive) from the BG/NBD fit), if the customer bought by then
     */
    public Optional<LifecycleClassification> lifecycle(String customerId) {
        return Optional.ofNullable(lifecycle.get(customerId));
    }

    /** @return the RFM analysis as of the calibration end */
    public RfmAnalysis rfm() {
        return rfm;
    }

    /** @return the ABC analysis of net spend up to the calibration end; empty if nobody spent anything */
    public Optional<AbcAnalysis> abc() {
        return Optional.ofNullable(abc);
    }

    /** @return one row per analysed customer, in customer key order; unmodifiable */
    public List<CustomerRow> customers() {
        return rows;
    }

    /** @return the row of this customer, if analysed */
    public Optional<CustomerRow> customer(String customerId) {
        return Optional.ofNullable(byId.get(customerId));
    }

    /** @return the customers who made at least one repeat purchase */
    public int repeatCustomerCount() {
        return (int) rows.stream().filter(r -> r.frequency() > 0).count();
    }

    /** @return the sum of every customer's expected purchases over the horizon */
    public double totalExpectedPurchases() {
        return rows.stream().mapToDouble(CustomerRow::expectedPurchases).sum();
    }

    /** @return the sum of every customer's lifetime value */
    public double totalLifetimeValue() {
        return rows.stream().mapToDouble(CustomerRow::lifetimeValue).sum();
    }

    /** @return the mean P(alive) */
    public double meanProbabilityAlive() {
        return rows.stream().mapToDouble(CustomerRow::probabilityAlive).average().orElse(0.0);
    }

    @Override
    public String toString() {
        return "CustomerBaseAnalysis[" + customerCount() + " customers, " + transactionCount + " transactions, "
                + bgNbd.model() + ", " + paretoNbd.model() + ", " + gammaGamma.model() + "]";
    }

    private static final class Builder {
        private Options options;
        private String currency;
        private int transactionCount;
        private int calibrationTransactions;
        private int customersAfterCalibration;
        private int customersWithoutPurchase;
        private PurchaseHistories histories;
        private ModelFit<BgNbdModel> bgNbd;
        private ModelFit<ParetoNbdModel> paretoNbd;
        private ModelFit<GammaGammaModel> gammaGamma;
        private double spendCustomers;
        private RfmAnalysis rfm;
        private Map<String, LifecycleClassification> lifecycle;
        private AbcAnalysis abc;
        private final List<CustomerRow> rows = new ArrayList<>();
    }
}
