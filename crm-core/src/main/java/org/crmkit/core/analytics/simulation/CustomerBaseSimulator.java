package org.crmkit.core.analytics.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;

/**
 * Simulates a customer base that follows the BG/NBD purchase process and the Gamma-Gamma spend
 * model, deterministically for a seed.
 *
 * <p>Each customer {@code i} (key {@code idPrefix} + {@code i}, zero-padded so that keys sort in
 * order) draws, from its own random stream derived from the seed and {@code i}:
 * <ol>
 *   <li>its first purchase day, uniform over the cohort window {@code [start, start + cohortDays)};</li>
 *   <li>its purchase rate λ ~ Gamma(r, α) per time unit, its dropout probability p ~ Beta(a, b) and its
 *       spend rate ν ~ Gamma(q, γ);</li>
 *   <li>repeat purchases at exponential gaps with rate λ, each followed by dropout with probability p,
 *       until it drops out or the observation window {@code [start, endDate())} ends;</li>
 *   <li>the value of every purchase (the first included), Gamma(p, ν), rounded half-even to the
 *       currency's minor unit.</li>
 * </ol>
 * A purchase at a continuous time falls on the day that contains it, so two purchases can share a day;
 * the analytics count such a day as one purchase occasion. With the CDNOW parameters that is rare.
 * Because customers are independent, the output for the first {@code n} customers does not depend on how
 * many customers are simulated.
 *
 * <p>Use {@link #endDate()} as the calibration end when fitting: T then equals the simulated exposure.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CustomerBaseSimulator {

    /** Default first day: 1 January 1997, as the CDNOW cohort. */
    public static final LocalDate DEFAULT_START = LocalDate.of(1997, 1, 1);
    /** Default cohort window: 12 weeks, as CDNOW's first quarter. */
    public static final int DEFAULT_COHORT_DAYS = 84;
    /** Default observation window: 78 weeks, as the CDNOW sample. */
    public static final int DEFAULT_OBSERVATION_DAYS = 546;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int customers;
    private final long seed;
    private final SimulationParameters parameters;
    private final PeriodUnit unit;
    private final LocalDate start;
    private final int cohortDays;
    private final int observationDays;
    private final Currency currency;
    private final String idPrefix;

    private CustomerBaseSimulator(Builder b) {
        this.customers = b.customers;
        this.seed = b.seed;
        this.parameters = b.parameters;
        this.unit = b.unit;
        this.start = b.start;
        this.cohortDays = b.cohortDays;
        this.observationDays = b.observationDays;
        this.currency = b.currency;
        this.idPrefix = b.idPrefix;
    }

    /** @return a builder with the defaults: 1,000 customers, seed 1, {@link SimulationParameters#CDNOW}, weeks, USD */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of customers */
    public int customerCount() {
        return customers;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the population parameters, time in {@link #unit()} */
    public SimulationParameters parameters() {
        return parameters;
    }

    /** @return the time unit of the parameters */
    public PeriodUnit unit() {
        return unit;
    }

    /** @return the first day of the cohort and observation windows */
    public LocalDate start() {
        return start;
    }

    /** @return the currency of the amounts */
    public Currency currency() {
        return currency;
    }

    /** @return the first day after the observation window: no transaction falls on or after it */
    public LocalDate endDate() {
        return start.plusDays(observationDays);
    }

    /** @return the last day on which a transaction can fall */
    public LocalDate lastDate() {
        return endDate().minusDays(1);
    }

    /** @return every simulated customer, in key order; lazily generated, the same for the same settings */
    public Stream<SimulatedCustomer> customers() {
        return IntStream.range(0, customers).mapToObj(this::customer);
    }

    /** @return every transaction, ordered by customer key then date */
    public Stream<Transaction> transactions() {
        return customers().flatMap(c -> c.transactions().stream());
    }

    /** @return the transactions as one columnar batch */
    public Transactions toTransactions() {
        Transactions.Builder builder = Transactions.builder();
        transactions().forEach(builder::add);
        return builder.build();
    }

    /**
     * @param index a customer index, 0 to {@link #customerCount()} − 1
     * @return that customer, drawn from its own random stream
     */
    public SimulatedCustomer customer(int index) {
        Objects.checkIndex(index, customers);
        SplittableRandom random = new SplittableRandom(mix(seed + GOLDEN * (index + 1L)));
        String id = idPrefix + pad(index);
        double dayLength = unit.days();
        double lambda = Sampling.gamma(random, parameters.r(), parameters.alpha());
        double dropout = Sampling.beta(random, parameters.a(), parameters.b());
        double nu = Sampling.gamma(random, parameters.q(), parameters.gamma());
        int firstDay = random.nextInt(cohortDays);
        double ratePerDay = lambda / dayLength;
        List<Transaction> out = new ArrayList<>();
        out.add(purchase(random, id, firstDay, nu));
        double t = firstDay;
        boolean active = true;
        while (true) {
            t += Sampling.exponential(random, ratePerDay);
            if (!(t < observationDays)) {
                break;
            }
            out.add(purchase(random, id, (long) Math.floor(t), nu));
            if (random.nextDouble() < dropout) {
                active = false;
                break;
            }
        }
        return new SimulatedCustomer(id, lambda, dropout, nu, active, out);
    }

    private Transaction purchase(SplittableRandom random, String id, long day, double nu) {
        double value = Sampling.gamma(random, parameters.p(), nu);
        if (!Double.isFinite(value) || value > MAX_AMOUNT) {
            throw new ValidationException("q", "is too small for these spend parameters: customer " + id
                    + " drew a mean spend of " + value + " (p=" + parameters.p() + ", q=" + parameters.q()
                    + ", gamma=" + parameters.gamma() + "); raise q or lower gamma");
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal amount = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_EVEN);
        return Transaction.of(id, start.plusDays(day), amount, currency);
    }

    /** The largest purchase amount the simulator writes; larger draws mean the spend parameters are degenerate. */
    private static final double MAX_AMOUNT = 1e12;

    private String pad(int index) {
        int width = String.valueOf(Math.max(0, customers - 1)).length();
        String digits = String.valueOf(index);
        return "0".repeat(width - digits.length()) + digits;
    }

    /** SplitMix64's finaliser: neighbouring seeds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "CustomerBaseSimulator[" + customers + " customers, seed " + seed + ", " + parameters + ", "
                + unit + ", " + start + " + " + observationDays + " days, " + currency + "]";
    }

    /** Collects the settings of a {@link CustomerBaseSimulator}. Not thread-safe. */
    public static final class Builder {
        private int customers = 1000;
        private long seed = 1L;
        private SimulationParameters parameters = SimulationParameters.CDNOW;
        private PeriodUnit unit = PeriodUnit.WEEK;
        private LocalDate start = DEFAULT_START;
        private int cohortDays = DEFAULT_COHORT_DAYS;
        private int observationDays = DEFAULT_OBSERVATION_DAYS;
        private Currency currency = Currency.getInstance("USD");
        private String idPrefix = "C";

        private Builder() {
        }

        /** @param n the number of customers, at least 1 */
        public Builder customers(int n) {
            if (n < 1) {
                throw new ValidationException("customers", "must be at least 1", n);
            }
            this.customers = n;
            return this;
        }

        /** @param newSeed any value; the same seed gives the same base */
        public Builder seed(long newSeed) {
            this.seed = newSeed;
            return this;
        }

        /** @param newParameters the population parameters, time in the unit; not null */
        public Builder parameters(SimulationParameters newParameters) {
            this.parameters = Objects.requireNonNull(newParameters, "parameters must not be null");
            return this;
        }

        /** @param newUnit the time unit of the purchase-rate parameters (α is per unit); not null */
        public Builder unit(PeriodUnit newUnit) {
            this.unit = Objects.requireNonNull(newUnit, "unit must not be null");
            return this;
        }

        /** @param newStart the first day of the cohort window; not null */
        public Builder start(LocalDate newStart) {
            this.start = Objects.requireNonNull(newStart, "start must not be null");
            return this;
        }

        /**
         * @param cohort      days over which first purchases are spread, at least 1
         * @param observation days observed from the start, at least {@code cohort}
         */
        public Builder window(int cohort, int observation) {
            if (cohort < 1) {
                throw new ValidationException("cohortDays", "must be at least 1", cohort);
            }
            if (observation < cohort) {
                throw new ValidationException("observationDays", "must be at least the cohort window (" + cohort
                        + " days)", observation);
            }
            this.cohortDays = cohort;
            this.observationDays = observation;
            return this;
        }

        /** @param newCurrency the currency of every amount; not null */
        public Builder currency(Currency newCurrency) {
            this.currency = Objects.requireNonNull(newCurrency, "currency must not be null");
            return this;
        }

        /** @param prefix the text before each customer's number; not blank */
        public Builder idPrefix(String prefix) {
            if (prefix == null || prefix.isBlank()) {
                throw new ValidationException("idPrefix", "must not be blank", prefix);
            }
            this.idPrefix = prefix;
            return this;
        }

        /** @return the simulator */
        public CustomerBaseSimulator build() {
            return new CustomerBaseSimulator(this);
        }
    }
}
