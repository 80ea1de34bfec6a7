package org.crmkit.core.sales.quote;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.opportunity.Opportunities;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.core.sales.opportunity.Pipelines;
import org.crmkit.spi.catalog.BomComponentRecord;
import org.crmkit.spi.catalog.PriceListEntryRecord;
import org.crmkit.spi.catalog.PriceListRecord;
import org.crmkit.spi.catalog.ProductOptionRecord;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.storage.CrmStorage;

/**
 * Products, price lists and drafts shared by the quote tests. {@link #draft()} names an invented
 * customer and opportunity and is for the aggregate alone ({@link Quote#draft}); the
 * {@link Quotes} service needs a real open opportunity, which a {@link Deals} opens.
 */
final class QuoteFixtures {
    static final TenantId ACME = TenantId.of("acme");
    static final StaffId ALICE = StaffId.of("alice");
    static final StaffId MANAGER = StaffId.of("mona");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String NOW = "2026-03-02T09:00:00Z";

    static final ProductRecord WIDGET = product("acme", "p-widget", "19.99", "EUR",
            List.of(new ProductOptionRecord("red", "Red paint", eur("1.50")),
                    new ProductOptionRecord("xl", "Extra large", eur("5.00"))),
            List.of(new BomComponentRecord("p-bolt", new BigDecimal("4"))));
    static final ProductRecord PENNY = product("acme", "p-penny", "0.05", "EUR", List.of(), List.of());
    static final ProductRecord RACK = product("acme", "p-rack", "1000.00", "EUR", List.of(), List.of());
    static final ProductRecord USD_GADGET = product("acme", "p-usd", "12.00", "USD", List.of(), List.of());
    static final ProductRecord YEN_TEA = product("acme", "p-tea", "333", "JPY", List.of(), List.of());
    static final ProductRecord RETIRED = new ProductRecord("acme", "p-retired", "SKU-R", "Retired",
            eur("5.00"), List.of(), List.of(), false);
    static final ProductRecord GLOBEX_SECRET = product("globex", "p-secret", "1.00", "EUR", List.of(), List.of());

    /** Grade A, key accounts only: the rack for 900. */
    static final PriceListRecord GOLD = new PriceListRecord("pl-gold", "acme", "Gold", "EUR",
            List.of(new PriceListEntryRecord("p-rack", new BigDecimal("900.00"))), List.of("A"), List.of(),
            List.of(), List.of("key-account"));
    /** Retail segment, everyone: the rack for 950, the widget for 18.00. */
    static final PriceListRecord RETAIL = new PriceListRecord("pl-retail", "acme", "Retail", "EUR",
            List.of(new PriceListEntryRecord("p-rack", new BigDecimal("950.00")),
                    new PriceListEntryRecord("p-widget", new BigDecimal("18.00"))),
            List.of(), List.of("retail"), List.of(), List.of());
    /** Grade A in dollars: never applies to a EUR quote. */
    static final PriceListRecord GOLD_USD = new PriceListRecord("pl-gold-usd", "acme", "Gold USD", "USD",
            List.of(new PriceListEntryRecord("p-rack", new BigDecimal("1.00"))), List.of("A"), List.of(),
            List.of(), List.of());
    /** The USD gadget in euros for segment "eu". */
    static final PriceListRecord EU = new PriceListRecord("pl-eu", "acme", "EU", "EUR",
            List.of(new PriceListEntryRecord("p-usd", new BigDecimal("11.00"))), List.of(), List.of("eu"),
            List.of(), List.of());

    private QuoteFixtures() {
    }

    static MoneyRecord eur(String amount) {
        return new MoneyRecord(new BigDecimal(amount), "EUR");
    }

    static ProductRecord product(String tenant, String id, String price, String currency,
                                 List<ProductOptionRecord> options, List<BomComponentRecord> bom) {
        return new ProductRecord(tenant, id, "SKU-" + id, "Product " + id, new MoneyRecord(new BigDecimal(price),
                currency), options, bom, true);
    }

    static InMemoryProductCatalog catalog() {
        return InMemoryProductCatalog.builder()
                .product(WIDGET).product(PENNY).product(RACK).product(USD_GADGET).product(YEN_TEA).product(RETIRED)
                .product(GLOBEX_SECRET)
                .product(product("globex", "p-widget", "0.01", "EUR", List.of(), List.of()))
                .priceList(GOLD).priceList(RETAIL).priceList(GOLD_USD).priceList(EU)
                .staffRoles("acme", "alice", "key-account")
                .build();
    }

    static DraftQuote draftFor(String currency, String grade, String segment) {
        return draftFor(CustomerId.of(UUID.randomUUID()), OpportunityId.of(UUID.randomUUID()), currency, grade,
                segment);
    }

    /** A draft for that customer and opportunity, no campaign named, valid 30 days from {@link #TODAY}. */
    static DraftQuote draftFor(CustomerId customer, OpportunityId opportunity, String currency, String grade,
                               String segment) {
        return new DraftQuote(customer, opportunity, null, currency, TODAY.plusDays(30), ALICE, grade, segment,
                new BigDecimal("19"));
    }

    /** A draft of {@code opportunity} (its customer, no campaign named) in euros. */
    static DraftQuote draftFor(Opportunity opportunity) {
        return draftFor(opportunity.customerId(), opportunity.id(), "EUR", null, null);
    }

    static DraftQuote draft() {
        return draftFor("EUR", null, null);
    }

    static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    /**
     * Customers and opportunities of one tenant in the storage the quotes service uses: a quote
     * may only be drafted for an open opportunity of its customer. One pipeline, New 20%,
     * Proposal 50%. Not thread-safe.
     */
    static final class Deals {
        final Customers customers;
        final Opportunities opportunities;
        private final PipelineId pipeline;
        private int count;

        /** Publishes nothing: the quote tests count only the events of quotes. */
        Deals(TenantId tenant, CrmStorage storage, Clock clock) {
            this(tenant, storage, clock, event -> { });
        }

        Deals(TenantId tenant, CrmStorage storage, Clock clock, DomainEventListener publisher) {
            IdGenerator ids = IdGenerator.timeOrdered(clock);
            customers = new Customers(tenant, storage, clock, ids, publisher);
            opportunities = new Opportunities(tenant, storage, clock, ids, publisher);
            pipeline = new Pipelines(tenant, storage, clock, ids, publisher).define("Sales",
                    List.of(PipelineStage.of("NEW", "New", "0.2"), PipelineStage.of("PROPOSAL", "Proposal", "0.5")))
                    .id();
        }

        /** @return a newly registered customer */
        CustomerId customer() {
            count++;
            return customers.register(RegisterCustomer.builder(CustomerType.B2C, "Customer " + count, "alice")
                    .build()).id();
        }

        /** @return an open opportunity of a new customer, attributed to no campaign */
        Opportunity open() {
            return open(customer(), null);
        }

        /** @return an open opportunity of {@code customer}, attributed to {@code campaign} (may be null) */
        Opportunity open(CustomerId customer, CampaignId campaign) {
            count++;
            return opportunities.open(customer, ALICE, "Deal " + count, Money.of("1000.00", "EUR"),
                    TODAY.plusDays(60), pipeline, campaign, null);
        }

        /** @return the opportunity, now won */
        Opportunity win(Opportunity o) {
            return opportunities.win(o.id(), "signed", null, MANAGER);
        }

        /** @return the opportunity, now lost */
        Opportunity lose(Opportunity o) {
            return opportunities.lose(o.id(), "no budget", null, MANAGER);
        }
    }
}
