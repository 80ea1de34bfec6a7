package org.crmkit.core.analytics.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.analytics.ledger.DeliveredOrderTransactions;
import org.crmkit.core.analytics.ledger.LedgerPosting;
import org.crmkit.core.analytics.ledger.PurchaseEntry;
import org.crmkit.core.analytics.ledger.PurchaseLedger;
import org.crmkit.core.analytics.simulation.CustomerBaseSimulator;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerEvent;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryOrderFulfillment;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.order.Order;
import org.crmkit.core.sales.order.OrderStatus;
import org.crmkit.core.sales.order.Orders;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.DraftQuote;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.quote.Quotes;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.junit.jupiter.api.Test;

/**
 * The whole loop in memory: a simulated customer base of registered customers whose purchases are
 * recorded in the ledger, plus orders placed and delivered through the sales flow; the delivered
 * orders are read as transactions, the base is analysed, the results are written back and read
 * from the customers.
 */
class AnalyticsLoopTest {

    private static final String ACME = "acme";
    private static final StaffId SAM = StaffId.of("sam");
    private static final Currency USD = Currency.getInstance("USD");
    private static final CustomerBaseSimulator SIM = CustomerBaseSimulator.builder().customers(300).seed(11)
            .start(LocalDate.of(2024, 9, 1)).currency(USD).build();

