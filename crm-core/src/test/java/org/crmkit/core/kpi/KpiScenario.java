package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryOrderFulfillment;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.campaign.PlanCampaign;
import org.crmkit.core.sales.campaign.TargetCondition;
import org.crmkit.core.sales.campaign.TargetSegment;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.core.sales.order.Order;
import org.crmkit.core.sales.order.Tracking;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.DraftQuote;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderId;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.MoneyRecord;

/**
 * Builds sales and service records through the real services of an in-memory {@link Crm}, quickly:
 * a deal from opportunity to (optionally) delivered order, a work order from opening to closing.
 */
final class KpiScenario {

    static final String ACME = "acme";
    static final LocalDate VALID_UNTIL = LocalDate.of(2026, 12, 31);

    final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    final InMemoryOrderFulfillment erp = InMemoryOrderFulfillment.create(clock);
    final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock)
            .productCatalog(InMemoryProductCatalog.builder()
                    .product(product("chair", "100.00", "EUR"))
                    .product(product("lamp", "40.00", "EUR"))
                    .product(product("desk", "300.00", "EUR"))
                    .product(product("radio", "50.00", "USD"))
                    .build())
            .orderFulfillment(erp)
            .build();
    final PipelineId pipeline;

    KpiScenario() {
        erp.connect(crm.orders(ACME)::applyUpdate);
        pipeline = crm.pipelines(ACME).define("Retail", List.of(PipelineStage.of("QUALIFY", "Qualification", "0.10"),
                PipelineStage.of("PROPOSAL", "Proposal", "0.50"))).id();
    }

    private static ProductRecord product(String id, String price, String currency) {
        return new ProductRecord(ACME, id, "SKU-" + id, "Product " + id, new MoneyRecord(new BigDecimal(price), currency),
                List.of(), List.of(), true);
    }

    CustomerId customer(String name, String owner, String email) {
        return crm.customers(ACME).register(RegisterCustomer.builder(CustomerType.B2C, name, owner).email(email).build())
                .id();
    }

    CampaignId campaign(String name, StaffId owner) {
        CampaignId id = crm.campaigns(ACME).plan(new PlanCampaign(name, Set.of(Channel.EMAIL),
                TargetSegment.Rule.allOf(TargetCondition.typeIn(CustomerType.B2C)), Money.of("1000", "EUR"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), owner, owner)).id();
        crm.campaigns(ACME).launch(id, owner);
        return id;
    }

    /** A deal and its result. */
    record Deal(Opportunity opportunity, Order order) {
        DeliveredOrder delivered() {
            return new DeliveredOrder(order.id(), order.customerId(), order.campaignId().orElse(null),
                    order.totals().gross(), order.tracking().flatMap(Tracking::delivered).orElseThrow());
        }

        UUID orderId() {
            return order.id().value();
        }
    }

    /**
     * Opens an opportunity for {@code owner}, quotes {@code lines} (product, quantity, product,
     * quantity, ...) with 19 % tax, places the order and delivers it if asked.
     */
    Deal deal(CustomerId customer, StaffId owner, CampaignId campaign, String currency, boolean deliver,
              String... lines) {
        Opportunity opp = crm.opportunities(ACME).open(customer, owner, "Deal", Money.of("100.00", currency),
                LocalDate.of(2026, 6, 30), pipeline, campaign, null);
        Quote q = crm.quotes(ACME).draft(new DraftQuote(customer, opp.id(), campaign, currency, VALID_UNTIL, owner,
                null, null, new BigDecimal("19")));
        for (int i = 0; i < lines.length; i += 2) {
            crm.quotes(ACME).addLine(q.id(), AddQuoteLine.of(lines[i], lines[i + 1]));
        }
        crm.quotes(ACME).send(q.id());
        crm.quotes(ACME).accept(q.id());
        Order order = crm.orders(ACME).placeFromQuote(q.id());
        if (deliver) {
            UUID id = order.id().value();
            erp.confirm(ACME, id);
            clock.advance(Duration.ofHours(2));
            erp.ship(ACME, id, "DHL", "JJD" + id.toString().substring(0, 6));
            clock.advance(Duration.ofHours(2));
            erp.deliver(ACME, id);
            order = crm.orders(ACME).get(order.id());
        }
        return new Deal(opp, order);
    }

    /** Opens a work order about the delivered order, assigned to and resolved by {@code staff}; closed if asked. */
    WorkOrderId service(Deal deal, WorkOrderPriority priority, StaffId staff, boolean close) {
        var desk = crm.serviceDesk(ACME);
        WorkOrder w = desk.openWorkOrder(deal.delivered(), "Help with the order", priority, null);
        desk.assign(w.id(), staff, staff);
        desk.start(w.id(), staff);
        clock.advance(Duration.ofHours(1));
        desk.resolve(w.id(), staff, "fixed");
        if (close) {
            desk.close(w.id(), staff);
        }
        return w.id();
    }

    /** Moves the clock to {@code instant}. */
    void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }
}
