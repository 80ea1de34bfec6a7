package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmkit.core.Crm;
import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.analytics.ledger.LedgerPosting;
import org.crmkit.core.analytics.ledger.PurchaseEntry;
import org.crmkit.core.analytics.ledger.PurchaseLedger;
import org.crmkit.core.analytics.simulation.CustomerBaseSimulator;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.analytics.writeback.AnalyticsWriteBack;
import org.crmkit.core.analytics.writeback.CustomerKeys;
import org.crmkit.core.analytics.writeback.WriteBackReport;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.jdbc.JdbcStorage;
import org.crmkit.jdbc.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Customer analytics on a real H2 database through the JDBC adapter: a simulated base recorded in
 * the purchase ledger, read back as a batch, analysed, and the results written to the stored
 * customers and read back; recording and writing again change nothing.
 */
class AnalyticsWriteBackOnH2Test {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void theLedgerIsAnalysedAndTheResultsAreStoredOnTheCustomersInH2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:analytics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrator.create(ds).migrate();
        CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(200).seed(11)
                .start(LocalDate.of(2024, 9, 1)).currency(USD).build();
        Crm crm = Crm.builder().storage(JdbcStorage.create(ds))
                .clock(Clock.fixed(Instant.parse(sim.endDate() + "T09:00:00Z"), ZoneOffset.UTC)).build();
        Customers customers = crm.customers("acme");
        PurchaseLedger ledger = crm.purchaseLedger("acme");

        List<String> keys = sim.toTransactions().customerIds();
        List<Customer> registered = customers.registerAll(keys.stream()
                .map(k -> RegisterCustomer.builder(CustomerType.B2C, "Customer " + k, "sam").build()).toList());
        Map<String, CustomerId> byKey = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), registered.get(i).id());
        }
        List<PurchaseEntry> entries = new ArrayList<>();
        Map<String, Integer> seq = new HashMap<>();
        sim.transactions().forEach(t -> entries.add(PurchaseEntry.of(byKey.get(t.customerId()), t.date(),
                Money.of(t.amount(), "USD"), "sim:" + t.customerId() + ":" + seq.merge(t.customerId(), 1, Integer::sum))));
        assertThat(ledger.recordAll(entries)).isEqualTo(new LedgerPosting(entries.size(), 0));
        assertThat(ledger.recordAll(entries)).isEqualTo(new LedgerPosting(0, entries.size()));

        Transactions base = ledger.read(USD);
        assertThat(base.size()).isEqualTo(entries.size());
        Map<String, org.crmkit.core.analytics.transactions.CustomerSummary> stored = new HashMap<>();
        base.summaries().forEach(x -> stored.put(x.customerId(), x));
        assertThat(sim.toTransactions().summaries()).allSatisfy(expected -> {
            var got = stored.get(byKey.get(expected.customerId()).toString());
            assertThat(got.occasions()).isEqualTo(expected.occasions());
            assertThat(got.totalSpend()).isEqualByComparingTo(expected.totalSpend());
            assertThat(got.lastPurchase()).isEqualTo(expected.lastPurchase());
        });
        CustomerBaseAnalysis analysis = CustomerBaseAnalysis.run(base,
                CustomerBaseAnalysis.Options.of(sim.endDate().minusDays(1), PeriodUnit.WEEK));

        AnalyticsWriteBack writeBack = crm.analyticsWriteBack("acme");
        WriteBackReport report = writeBack.apply(analysis, CustomerKeys.ids());

        assertThat(report.updated()).hasSize(analysis.customerCount());
        assertThat(report.unknownKeys()).isEmpty();
        for (CustomerBaseAnalysis.CustomerRow row : analysis.customers()) {
            Customer c = customers.get(CustomerId.parse(row.customerId()));
            assertThat(c.attribute(AttributeCategory.CONSUMPTION, AnalyticsWriteBack.RFM_SCORE))
                    .contains(AttributeValue.of(row.rfmCode()));
            assertThat(c.attribute(AttributeCategory.CONSUMPTION, AnalyticsWriteBack.CLV))
                    .contains(AttributeValue.of(BigDecimal.valueOf(row.lifetimeValue())
                            .setScale(2, java.math.RoundingMode.HALF_EVEN)));
            LifecycleStage suggested = analysis.lifecycle(row.customerId()).orElseThrow().stage();
            assertThat(c.lifecycleStage()).isEqualTo(suggested);
        }
        assertThat(writeBack.apply(analysis, CustomerKeys.ids()).changedNothing()).isTrue();
    }
}
