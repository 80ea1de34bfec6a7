package org.crmkit.core.analytics.writeback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.spi.ValidationException;

/**
 * Stores the results of a customer base analysis back on the customers (domain §2 consumption
 * attributes, §4 lifecycle stage, §6 segments). Obtain it from {@code Crm.analyticsWriteBack(tenant)}.
 *
 * <p>For each analysed customer key, the resolver finds the customer. On the customer it writes
 * these {@link AttributeCategory#CONSUMPTION consumption} attributes with
 * {@link Customer#recordAttribute}: {@value #RFM_SCORE} (text, for example {@code "545"}),
 * {@value #RFM_SEGMENT} (text), {@value #ABC_CLASS} (text), {@value #CLV} (number),
 * {@value #PROBABILITY_ALIVE} (number), {@value #EXPECTED_PURCHASES} (number), {@value #NET_SPEND}
 * (number), {@value #STAGE_SUGGESTED} (text, the stage's name) and {@value #AS_OF} (date). A figure the
 * result lacks removes the attribute if an earlier run wrote it.
 *
 * <p>Then it moves the lifecycle stage to the suggested one with
 * {@link Customer#changeLifecycleStage}, if the stage machine allows it
 * ({@link LifecycleStage#canTransitionTo}); the move records the customer's
 * {@code LifecycleStageChanged} event, whose reason holds the analysis date and the figures that
 * decided the stage. If the machine forbids the move (for example formation to exploration, or
 * ended to formation), the stage is kept, the suggestion stays in {@value #STAGE_SUGGESTED}, and the
 * report lists the refusal: it is an outcome, not an error.
 *
 * <p><b>Units of work.</b> Each customer's update is its own unit of work with optimistic locking
 * ({@link Customers#retryingOnConflict}): a concurrent change of the same customer makes it read the
 * customer again and re-apply the results. The batch as a whole is <em>not</em> one transaction:
 * if it fails half-way, the customers before the failure keep their new values. Re-running the same
 * results is idempotent: a value the customer already carries is not written again, so a second run
 * reports every customer unchanged and records no event. That makes a failed run safe to repeat.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class AnalyticsWriteBack {

    /** The RFM score attribute: three digits 1-5, recency, frequency, monetary. */
    public static final String RFM_SCORE = "rfm_score";
    /** The RFM segment attribute, for example {@code "champions"}. */
    public static final String RFM_SEGMENT = "rfm_segment";
    /** The ABC class attribute: A, B or C. */
    public static final String ABC_CLASS = "abc_class";
    /** The customer lifetime value attribute, in the currency's major unit. */
    public static final String CLV = "clv";
    /** The probability alive attribute, 0 to 1. */
    public static final String PROBABILITY_ALIVE = "probability_alive";
    /** The expected purchases over the valuation horizon. */
    public static final String EXPECTED_PURCHASES = "expected_purchases";
    /** The net spend up to the analysis date. */
    public static final String NET_SPEND = "net_spend";
    /** The lifecycle stage the analysis suggested, whether or not the customer moved to it. */
    public static final String STAGE_SUGGESTED = "lifecycle_stage_suggested";
    /** The date the figures are as of. */
    public static final String AS_OF = "analytics_as_of";

    private static final int MAX_REASON = 2000;

    private final Customers customers;

    /**
     * @param customers the customers of the tenant to write to; not null
     */
    public AnalyticsWriteBack(Customers customers) {
        this.customers = Objects.requireNonNull(customers, "customers must not be null");
    }

    /**
     * Writes the results of {@code analysis} to the customers the resolver finds.
     *
     * @param analysis a finished analysis; not null
     * @param resolver maps an analysed customer key to a customer of this tenant: for transactions
     *                 read from storage {@link CustomerKeys#ids()}, for an external file for example
     *                 {@link CustomerKeys#byExternalId}; empty (or null) for a key it does not know; not null
     * @return what was written; never null
     */
    public WriteBackReport apply(CustomerBaseAnalysis analysis, Function<String, Optional<CustomerId>> resolver) {
        return apply(CustomerScores.from(analysis), resolver);
    }

    /**
     * Writes the given scores to the customers the resolver finds. See the class description.
     *
     * @param scores   the scores, one per customer key; not null, no null element
     * @param resolver maps a customer key to a customer of this tenant; not null
     * @return what was written; never null
     * @throws ValidationException on {@code scores[i]} if an element is null; nothing is written
     */
    public WriteBackReport apply(List<CustomerScores> scores, Function<String, Optional<CustomerId>> resolver) {
        Objects.requireNonNull(scores, "scores must not be null");
        Objects.requireNonNull(resolver, "resolver must not be null");
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i) == null) {
                // refused before anything is written, not half-way through the batch
                throw new ValidationException("scores[" + i + "]", "must not be null");
            }
        }
        List<CustomerId> updated = new ArrayList<>();
        List<CustomerId> unchanged = new ArrayList<>();
        List<WriteBackReport.StageChange> changes = new ArrayList<>();
        List<WriteBackReport.StageRefusal> refusals = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> conflicting = new ArrayList<>();
        Set<CustomerId> written = new HashSet<>();
        for (CustomerScores s : scores) {
            Optional<CustomerId> found = resolver.apply(s.customerKey());
            if (found == null || found.isEmpty()) {
                unknown.add(s.customerKey());
                continue;
            }
            CustomerId id = found.get();
            if (!written.add(id)) {
                conflicting.add(s.customerKey());
                continue;
            }
            Outcome[] outcome = new Outcome[1];
            try {
                customers.retryingOnConflict(id, c -> outcome[0] = write(c, s));
            } catch (NoSuchCustomerException e) {
                written.remove(id);
                unknown.add(s.customerKey());
                continue;
            }
            Outcome o = outcome[0];
            (o.changed ? updated : unchanged).add(id);
            if (o.stageChange != null) {
                changes.add(o.stageChange);
            }
            if (o.refusal != null) {
                refusals.add(o.refusal);
            }
        }
        return new WriteBackReport(updated, unchanged, changes, refusals, unknown, conflicting);
    }

    /** What writing one customer did; made afresh on every attempt. */
    private record Outcome(boolean changed, WriteBackReport.StageChange stageChange,
                           WriteBackReport.StageRefusal refusal) {
    }

    private static Outcome write(Customer c, CustomerScores s) {
        int before = c.recordedEvents().size();
        text(c, RFM_SCORE, s.rfmCode());
        text(c, RFM_SEGMENT, s.rfmSegment());
        text(c, ABC_CLASS, s.abcClass());
        number(c, CLV, s.lifetimeValue());
        number(c, PROBABILITY_ALIVE, s.probabilityAlive());
        number(c, EXPECTED_PURCHASES, s.expectedPurchases());
        number(c, NET_SPEND, s.netSpend());
        text(c, STAGE_SUGGESTED, s.suggestedStage() == null ? null : s.suggestedStage().name());
        set(c, AS_OF, AttributeValue.of(s.asOf()));
        WriteBackReport.StageChange change = null;
        WriteBackReport.StageRefusal refusal = null;
        LifecycleStage from = c.lifecycleStage();
        LifecycleStage to = s.suggestedStage();
        if (to != null && to != from) {
            if (from.canTransitionTo(to)) {
                c.changeLifecycleStage(to, reason(s));
                change = new WriteBackReport.StageChange(c.id(), from, to);
            } else {
                refusal = new WriteBackReport.StageRefusal(c.id(), from, to);
            }
        }
        return new Outcome(c.recordedEvents().size() > before, change, refusal);
    }

    private static String reason(CustomerScores s) {
        String why = "customer base analysis as of " + s.asOf()
                + (s.stageReason() == null ? "" : ": " + s.stageReason());
        return why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 1) + "…";
    }

    private static void text(Customer c, String name, String value) {
        set(c, name, value == null ? null : AttributeValue.of(value));
    }

    private static void number(Customer c, String name, BigDecimal value) {
        set(c, name, value == null ? null : AttributeValue.of(value));
    }

    private static void set(Customer c, String name, AttributeValue value) {
        if (value != null) {
            c.recordAttribute(AttributeCategory.CONSUMPTION, name, value);
        } else if (c.attribute(AttributeCategory.CONSUMPTION, name).isPresent()) {
            c.removeAttribute(AttributeCategory.CONSUMPTION, name);
        }
    }
}
