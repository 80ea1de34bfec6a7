package org.crmkit.core.sales.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.memory.InMemoryOrderFulfillment;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.LeadId;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.lead.CaptureLead;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.core.sales.order.Order;
import org.crmkit.core.sales.order.OrderStatus;
import org.crmkit.core.sales.order.Orders;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.DraftQuote;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.quote.Quotes;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.fulfillment.FulfillmentUpdate;
import org.crmkit.spi.sales.CampaignRecord;
import org.crmkit.spi.sales.LeadRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.OpportunityRecord;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.sales.PipelineRecord;
import org.crmkit.spi.sales.QuoteRecord;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StoredRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One refusal per test across the sales flow: each names the problem (exception type and field
 * or state) and leaves storage exactly as it was (every record of every kind of the flow, and
 * every customer, compared before and after) and publishes nothing.
 */
class BadInputAcrossTheFlowTest {

    private static final String ACME = "acme";
    private static final StaffId SAM = StaffId.of("sam");
    private static final StaffId MANAGER = StaffId.of("mona");

    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    private final InMemoryOrderFulfillment erp = InMemoryOrderFulfillment.create(clock);
    private final List<DomainEvent> events = new ArrayList<>();
    private final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).listener(events::add)
            .productCatalog(InMemoryProductCatalog.builder()
                    .product(product(ACME, "chair", "100.00", "EUR"))
                    .product(product(ACME, "lamp", "40.00", "USD"))
                    .product(product("globex", "secret", "1.00", "EUR"))
                    .build())
            .orderFulfillment(erp)
            .build();
    private final Quotes quotes = crm.quotes(ACME);
    private final Orders orders = crm.orders(ACME);
    private final LeadConversion conversion = crm.leadConversion(ACME);
    private PipelineId pipeline;
    private Conversion converted;

    private static ProductRecord product(String tenant, String id, String price, String currency) {
        return new ProductRecord(tenant, id, "SKU-" + id, "Product " + id,
                new MoneyRecord(new BigDecimal(price), currency), List.of(), List.of(), true);
    }

    @BeforeEach
    void aConvertedLead() {
        erp.connect(orders::applyUpdate);
        pipeline = crm.pipelines(ACME).define("Retail", List.of(PipelineStage.of("Q", "Qualification", "0.10"))).id();
        LeadId lead = crm.leads(ACME).capture(CaptureLead.builder("Wang Fang", SAM).email("wang@example.cn")
                .organisation("Wang Trading").build()).id();
        crm.leads(ACME).contact(lead, SAM);
        crm.leads(ACME).qualify(lead, SAM);
        converted = conversion.convert(convert(lead));
    }

    private ConvertLead convert(LeadId lead) {
        return new ConvertLead(lead, CustomerChoice.createNew(), pipeline, "Chairs", Money.of("500.00", "EUR"),
                LocalDate.of(2026, 4, 30), null, SAM);
    }

    private Quote draft() {
        return quotes.draft(new DraftQuote(converted.customer(), converted.opportunity(), null, "EUR",
                LocalDate.of(2026, 3, 31), SAM, null, null, new BigDecimal("19")));
    }

    private Quote sentQuote() {
        Quote q = draft();
        quotes.addLine(q.id(), AddQuoteLine.of("chair", "2"));
        return quotes.send(q.id());
    }

    /** Every record of the flow's kinds and every customer of the tenant, as stored. */
    private Map<String, List<?>> storage() {
        return crm.storage().inTransaction(ACME, session -> {
            Map<String, List<?>> all = new LinkedHashMap<>();
            all.put("customer", session.customers().query(CustomerQuery.all(), PageRequest.first(PageRequest.MAX_SIZE))
                    .items());
            for (RecordKind<? extends StoredRecord> kind : List.of(LeadRecord.KIND, OpportunityRecord.KIND,
                    QuoteRecord.KIND, OrderRecord.KIND, PipelineRecord.KIND, CampaignRecord.KIND)) {
                all.put(kind.name(), session.records(kind).query(RecordQuery.all(),
                        PageRequest.first(PageRequest.MAX_SIZE)).items());
            }
            return all;
        });
    }

    /** Runs {@code refused}, which must throw, and checks that it changed nothing and published nothing. */
    private Throwable refusedWithoutChange(Runnable refused) {
        Map<String, List<?>> before = storage();
        int published = events.size();
        int submitted = erp.submissions().size();
        Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, refused::run);
        assertThat(storage()).as("storage after the refusal").isEqualTo(before);
        assertThat(events).as("events after the refusal").hasSize(published);
        assertThat(erp.submissions()).as("orders handed to the back office").hasSize(submitted);
        return thrown;
    }

    @Test
    void convertingALeadTwiceIsRefusedNamingTheLeadAndItsState() {
        Throwable e = refusedWithoutChange(() -> conversion.convert(convert(converted.lead())));

        assertThat(e).isInstanceOfSatisfying(IllegalTransitionException.class, t -> {
            assertThat(t.aggregate()).isEqualTo("lead");
            assertThat(t.id()).isEqualTo(converted.lead().value());
            assertThat(t.state()).isEqualTo("CONVERTED");
        }).hasMessageContaining("CONVERTED");
    }

    @Test
    void anOpportunityWithANegativeAmountIsRefusedBeforeTheNewCustomerIsKept() {
        LeadId lead = crm.leads(ACME).capture(CaptureLead.builder("Li", SAM).email("li@example.cn").build()).id();
        crm.leads(ACME).contact(lead, SAM);
        crm.leads(ACME).qualify(lead, SAM);

        Throwable e = refusedWithoutChange(() -> conversion.convert(new ConvertLead(lead, CustomerChoice.createNew(),
                pipeline, "Chairs", Money.of("-1.00", "EUR"), LocalDate.of(2026, 4, 30), null, SAM)));

        assertThat(e).isInstanceOf(ValidationException.class).hasMessageContaining("amount");
    }

    @Test
    void aConversionWithoutAnOpportunityNameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new ConvertLead(converted.lead(), CustomerChoice.createNew(), pipeline, " ",
                Money.of("1.00", "EUR"), LocalDate.of(2026, 4, 30), null, SAM))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.field()).isEqualTo("opportunityName"));
        assertThatThrownBy(() -> new ConvertLead(converted.lead(), null, pipeline, "Chairs",
                Money.of("1.00", "EUR"), LocalDate.of(2026, 4, 30), null, SAM))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.field()).isEqualTo("customer"));
    }

    @Test
    void acceptingAnExpiredQuoteIsRefused() {
        Quote q = sentQuote();
        clock.advance(Duration.ofDays(30)); // valid until 31 March; now 1 April

        Throwable e = refusedWithoutChange(() -> quotes.accept(q.id()));

        assertThat(e).isInstanceOfSatisfying(IllegalTransitionException.class, t -> {
            assertThat(t.aggregate()).isEqualTo("quote");
            assertThat(t.id()).isEqualTo(q.id().value());
        }).hasMessageContaining("expired");
    }

    @Test
    void orderingFromAnUnacceptedQuoteIsRefused() {
        Quote q = sentQuote();

        Throwable e = refusedWithoutChange(() -> orders.placeFromQuote(q.id()));

        assertThat(e).isInstanceOfSatisfying(IllegalTransitionException.class, t -> {
            assertThat(t.aggregate()).isEqualTo("quote");
            assertThat(t.state()).isEqualTo("SENT");
        }).hasMessageContaining("ACCEPTED");
        assertThat(erp.submissions()).isEmpty();
    }

    @Test
    void sendingADiscountAboveTheThresholdWithoutApprovalIsRefused() {
        Quote q = draft();
        quotes.addLine(q.id(), AddQuoteLine.of("chair", "1").withDiscount("15"));

        Throwable e = refusedWithoutChange(() -> quotes.send(q.id()));

        assertThat(e).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("without approval");
        // with the approval it goes out
        quotes.requestApproval(q.id());
        quotes.approve(q.id(), MANAGER);
        assertThat(quotes.send(q.id()).sentAt()).isPresent();
    }

    @Test
    void mixingCurrenciesInOneQuoteIsRefusedOnTheCurrency() {
        Quote q = draft();
        quotes.addLine(q.id(), AddQuoteLine.of("chair", "1"));

        Throwable e = refusedWithoutChange(() -> quotes.addLine(q.id(), AddQuoteLine.of("lamp", "1")));

        assertThat(e).isInstanceOfSatisfying(ValidationException.class,
                v -> assertThat(v.field()).isEqualTo("currency"));
    }

    @Test
    void aNegativeQuantityIsRefusedOnTheQuantity() {
        Quote q = draft();
        quotes.addLine(q.id(), AddQuoteLine.of("chair", "1"));

        assertThatThrownBy(() -> AddQuoteLine.of("chair", "-2")).isInstanceOfSatisfying(ValidationException.class,
                v -> assertThat(v.field()).isEqualTo("quantity"));
        Throwable e = refusedWithoutChange(() -> quotes.changeQuantity(q.id(), 1, new BigDecimal("-2")));

        assertThat(e).isInstanceOfSatisfying(ValidationException.class,
                v -> assertThat(v.field()).isEqualTo("quantity")).hasMessageContaining("-2");
    }

    @Test
    void deliveringAnOrderThatWasNotShippedIsRefused() {
        Quote q = sentQuote();
        quotes.accept(q.id());
        Order order = orders.placeFromQuote(q.id());
        erp.confirm(ACME, order.id().value());
        FulfillmentUpdate delivered = new FulfillmentUpdate(ACME, order.id().value(),
                order.backOfficeReference().orElseThrow(), FulfillmentUpdate.DELIVERED, clock.instant(), null, null,
                null);

        Throwable e = refusedWithoutChange(() -> orders.applyUpdate(delivered));

        assertThat(e).isInstanceOfSatisfying(IllegalTransitionException.class, t -> {
            assertThat(t.aggregate()).isEqualTo("order");
            assertThat(t.id()).isEqualTo(order.id().value());
            assertThat(t.state()).isEqualTo("CONFIRMED");
        }).hasMessageContaining("deliver");
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aProductOfAnotherTenantIsRefusedAsUnknown() {
        Quote q = draft();

        Throwable e = refusedWithoutChange(() -> quotes.addLine(q.id(), AddQuoteLine.of("secret", "1")));

        assertThat(e).isInstanceOfSatisfying(ValidationException.class,
                v -> assertThat(v.field()).isEqualTo("productId")).hasMessageContaining("secret")
                .hasMessageContaining("acme");
    }
}