    private final TestClock clock = TestClock.at(SIM.endDate().minusDays(20) + "T09:00:00Z");
    private final InMemoryOrderFulfillment erp = InMemoryOrderFulfillment.create(clock);
    private final List<DomainEvent> events = new ArrayList<>();
    private final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).listener(events::add)
            .productCatalog(InMemoryProductCatalog.builder().product(new ProductRecord(ACME, "lamp", "SKU-lamp",
                    "Lamp", new MoneyRecord(new BigDecimal("40.00"), "USD"), List.of(), List.of(), true)).build())
            .orderFulfillment(erp).build();
    private final Customers customers = crm.customers(ACME);

    /** Registers one customer per simulated key, carrying the key as its external id. */
    private Map<String, CustomerId> registerSimulatedCustomers(int leaveOut) {
        List<String> keys = SIM.toTransactions().customerIds();
        List<RegisterCustomer> commands = new ArrayList<>();
        for (String key : keys.subList(leaveOut, keys.size())) {
            commands.add(RegisterCustomer.builder(CustomerType.B2C, "Customer " + key, "sam").build());
        }
        List<Customer> registered = customers.registerAll(commands);
        Map<String, CustomerId> byKey = new HashMap<>();
        for (int i = 0; i < registered.size(); i++) {
            String key = keys.get(leaveOut + i);
            CustomerId id = registered.get(i).id();
            customers.change(id, c -> c.recordAttribute(AttributeCategory.EXTERNAL, CustomerKeys.EXTERNAL_ID,
                    AttributeValue.of(key)));
            byKey.put(key, id);
        }
        return byKey;
    }

    private Order deliveredOrder(CustomerId customer, String quantity) {
        Orders orders = crm.orders(ACME);
        Quotes quotes = crm.quotes(ACME);
        PipelineId pipeline = crm.pipelines(ACME).define("Retail " + UUID.randomUUID(),
                List.of(PipelineStage.of("QUALIFY", "Qualification", "0.10"))).id();
        var opportunity = crm.opportunities(ACME).open(customer, SAM, "Lamps", Money.of("80.00", "USD"),
                clock.instant().atZone(clock.getZone()).toLocalDate().plusDays(30), pipeline, null, null);
        Quote q = quotes.draft(new DraftQuote(customer, opportunity.id(), null, "USD",
                LocalDate.of(2030, 1, 1), SAM, null, null, new BigDecimal("19")));
        quotes.addLine(q.id(), AddQuoteLine.of("lamp", quantity));
        quotes.send(q.id());
        Order placed = orders.placeFromQuote(quotes.accept(q.id()).id());
        erp.confirm(ACME, placed.id().value());
        erp.ship(ACME, placed.id().value(), "DHL", "JJD0001");
        clock.advance(Duration.ofDays(1));
        erp.deliver(ACME, placed.id().value());
        return orders.get(placed.id());
    }

    @Test
    void ledgerAndDeliveredOrdersAreAnalysedAndTheResultsComeBackOnTheCustomers() {
        erp.connect(crm.orders(ACME)::applyUpdate);
        Map<String, CustomerId> byKey = registerSimulatedCustomers(0);
        PurchaseLedger ledger = crm.purchaseLedger(ACME);
        List<PurchaseEntry> simulated = new ArrayList<>();
        Map<String, Integer> seq = new HashMap<>();
        SIM.transactions().forEach((Transaction t) -> simulated.add(PurchaseEntry.of(byKey.get(t.customerId()),
                t.date(), Money.of(t.amount(), "USD"),
                "sim:" + t.customerId() + ":" + seq.merge(t.customerId(), 1, Integer::sum))));
        assertThat(ledger.recordAll(simulated)).isEqualTo(new LedgerPosting(simulated.size(), 0));

        // two customers also buy through the sales flow: lamps at 40.00 net, 19 % tax on top
        CustomerId first = byKey.get(SIM.toTransactions().customerIds().get(0));
        Order order = deliveredOrder(first, "3");
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        deliveredOrder(byKey.get(SIM.toTransactions().customerIds().get(1)), "1");
        DeliveredOrderTransactions delivered = crm.deliveredOrderTransactions(ACME);
        assertThat(delivered.read(USD).orders()).isEqualTo(2);
        assertThat(ledger.recordAll(delivered.entries())).isEqualTo(new LedgerPosting(2, 0));

        Transactions base = ledger.read(USD);
        assertThat(base.size()).isEqualTo(simulated.size() + 2);
        LocalDate asOf = SIM.endDate().minusDays(1);
        CustomerBaseAnalysis analysis = CustomerBaseAnalysis.run(base, CustomerBaseAnalysis.Options.of(asOf,
                PeriodUnit.WEEK));
        events.clear();

        WriteBackReport report = crm.analyticsWriteBack(ACME).apply(analysis, CustomerKeys.ids());

        assertThat(report.unknownKeys()).isEmpty();
        assertThat(report.conflictingKeys()).isEmpty();
        assertThat(report.updated()).hasSize(analysis.customerCount());
        assertThat(report.stageRefused()).isEmpty();   // everyone starts in exploration, which may move anywhere
        long moved = analysis.lifecycleCounts().entrySet().stream()
                .filter(e -> e.getKey() != LifecycleStage.EXPLORATION).mapToLong(Map.Entry::getValue).sum();
        assertThat(report.stageChanged()).hasSize((int) moved);
        assertThat(events).filteredOn(CustomerEvent.LifecycleStageChanged.class::isInstance).hasSize((int) moved);

        for (CustomerBaseAnalysis.CustomerRow row : analysis.customers()) {
            Customer c = customers.get(CustomerId.parse(row.customerId()));
            assertThat(c.attribute(AttributeCategory.CONSUMPTION, AnalyticsWriteBack.RFM_SCORE))
                    .contains(AttributeValue.of(row.rfmCode()));
            assertThat(c.attribute(AttributeCategory.CONSUMPTION, AnalyticsWriteBack.ABC_CLASS))
                    .contains(AttributeValue.of(row.abcClass().name()));
            assertThat(c.attribute(AttributeCategory.CONSUMPTION, AnalyticsWriteBack.NET_SPEND))
                    .contains(AttributeValue.of(row.netSpend()));
            assertThat(c.lifecycleStage()).isEqualTo(analysis.lifecycle(row.customerId()).orElseThrow().stage());
        }
        // the delivered order counts at its net total: 3 lamps at 40.00, not the 142.80 gross
        BigDecimal simulatedSpend = ledger.entriesOf(first).stream().filter(e -> e.sourceKey().startsWith("sim:"))
                .filter(e -> !e.day().isAfter(asOf)).map(e -> e.amount().amount()).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
        assertThat(customers.get(first).attribute(AttributeCategory.CONSUMPTION, AnalyticsWriteBack.NET_SPEND))
                .contains(AttributeValue.of(simulatedSpend.add(new BigDecimal("120.00"))));

        events.clear();
        WriteBackReport again = crm.analyticsWriteBack(ACME).apply(analysis, CustomerKeys.ids());
        assertThat(again.changedNothing()).isTrue();
        assertThat(again.unchanged()).hasSize(analysis.customerCount());
        assertThat(events).isEmpty();
    }

    @Test
    void anExternalFileIsWrittenBackThroughTheExternalIdAndUnregisteredKeysAreReported() {
        Map<String, CustomerId> byKey = registerSimulatedCustomers(5);
        Transactions file = SIM.toTransactions();   // keyed C00000, C00001, ... as an export would be
        CustomerBaseAnalysis analysis = CustomerBaseAnalysis.run(file,
                CustomerBaseAnalysis.Options.of(SIM.endDate().minusDays(1), PeriodUnit.WEEK));

        WriteBackReport report = crm.analyticsWriteBack(ACME).apply(analysis, CustomerKeys.byExternalId(customers));

        List<String> missing = file.customerIds().subList(0, 5);
        assertThat(report.unknownKeys()).containsExactlyInAnyOrderElementsOf(missing);
        assertThat(report.updated()).hasSize(analysis.customerCount() - 5);
        String key = file.customerIds().get(7);
        CustomerBaseAnalysis.CustomerRow row = analysis.customer(key).orElseThrow();
        Customer c = customers.get(byKey.get(key));
        assertThat(c.attribute(AttributeCategory.CONSUMPTION, AnalyticsWriteBack.RFM_SEGMENT))
                .contains(AttributeValue.of(row.rfmSegment()));
        assertThat(c.attribute(AttributeCategory.CONSUMPTION, AnalyticsWriteBack.AS_OF))
                .contains(AttributeValue.of(SIM.endDate().minusDays(1)));
        assertThat(c.lifecycleStage()).isEqualTo(analysis.lifecycle(key).orElseThrow().stage());
    }
}
