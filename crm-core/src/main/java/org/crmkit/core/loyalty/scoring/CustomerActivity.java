package org.crmkit.core.loyalty.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.satisfaction.scoring.RatingScale;
import org.crmkit.spi.ValidationException;

/**
 * What crmkit's own records say about one customer's loyalty, as of one day: the days they bought on
 * (purchase occasions: days with at least one delivered order), when the relationship began, and their
 * answered satisfaction surveys. {@link LoyaltyScoring} gathers it; the methods here turn it into
 * score and churn inputs. Immutable and thread-safe.
 *
 * @param customer            the customer; not null
 * @param asOf                the day the activity is observed on; not null
 * @param customerSince       the day the relationship began (the earlier of registration and first
 *                            purchase); not null, not after {@code asOf}
 * @param purchaseDays        the distinct purchase days, ascending, none after {@code asOf}; not null
 * @param satisfactionAnswers the answers (1..5) of the customer's answered surveys; not null
 * @since 0.1
 */
public record CustomerActivity(CustomerId customer, LocalDate asOf, LocalDate customerSince,
                               List<LocalDate> purchaseDays, List<Integer> satisfactionAnswers) {

    /** @throws ValidationException naming the field that is null, out of order or off its scale */
    public CustomerActivity {
        Checks.notNull("customer", customer);
        Checks.notNull("asOf", asOf);
        Checks.notNull("customerSince", customerSince);
        if (customerSince.isAfter(asOf)) {
            throw new ValidationException("customerSince", "must not be after asOf " + asOf, customerSince);
        }
        Checks.notNull("purchaseDays", purchaseDays);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (int i = 0; i < purchaseDays.size(); i++) {
            LocalDate d = Checks.notNull("purchaseDays[" + i + "]", purchaseDays.get(i));
            if (d.isAfter(asOf) || d.isBefore(customerSince)) {
                throw new ValidationException("purchaseDays[" + i + "]",
                        "must lie between customerSince " + customerSince + " and asOf " + asOf, d);
            }
            days.add(d);
        }
        purchaseDays = List.copyOf(days);
        satisfactionAnswers = Checks.answers("satisfactionAnswers", satisfactionAnswers, RatingScale.CSAT);
    }

    /** @return the number of purchase occasions */
    public int occasions() {
        return purchaseDays.size();
    }

    /** @return whole days from {@code customerSince} to {@code asOf} */
    public long tenureDays() {
        return ChronoUnit.DAYS.between(customerSince, asOf);
    }

    /**
     * The behavioural inputs: repeat rate {@code (n − 1) / n}; frequency {@code n × P / max(tenure, P)}
     * occasions per period, with P the period's length in days (so the window is at least one period);
     * tenure in days.
     *
     * @param period        the frequency period; not null
     * @param shareOfWallet the share of wallet if the caller knows it; not null
     * @return the inputs, or empty when the customer has not bought yet
     */
    public Optional<BehaviouralInputs> behaviouralInputs(PeriodUnit period, OptionalDouble shareOfWallet) {
        Checks.notNull("period", period);
        Checks.notNull("shareOfWallet", shareOfWallet);
        int n = occasions();
        if (n == 0) {
            return Optional.empty();
        }
        double tenure = tenureDays();
        double perPeriod = n * period.days() / Math.max(tenure, period.days());
        return Optional.of(new BehaviouralInputs(BehaviouralInputs.repeatRate(n), perPeriod, tenure, shareOfWallet));
    }

    /**
     * The history the "buy till you die" models take, as of {@code asOf}: x = occasions − 1, t_x = days
     * from the first to the last occasion, T = days from the first occasion to {@code asOf}, both in
     * {@code unit} (as {@code Transactions#calibration} counts them).
     *
     * @param unit the model's time unit; not null
     * @return the history, or empty when the customer has not bought yet
     */
    public Optional<PurchaseHistory> purchaseHistory(PeriodUnit unit) {
        Checks.notNull("unit", unit);
        if (purchaseDays.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = purchaseDays.get(0);
        LocalDate last = purchaseDays.get(purchaseDays.size() - 1);
        double tx = unit.fromDays(ChronoUnit.DAYS.between(first, last));
        double t = unit.fromDays(ChronoUnit.DAYS.between(first, asOf));
        return Optional.of(PurchaseHistory.of(occasions() - 1, Math.min(tx, t), t));
    }

    /** @return whole days since the last purchase, or empty when the customer has not bought yet */
    public OptionalDouble daysSinceLastPurchase() {
        return purchaseDays.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(ChronoUnit.DAYS.between(purchaseDays.get(purchaseDays.size() - 1), asOf));
    }

    /** @return the mean days between consecutive purchase occasions, or empty with fewer than two */
    public OptionalDouble meanDaysBetweenPurchases() {
        int n = occasions();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) ChronoUnit.DAYS.between(purchaseDays.get(0), purchaseDays.get(n - 1))
                / (n - 1));
    }

    /**
     * @param stated   what the caller adds; not null
     * @param settings supplies the frequency period; not null
     * @return the score inputs: behavioural from the purchase days, attitudinal from the stored and stated
     *         satisfaction answers and the stated recommendation answers, cognitive from the stated intention
     */
    public LoyaltyInputs toInputs(StatedAnswers stated, LoyaltyScoreSettings settings) {
        Checks.notNull("stated", stated);
        Checks.notNull("settings", settings);
        List<Integer> satisfaction = new ArrayList<>(satisfactionAnswers);
        satisfaction.addAll(stated.satisfactionAnswers());
        return new LoyaltyInputs(behaviouralInputs(settings.frequencyPeriod(), stated.shareOfWallet()),
                new AttitudinalInputs(stated.recommendationAnswers(), satisfaction), stated.intention());
    }
}
