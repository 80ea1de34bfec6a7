package org.crmkit.core.analytics.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.analytics.TransactionRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;

/**
 * The purchase transactions of one tenant, kept in the host's storage as
 * {@link TransactionRecord}s: the input of customer analytics. Obtain it from
 * {@code Crm.purchaseLedger(tenant)}.
 *
 * <p><b>Recording</b> is idempotent on the {@linkplain PurchaseEntry#sourceKey() source key}: a
 * record's id is derived from the tenant and the source key (a name-based UUID), so recording the
 * same purchase again, even concurrently, stores it once; the store's uniqueness of ids is the
 * guard. Recording a source key again for a <em>different</em> purchase is refused. Every call is
 * one unit of work: all its entries are stored, or none. Each entry's customer must be a customer
 * of this tenant.
 *
 * <p><b>Reading</b> turns the tenant's transactions in one currency into a {@link Transactions}
 * batch whose customer keys are the customers' ids ({@link CustomerId#toString()}). The records
 * are read page by page inside one unit of work and added to the batch's columns as they come, so
 * memory holds the columnar batch and one page, not an object per transaction.
 *
 * <p>Recording publishes no domain event: a transaction is a fact about the past, not a change of
 * an aggregate. Thread-safe.
 *
 * @since 0.1
 */
public final class PurchaseLedger {

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant  the tenant every call is confined to; not null
     * @param storage where the transactions are kept; not null
     * @param clock   the source of the recording time; not null
     */
    public PurchaseLedger(TenantId tenant, CrmStorage storage, Clock clock) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** @return the tenant this ledger is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Records one purchase, once.
     *
     * @param entry the purchase; not null
     * @return true if it was stored now, false if its source key was already recorded for the same purchase
     * @throws ValidationException on field {@code sourceKey} if the key was recorded for another
     *                             purchase, on {@code customer} if the customer is not one of this
     *                             tenant's; nothing is stored
     */
    public boolean record(PurchaseEntry entry) {
        return recordAll(List.of(Objects.requireNonNull(entry, "entry must not be null"))).recorded() == 1;
    }

