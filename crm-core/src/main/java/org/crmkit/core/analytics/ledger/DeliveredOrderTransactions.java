package org.crmkit.core.analytics.ledger;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.sales.OrderLineRecord;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StorageException;

/**
 * The library's own delivered orders read as purchase transactions, so that a host using the
 * sales flow gets customer analytics without exporting anything. Obtain it from
 * {@code Crm.deliveredOrderTransactions(tenant)}.
 *
 * <p>Each order with status {@code DELIVERED} becomes one transaction:
 * <ul>
 *   <li>customer: the order's customer (the batch's key is its id, {@link CustomerId#toString()});</li>
 *   <li>day: the day of delivery ({@code tracking.deliveredAt}) in this reader's time zone, the
 *       day the sale was completed (an order can still be cancelled before delivery);</li>
 *   <li>amount: the order's <b>net total</b>, before tax. Tax is collected for the state, not
 *       earned, and tax rates differ between customers and over time, so the gross total would
 *       make the same purchase look bigger in one country than another. This is the amount
 *       {@code SalesFlowAnalytics#campaignReturn} counts too;</li>
 *   <li>product: the line's product id when every line is the same product; otherwise none.
 *       Margin, category and channel are not known to an order and are left out;</li>
 *   <li>source key: {@code order:<order id>}, so recording the orders in a {@link PurchaseLedger}
 *       more than once records each once.</li>
 * </ul>
 * Orders that are not delivered (submitted, shipped, cancelled) are not purchases yet, or not at all.
 *
 * <p>Each method reads inside one unit of work, page by page. Thread-safe.
 *
 * @since 0.1
 */
public final class DeliveredOrderTransactions {

    /** The prefix of the source key of an order's transaction: {@code order:} and the order id. */
    public static final String SOURCE_KEY_PREFIX = "order:";

    private static final String DELIVERED = "DELIVERED";

    private final TenantId tenant;
    private final CrmStorage storage;
    private final ZoneId zone;

    /**
     * @param tenant  the tenant every call is confined to; not null
     * @param storage where the orders are kept; not null
     * @param zone    the time zone in which a delivery instant falls on a day; not null
     */
    public DeliveredOrderTransactions(TenantId tenant, CrmStorage storage, ZoneId zone) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.zone = Objects.requireNonNull(zone, "zone must not be null");
    }

    /** @return the time zone that turns delivery instants into days */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Reads the delivered orders in {@code currency} into a batch.
     *
     * @param currency the currency of the batch; not null
     * @return the batch and how many delivered orders were in other currencies; never null
     */
    public OrderTransactions read(Currency currency) {
        Objects.requireNonNull(currency, "currency must not be null");
        Transactions.Builder batch = Transactions.builder();
        int[] counts = new int[2];
        forEachDelivered(o -> {
            if (o.netTotal().currency().equals(currency.getCurrencyCode())) {
                batch.add(new Transaction(o.customerId().toString(), day(o), o.netTotal().amount(), currency, null,
                        product(o), null, null));
                counts[0]++;
            } else {
                counts[1]++;
            }
        });
        return new OrderTransactions(batch.build(), counts[0], counts[1]);
    }

    /**
     * The delivered orders in every currency as ledger entries, to record them with
     * {@link PurchaseLedger#recordAll} (idempotently, by the source key {@code order:<id>}).
     *
     * @return one entry per delivered order, in order id order; empty if there is none
     */
    public List<PurchaseEntry> entries() {
        List<PurchaseEntry> out = new ArrayList<>();
        forEachDelivered(o -> out.add(new PurchaseEntry(CustomerId.of(o.customerId()), day(o),
                Money.of(o.netTotal().amount(), o.netTotal().currency()), null, product(o), null, null,
                SOURCE_KEY_PREFIX + o.id())));
        return List.copyOf(out);
    }

    private void forEachDelivered(Consumer<OrderRecord> action) {
        storage.useTransaction(tenant.value(), s -> {
            RecordStore<OrderRecord> store = s.records(OrderRecord.KIND);
            RecordQuery delivered = RecordQuery.all().where("status", DELIVERED);
            Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
            while (page.isPresent()) {
                Page<OrderRecord> p = store.query(delivered, page.get());
                p.items().forEach(action);
                page = p.items().isEmpty() ? Optional.empty() : p.next();
            }
        });
    }

    private LocalDate day(OrderRecord o) {
        if (o.tracking() == null || o.tracking().deliveredAt() == null) {
            throw new StorageException("order " + o.id() + " as stored is DELIVERED without a delivery time", null);
        }
        return LocalDate.ofInstant(o.tracking().deliveredAt(), zone);
    }

    private static String product(OrderRecord o) {
        String first = o.lines().get(0).productId();
        for (OrderLineRecord line : o.lines()) {
            if (!line.productId().equals(first)) {
                return null;
            }
        }
        return first;
    }
}
