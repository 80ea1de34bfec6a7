package org.crmkit.core.loyalty.scoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.clv.TransactionModel;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.sales.order.OrderStatus;
import org.crmkit.core.satisfaction.SurveyStatus;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.service.SatisfactionSurveyRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.StoredRecord;

/**
 * Loyalty scores and churn risks of one tenant's customers, computed from the library's own records
 * (domain §8).
 *
 * <p>A customer's {@link CustomerActivity} is gathered in one unit of work that only reads: the
 * delivered orders ({@link OrderRecord} with status {@code DELIVERED}), whose days of ordering, in the
 * clock's time zone, are the purchase occasions (several orders on one day are one occasion); the
 * customer's registration; and the answers of their answered satisfaction surveys
 * ({@link SatisfactionSurveyRecord}). Cancelled and undelivered orders do not count. What crmkit does
 * not store (recommendation and intention answers, share of wallet) the caller may add as
 * {@link StatedAnswers}.
 *
 * <p>Nothing is written and no event is published. Every method is one unit of work confined to the
 * tenant; a customer of another tenant is unknown. Thread-safe.
 *
 * @since 0.1
 */
public final class LoyaltyScoring {

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final LoyaltyScoreSettings settings;
    private final ChurnRiskBands bands;

    /** Scoring with the {@linkplain LoyaltyScoreSettings#standard() standard} settings and bands. */
    public LoyaltyScoring(TenantId tenant, CrmStorage storage, Clock clock) {
        this(tenant, storage, clock, LoyaltyScoreSettings.standard(), ChurnRiskBands.standard());
    }

    /**
     * @param tenant   the tenant every call is confined to; not null
     * @param storage  where the records are read from; not null
     * @param clock    gives today and the time zone of purchase days; not null
     * @param settings the score's weights, reference values and class cut-offs; not null
     * @param bands    the churn risk bands; not null
     */
    public LoyaltyScoring(TenantId tenant, CrmStorage storage, Clock clock, LoyaltyScoreSettings settings,
                          ChurnRiskBands bands) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.bands = Objects.requireNonNull(bands, "bands must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the score settings */
    public LoyaltyScoreSettings settings() {
        return settings;
    }

    /** @return the churn risk bands */
    public ChurnRiskBands bands() {
        return bands;
    }

    /**
     * Reads what the records say about the customer, as of today.
     *
     * @return the activity; never null
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     */
    public CustomerActivity activity(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return storage.inTransaction(tenant.value(), s -> read(s, customer, today));
    }

    /** Same as {@code score(customer, StatedAnswers.none())}: from stored records only. */
    public Optional<LoyaltyScore> score(CustomerId customer) {
        return score(customer, StatedAnswers.none());
    }

    /**
     * The customer's loyalty score from their stored records and what the caller adds.
     *
     * @param stated recommendation, satisfaction and intention answers and share of wallet the caller
     *               knows; not null
     * @return the score with its explanation, or empty when no side has data (no delivered order, no
     *         answered survey, nothing stated)
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     */
    public Optional<LoyaltyScore> score(CustomerId customer, StatedAnswers stated) {
        Objects.requireNonNull(stated, "stated must not be null");
        LoyaltyInputs inputs = activity(customer).toInputs(stated, settings);
        return inputs.sidesWithData().isEmpty() ? Optional.empty() : Optional.of(LoyaltyScore.of(inputs, settings));
    }

    /**
     * The churn risk as {@code 1 − P(alive)} of a fitted model, for the customer's history as of today.
     *
     * @param model a BG/NBD or Pareto/NBD model fitted on histories in {@code unit}; not null
     * @param unit  the model's time unit (CDNOW models are in weeks); not null
     * @return the risk, basis {@link ChurnBasis#MODEL}; empty when the customer has not bought yet
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     */
    public Optional<ChurnRisk> churnRisk(CustomerId customer, TransactionModel model, PeriodUnit unit) {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        Optional<PurchaseHistory> history = activity(customer).purchaseHistory(unit);
        return history.map(h -> ChurnRisk.fromModel(model, h, bands));
    }

    /**
     * The fallback churn risk without a model ({@link ChurnRisk#fromRecency}): days since the last
     * purchase against the customer's own mean days between purchases.
     *
     * @return the risk, basis {@link ChurnBasis#RECENCY_FALLBACK}; empty with fewer than two purchase
     *         occasions (there is no rhythm to compare with)
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     */
    public Optional<ChurnRisk> churnRisk(CustomerId customer) {
        CustomerActivity a = activity(customer);
        OptionalDouble gap = a.meanDaysBetweenPurchases();
        if (gap.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ChurnRisk.fromRecency(a.daysSinceLastPurchase().orElseThrow(), gap.getAsDouble(), bands));
    }

    // ------------------------------------------------------------------ internals

    private CustomerActivity read(StorageSession s, CustomerId customer, LocalDate today) {
        CustomerRecord c = s.customers().find(customer.value())
                .orElseThrow(() -> new NoSuchCustomerException(tenant, customer));
        List<LocalDate> days = new ArrayList<>();
        for (OrderRecord o : all(s.records(OrderRecord.KIND), RecordQuery.all()
                .where("customerId", customer.toString()).where("status", OrderStatus.DELIVERED.name()))) {
            LocalDate d = LocalDate.ofInstant(o.createdAt(), clock.getZone());
            if (!d.isAfter(today)) {
                days.add(d);
            }
        }
        List<Integer> answers = new ArrayList<>();
        for (SatisfactionSurveyRecord r : all(s.records(SatisfactionSurveyRecord.KIND), RecordQuery.all()
                .where("customerId", customer.toString()).where("status", SurveyStatus.ANSWERED.name()))) {
            if (r.answer() != null) {
                answers.add(r.answer().score());
            }
        }
        LocalDate registered = LocalDate.ofInstant(c.createdAt(), clock.getZone());
        LocalDate since = days.stream().min(LocalDate::compareTo)
                .filter(first -> first.isBefore(registered)).orElse(registered);
        if (since.isAfter(today)) {
            since = today;
        }
        return new CustomerActivity(customer, today, since, days, answers);
    }

    private static <R extends StoredRecord> List<R> all(RecordStore<R> store, RecordQuery query) {
        List<R> out = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page<R> p = store.query(query, page.get());
            out.addAll(p.items());
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return out;
    }
}