    /**
     * Records several purchases in one unit of work: all or none. Entries whose source key is
     * already recorded (before, or earlier in the same list) for the same purchase are counted and
     * left as they are.
     *
     * @param entries the purchases; not null, no null element
     * @return how many were stored and how many were already recorded
     * @throws ValidationException on field {@code sourceKey} if a key was recorded for another
     *                             purchase, on {@code customer} if a customer is not one of this
     *                             tenant's; nothing is stored
     */
    public LedgerPosting recordAll(List<PurchaseEntry> entries) {
        Objects.requireNonNull(entries, "entries must not be null");
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == null) {
                throw new ValidationException("entries[" + i + "]", "must not be null");
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return storage.inTransaction(tenant.value(), s -> post(s, entries, now));
        } catch (DuplicateRecordException e) {
            // a concurrent call stored one of the same source keys first; nothing of ours was
            // written, and the second attempt finds that record and compares it
            return storage.inTransaction(tenant.value(), s -> post(s, entries, now));
        }
    }

    private LedgerPosting post(StorageSession s, List<PurchaseEntry> entries, Instant now) {
        RecordStore<TransactionRecord> store = s.records(TransactionRecord.KIND);
        Map<UUID, PurchaseEntry> seen = new HashMap<>();
        Set<UUID> knownCustomers = new HashSet<>();
        List<TransactionRecord> fresh = new ArrayList<>();
        int already = 0;
        for (PurchaseEntry e : entries) {
            UUID id = idOf(e.sourceKey());
            PurchaseEntry earlier = seen.get(id);
            if (earlier == null) {
                earlier = store.find(id).map(this::restore).orElse(null);
            }
            if (earlier != null) {
                if (!earlier.samePurchaseAs(e)) {
                    throw new ValidationException("sourceKey", "was already recorded for another purchase (customer "
                            + earlier.customer() + ", " + earlier.day() + ", " + earlier.amount() + ")", e.sourceKey());
                }
                already++;
                continue;
            }
            UUID customer = e.customer().value();
            if (!knownCustomers.contains(customer)) {
                if (s.customers().find(customer).isEmpty()) {
                    throw new ValidationException("customer", "must name a customer of tenant '" + tenant + "'",
                            customer);
                }
                knownCustomers.add(customer);
            }
            seen.put(id, e);
            fresh.add(toRecord(id, e, now));
        }
        store.insertAll(fresh);
        return new LedgerPosting(fresh.size(), already);
    }

    /**
     * Reads every transaction of this tenant in {@code currency} into a batch. Transactions in
     * other currencies are not read (a batch has one currency; count them with {@link #count}).
     *
     * @param currency the currency to read; not null
     * @return the batch, keyed by customer id; empty if there is none
     */
    public Transactions read(Currency currency) {
        Objects.requireNonNull(currency, "currency must not be null");
        Transactions.Builder batch = Transactions.builder();
        storage.useTransaction(tenant.value(), s -> forEach(s,
                RecordQuery.all().where("currency", currency.getCurrencyCode()), r -> batch.add(toTransaction(r))));
        return batch.build();
    }

    /**
     * Reads the transactions of this tenant in {@code currency} dated {@code from} to {@code to},
     * both included. The store is queried month by month (its keys match exactly), and days
     * outside the range are left out.
     *
     * @param currency the currency to read; not null
     * @param from     the first day; not null
     * @param to       the last day; not before {@code from}
     * @return the batch, keyed by customer id; empty if there is none
     * @throws ValidationException on field {@code to} if it is before {@code from}
     */
    public Transactions read(Currency currency, LocalDate from, LocalDate to) {
        Objects.requireNonNull(currency, "currency must not be null");
        if (from == null) {
            throw new ValidationException("from", "must not be null");
        }
        if (to == null || to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from (" + from + ")", to);
        }
        Transactions.Builder batch = Transactions.builder();
        storage.useTransaction(tenant.value(), s -> {
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                forEach(s, RecordQuery.all().where("currency", currency.getCurrencyCode())
                        .where("month", TransactionRecord.monthKey(m.atDay(1))), r -> {
                            if (!r.day().isBefore(from) && !r.day().isAfter(to)) {
                                batch.add(toTransaction(r));
                            }
                        });
            }
        });
        return batch.build();
    }

    /**
     * @param customer a customer; not null
     * @return the customer's recorded purchases in every currency, by day, then source key; empty if none
     */
    public List<PurchaseEntry> entriesOf(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        List<PurchaseEntry> out = new ArrayList<>();
        storage.useTransaction(tenant.value(), s -> forEach(s,
                RecordQuery.all().where("customerId", customer.toString()), r -> out.add(restore(r))));
        out.sort(Comparator.comparing(PurchaseEntry::day).thenComparing(PurchaseEntry::sourceKey));
        return List.copyOf(out);
    }

    /** @return the recorded purchase with that source key, if any */
    public Optional<PurchaseEntry> find(String sourceKey) {
        if (sourceKey == null || sourceKey.isBlank()) {
            throw new ValidationException("sourceKey", "must not be blank", sourceKey);
        }
        return storage.inTransaction(tenant.value(),
                s -> s.records(TransactionRecord.KIND).find(idOf(sourceKey)).map(this::restore));
    }

    /** @return how many transactions this tenant has recorded, per currency code, largest first */
    public Map<String, Long> count() {
        Map<String, Long> counts = new HashMap<>();
        storage.useTransaction(tenant.value(), s -> forEach(s, RecordQuery.all(),
                r -> counts.merge(r.amount().currency(), 1L, Long::sum)));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The id of the record of {@code sourceKey} in this tenant: the same key always gives the same id. */
    private UUID idOf(String sourceKey) {
        return UUID.nameUUIDFromBytes(("crmkit:" + TransactionRecord.KIND.name() + ":" + tenant.value() + ":"
                + sourceKey).getBytes(UTF_8));
    }

    private static void forEach(StorageSession s, RecordQuery query, Consumer<TransactionRecord> action) {
        RecordStore<TransactionRecord> store = s.records(TransactionRecord.KIND);
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page<TransactionRecord> p = store.query(query, page.get());
            p.items().forEach(action);
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
    }

    private TransactionRecord toRecord(UUID id, PurchaseEntry e, Instant now) {
        return new TransactionRecord(id, tenant.value(), 1, e.customer().value(), e.day(), money(e.amount()),
                e.margin() == null ? null : money(e.margin()), e.product(), e.category(), e.channel(), e.sourceKey(),
                now);
    }

    private static MoneyRecord money(Money m) {
        return new MoneyRecord(m.amount(), m.currencyCode());
    }

    private PurchaseEntry restore(TransactionRecord r) {
        try {
            return new PurchaseEntry(CustomerId.of(r.customerId()), r.day(),
                    Money.of(r.amount().amount(), r.amount().currency()),
                    r.margin() == null ? null : Money.of(r.margin().amount(), r.margin().currency()), r.product(),
                    r.category(), r.channel(), r.sourceKey());
        } catch (ValidationException e) {
            throw new StorageException("purchase transaction " + r.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), null, e);
        }
    }

    private static Transaction toTransaction(TransactionRecord r) {
        Currency currency = Currency.getInstance(r.amount().currency());
        return new Transaction(r.customerId().toString(), r.day(), r.amount().amount(), currency,
                r.margin() == null ? null : r.margin().amount(), r.product(), r.category(), r.channel());
    }
}
