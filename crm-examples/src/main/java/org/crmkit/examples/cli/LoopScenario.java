package org.crmkit.examples.cli;

import static org.crmkit.examples.cli.LoopTrace.decimal;
import static org.crmkit.examples.cli.LoopTrace.money;
import static org.crmkit.examples.cli.LoopTrace.shortId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.feedback.Feedback;
import org.crmkit.core.feedback.FeedbackKind;
import org.crmkit.core.feedback.FeedbackService;
import org.crmkit.core.feedback.FeedbackSource;
import org.crmkit.core.feedback.RecordFeedback;
import org.crmkit.core.loyalty.ClubMembership;
import org.crmkit.core.loyalty.CustomerClub;
import org.crmkit.core.loyalty.EarnRule;
import org.crmkit.core.loyalty.PointsPosting;
import org.crmkit.core.memory.InMemoryOrderFulfillment;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.sales.campaign.Campaign;
import org.crmkit.core.sales.campaign.CampaignStatusChange;
import org.crmkit.core.sales.campaign.Campaigns;
import org.crmkit.core.sales.campaign.PlanCampaign;
import org.crmkit.core.sales.campaign.TargetCondition;
import org.crmkit.core.sales.campaign.TargetSegment;
import org.crmkit.core.sales.flow.CampaignReturn;
import org.crmkit.core.sales.flow.Conversion;
import org.crmkit.core.sales.flow.ConvertLead;
import org.crmkit.core.sales.flow.CustomerChoice;
import org.crmkit.core.sales.flow.LeadConversion;
import org.crmkit.core.sales.flow.LoopFunnel;
import org.crmkit.core.sales.flow.SalesFlowAnalytics;
import org.crmkit.core.sales.lead.CaptureLead;
import org.crmkit.core.sales.lead.CustomerMatch;
import org.crmkit.core.sales.lead.Lead;
import org.crmkit.core.sales.lead.LeadStatusChange;
import org.crmkit.core.sales.lead.Leads;
import org.crmkit.core.sales.lead.MatchReason;
import org.crmkit.core.sales.opportunity.Activity;
import org.crmkit.core.sales.opportunity.ActivityKind;
import org.crmkit.core.sales.opportunity.Forecast;
import org.crmkit.core.sales.opportunity.ForecastLine;
import org.crmkit.core.sales.opportunity.Opportunities;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.core.sales.opportunity.Pipeline;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.core.sales.opportunity.Pipelines;
import org.crmkit.core.sales.opportunity.Routing;
import org.crmkit.core.sales.opportunity.SalesCycle;
import org.crmkit.core.sales.opportunity.StageChange;
import org.crmkit.core.sales.order.Order;
import org.crmkit.core.sales.order.Orders;
import org.crmkit.core.sales.order.StatusChange;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.DiscountPolicy;
import org.crmkit.core.sales.quote.DraftQuote;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.quote.QuoteLine;
import org.crmkit.core.sales.quote.QuoteOption;
import org.crmkit.core.sales.quote.Quotes;
import org.crmkit.core.service.ArticleMatch;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.core.service.KnowledgeArticle;
import org.crmkit.core.service.SelfServiceOffer;
import org.crmkit.core.service.SelfServiceOutcome;
import org.crmkit.core.service.SelfServiceSession;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.core.service.WorkOrderStep;
import org.crmkit.core.satisfaction.SatisfactionSurvey;
import org.crmkit.core.satisfaction.Surveys;
import org.crmkit.spi.catalog.PriceListEntryRecord;
import org.crmkit.spi.catalog.PriceListRecord;
import org.crmkit.spi.catalog.ProductCatalog;
import org.crmkit.spi.catalog.ProductOptionRecord;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.storage.CrmStorage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One walk through the closed-loop sales flow of domain §9, as {@code crm demo} tells it: an
 * office-furniture maker's spring campaign brings a lead from an architects' office; the lead
 * becomes a customer and an opportunity, the opportunity is won, quoted, ordered, delivered and
 * installed; the customer solves a question with the knowledge base, answers a satisfaction
 * survey, joins the club and earns points, and the product idea from the survey comment goes
 * back to marketing, linked to the campaign.
 *
 * <p>The walk runs on a {@link StepClock} that starts 30 days before the real now and moves on by
 * hours and days between steps, so that durations look like a real month. Apart from ids and
 * timestamps, the trace is the same on every run; only the conversion differs on a later run
 * against the same database, where the lead's e-mail address matches the customer the first run
 * registered, and the lead is linked to it instead.
 */
final class LoopScenario {

    /**
     * The furniture maker is another company than the car maker of {@link DemoScenario}, so it is
     * another tenant of the same storage.
     */
    static final String TENANT = "demo-furniture";
    static final String CURRENCY = "EUR";

    // Staff of the furniture maker.
    private static final StaffId MARKETING = StaffId.of("sofia.rossi");
    private static final StaffId SALES = StaffId.of("jonas.weber");
    private static final StaffId KEY_ACCOUNT = StaffId.of("petra.lang");
    private static final StaffId MANAGER = StaffId.of("martin.kohl");
    private static final StaffId DISPATCH = StaffId.of("lena.brandt");
    private static final StaffId TECHNICIAN = StaffId.of("ali.demir");
    private static final StaffId SUPPORT = StaffId.of("mia.schulz");

    static final String CAMPAIGN_NAME = "Spring office fair: ergonomic workplaces";
    static final String PIPELINE_NAME = "Office furniture, business customers";
    static final String LEAD_EMAIL = "katrin.vogel@nordlicht-architekten.example";
    private static final String GRADE_ATTRIBUTE = "priceGrade";
    private static final String NEW_CUSTOMER_GRADE = "B";
    private static final String ARTICLE_TITLE = "Sit-stand desk stops moving: reset the control box";

    private final StepClock clock;
    private final Crm crm;
    private final InMemoryOrderFulfillment backOffice;
    private final LoopTrace trace = new LoopTrace();
    /** Whether the quote needed a discount approval when its lines were added; set by {@link #quote}. */
    private boolean approvalNeeded;

    /**
     * @param storage the storage the rest of the demo uses
     * @param start   the instant the loop starts at (about 30 days before now)
     */
    LoopScenario(CrmStorage storage, Instant start) {
        this.clock = StepClock.startingAt(start);
        this.backOffice = InMemoryOrderFulfillment.create(clock);
        this.crm = Crm.builder().storage(storage).clock(clock)
                .productCatalog(catalog())
                .orderFulfillment(backOffice)
                .discountPolicy(DiscountPolicy.threshold("10"))
                .earnRule(EarnRule.standard())
                .build();
    }

    /** The products, options and price lists of the furniture maker, per customer grade. */
    static ProductCatalog catalog() {
        return InMemoryProductCatalog.builder()
                .product(new ProductRecord(TENANT, "desk-e2", "DSK-E2-160", "Electric sit-stand desk E2, 160 x 80 cm",
                        eur("890.00"), List.of(
                        new ProductOptionRecord("OAK", "Oak veneer top", eur("120.00")),
                        new ProductOptionRecord("CABLE", "Cable tray and spine", eur("45.00"))), List.of(), true))
                .product(new ProductRecord(TENANT, "chair-x7", "CHR-X7", "Ergonomic task chair X7",
                        eur("540.00"), List.of(
                        new ProductOptionRecord("HEADREST", "Adjustable headrest", eur("60.00")),
                        new ProductOptionRecord("ARMS4D", "4D armrests", eur("35.00"))), List.of(), true))
                .product(new ProductRecord(TENANT, "install", "SRV-INSTALL", "On-site assembly and installation",
                        eur("1200.00"), List.of(), List.of(), true))
                .priceList(new PriceListRecord("grade-a-eur", TENANT, "Key accounts (grade A)", CURRENCY, List.of(
                        new PriceListEntryRecord("desk-e2", new BigDecimal("780.00")),
                        new PriceListEntryRecord("chair-x7", new BigDecimal("470.00"))),
                        List.of("A"), List.of(), List.of(), List.of()))
                .priceList(new PriceListRecord("grade-b-eur", TENANT, "Business customers (grade B)", CURRENCY, List.of(
                        new PriceListEntryRecord("desk-e2", new BigDecimal("820.00")),
                        new PriceListEntryRecord("chair-x7", new BigDecimal("495.00"))),
                        List.of("B"), List.of(), List.of(), List.of()))
                .build();
    }

    private static MoneyRecord eur(String amount) {
        return new MoneyRecord(new BigDecimal(amount), CURRENCY);
    }

    private static Money euros(String amount) {
        return Money.of(amount, CURRENCY);
    }

    /** Walks the loop once and returns its trace. */
    LoopTrace walk() {
        Campaign campaign = campaign();
        Lead lead = lead(campaign);
        Conversion conversion = customer(lead);
        // The deal is quoted while it is open, and won when the customer accepts the quote.
        advance(conversion);
        Quote quote = quote(conversion);
        Opportunity opportunity = win(conversion);
        traceQuote(quote, opportunity);
        Order order = order(quote);
        DeliveredOrder delivered = delivered(order);
        service(delivered);
        selfService(delivered);
        SatisfactionSurvey survey = satisfaction(delivered);
        club(delivered);
        feedback(survey, campaign);
        analytics(campaign);
        return trace;
    }

    // ------------------------------------------------------------------ 1. campaign

    private Campaign campaign() {
        Campaigns campaigns = crm.campaigns(TENANT);
        clock.at(0, "09:00");
        LocalDate start = clock.today().plusDays(1);
        Campaign c = campaigns.plan(new PlanCampaign(CAMPAIGN_NAME, EnumSet.of(Channel.EMAIL, Channel.WEB),
                TargetSegment.Rule.allOf(new TargetCondition.TypeIn(Set.of(CustomerType.B2B))), euros("5000.00"),
                start, start.plusDays(27), MARKETING, MARKETING));
        clock.at(1, "08:00");
        c = campaigns.launch(c.id(), MARKETING);
        clock.at(1, "11:00");
        campaigns.recordCost(c.id(), euros("2400.00"));
        clock.at(2, "16:00");
        c = campaigns.recordCost(c.id(), euros("850.00"));

        ObjectNode e = trace.step("campaign", "Marketing: a campaign", c.id().value(), null, c.createdAt());
        e.put("name", c.name());
        ArrayNode channels = e.putArray("channels");
        c.channels().stream().map(Enum::name).sorted().forEach(channels::add);
        e.put("target", c.target().describe());
        e.put("status", c.status().name());
        e.set("statusHistory", statusHistory(c.history()));
        e.set("budget", money(c.budget()));
        e.set("cost", money(c.actualCost()));
        trace.say(MARKETING + " planned \"" + c.name() + "\", aimed at business customers, by e-mail and on the"
                + " web, with a budget of " + c.budget() + ", and launched it on " + c.startDate() + ".");
        trace.say("The fair stand and the mailing cost " + c.actualCost() + " so far. Campaign "
                + shortId(c.id()) + " is " + c.status() + ".");
        return c;
    }

    private static ArrayNode statusHistory(List<CampaignStatusChange> history) {
        ArrayNode a = LoopTrace.mapper().createArrayNode();
        for (CampaignStatusChange h : history) {
            ObjectNode n = a.addObject();
            n.put("from", h.from() == null ? null : h.from().name());
            n.put("to", h.to().name());
            n.put("at", h.at().toString());
        }
        return a;
    }

    // ------------------------------------------------------------------ 2. lead

    private Lead lead(Campaign campaign) {
        Leads leads = crm.leads(TENANT);
        clock.at(3, "10:30");
        Lead lead = leads.capture(CaptureLead.builder("Katrin Vogel", SALES)
                .campaign(campaign.id())
                .email(LEAD_EMAIL)
                .phone("+49 40 3344 5566")
                .organisation("Nordlicht Architekten GmbH")
                .interest("24 ergonomic workplaces for a new studio in Hamburg")
                .capturedBy(MARKETING)
                .build());
        clock.at(3, "15:30");
        leads.contact(lead.id(), SALES);
        clock.at(4, "11:00");
        lead = leads.qualify(lead.id(), SALES);

        ObjectNode e = trace.step("lead", "Lead: someone interested", lead.id().value(), campaign.id().value(),
                lead.createdAt());
        e.put("person", lead.personName());
        e.put("email", lead.email().map(Object::toString).orElse(null));
        e.put("phone", lead.phone().map(Object::toString).orElse(null));
        e.put("organisation", lead.organisation().orElse(null));
        e.put("score", lead.score().total());
        e.put("status", lead.status().name());
        ArrayNode history = e.putArray("statusHistory");
        for (LeadStatusChange h : lead.history()) {
            ObjectNode n = history.addObject();
            n.put("from", h.from() == null ? null : h.from().name());
            n.put("to", h.to().name());
            n.put("at", h.at().toString());
        }
        trace.say("Katrin Vogel of Nordlicht Architekten GmbH left her card at the fair stand: "
                + lead.interest().orElse("") + ". Lead " + shortId(lead.id()) + " scored " + lead.score().total()
                + "/100.");
        trace.say(SALES + " called her the same day (contacted) and qualified the lead a day later: budget,"
                + " authority and a date are there.");
        return lead;
    }

    // ------------------------------------------------------------------ 3. customer

    private Conversion customer(Lead lead) {
        LeadConversion conversions = crm.leadConversion(TENANT);
        clock.at(4, "14:00");
        Pipeline pipeline = pipeline();
        List<CustomerMatch> matches = conversions.matches(lead.id());
        Optional<CustomerMatch> best = matches.stream().findFirst();
        CustomerChoice choice = best.<CustomerChoice>map(m -> CustomerChoice.linkTo(m.customerId()))
                .orElseGet(CustomerChoice::createNew);
        Conversion conversion = conversions.convert(new ConvertLead(lead.id(), choice, pipeline.id(),
                "Nordlicht studio: 24 ergonomic workplaces", euros("20000.00"), clock.today().plusDays(21),
                null, SALES));
        Customer customer = crm.customers(TENANT).get(conversion.customer());
        if (customer.attribute(AttributeCategory.INTERNAL, GRADE_ATTRIBUTE).isEmpty()) {
            customer = crm.customers(TENANT).change(customer.id(), c -> c.recordAttribute(AttributeCategory.INTERNAL,
                    GRADE_ATTRIBUTE, AttributeValue.of(NEW_CUSTOMER_GRADE)));
        }

        ObjectNode e = trace.step("customer", "Contact: the lead becomes a customer", customer.id().value(),
                lead.id().value(), clock.instant());
        e.put("name", customer.name());
        e.put("type", customer.type().name());
        e.put("linked", !conversion.newCustomer());
        e.put("created", conversion.newCustomer());
        e.put("priceGrade", grade(customer));
        ArrayNode offered = e.putArray("matchesOffered");
        for (CustomerMatch m : conversion.matchesOffered()) {
            ObjectNode n = offered.addObject();
            n.put("customerId", m.customerId().toString());
            n.put("name", m.name());
            ArrayNode reasons = n.putArray("reasons");
            m.reasons().forEach(r -> reasons.add(r.name()));
        }
        e.put("opportunityId", conversion.opportunity().toString());
        if (conversion.newCustomer()) {
            trace.say("LeadConversion offered no existing customer with the lead's e-mail, phone or organisation,"
                    + " so it CREATED a new " + customer.type() + " customer, " + customer.name() + " ("
                    + shortId(customer.id()) + "), price grade " + grade(customer) + ".");
        } else {
            CustomerMatch m = best.orElseThrow();
            trace.say("LeadConversion found " + m.name() + " (" + shortId(m.customerId()) + ") already a customer,"
                    + " matching on " + m.reasons().stream().map(MatchReason::name).map(String::toLowerCase)
                    .collect(Collectors.joining(" and ")) + ", so it LINKED the lead to it instead of"
                    + " registering a duplicate; the conversion is on the customer's timeline.");
        }
        trace.say("In the same unit of work the lead became CONVERTED and opportunity "
                + shortId(conversion.opportunity()) + " opened in the pipeline \"" + pipeline.name() + "\".");
        return conversion;
    }

    private static String grade(Customer customer) {
        return customer.attribute(AttributeCategory.INTERNAL, GRADE_ATTRIBUTE).map(AttributeValue::canonical)
                .orElse(NEW_CUSTOMER_GRADE);
    }

    private Pipeline pipeline() {
        Pipelines pipelines = crm.pipelines(TENANT);
        return pipelines.findByName(PIPELINE_NAME).orElseGet(() -> pipelines.define(PIPELINE_NAME, List.of(
                PipelineStage.of("QUALIFY", "Qualify", "0.10"),
                PipelineStage.of("NEEDS", "Needs analysis", "0.25"),
                PipelineStage.of("PROPOSAL", "Proposal", "0.50"),
                PipelineStage.of("NEGOTIATION", "Negotiation", "0.75"))));
    }

    // ------------------------------------------------------------------ 4. opportunity

    private void advance(Conversion conversion) {
        Opportunities opportunities = crm.opportunities(TENANT);
        var id = conversion.opportunity();
        clock.at(5, "10:00");
        opportunities.moveToStage(id, "NEEDS", SALES);
        Activity visit = opportunities.scheduleActivity(id, ActivityKind.MEETING,
                "Site visit: measure the new studio and try out desks", clock.today().plusDays(1), SALES);
        clock.at(6, "15:00");
        opportunities.completeActivity(id, visit.id(), SALES);
        clock.at(8, "09:30");
        opportunities.moveToStage(id, "PROPOSAL", SALES);
        clock.at(8, "13:30");
        opportunities.setProbability(id, new BigDecimal("0.60"), SALES);
        clock.at(9, "10:00");
        opportunities.route(id, KEY_ACCOUNT, MANAGER, "24 workplaces: a key-account deal");
        clock.at(10, "11:00");
        opportunities.moveToStage(id, "NEGOTIATION", KEY_ACCOUNT);
    }

    private Opportunity win(Conversion conversion) {
        Opportunities opportunities = crm.opportunities(TENANT);
        var id = conversion.opportunity();
        clock.at(12, "16:00");
        Opportunity o = opportunities.win(id, "best ergonomics for the price, installation included", "Steelform",
                KEY_ACCOUNT);

        ObjectNode e = trace.step("opportunity", "Opportunity tracking: the deal moves through the pipeline",
                o.id().value(), conversion.customer().value(), o.createdAt());
        e.put("name", o.name());
        e.set("amount", money(o.amount()));
        e.put("status", o.status().name());
        e.put("owner", o.owner().value());
        e.set("probability", decimal(o.probability()));
        ArrayNode stages = e.putArray("stageHistory");
        for (StageChange s : o.stageHistory()) {
            ObjectNode n = stages.addObject();
            n.put("from", s.fromStage());
            n.put("to", s.toStage());
            n.put("at", s.at().toString());
            n.put("by", s.by().value());
        }
        ArrayNode activities = e.putArray("activities");
        for (Activity a : o.activities()) {
            ObjectNode n = activities.addObject();
            n.put("kind", a.kind().name());
            n.put("subject", a.subject());
            n.put("status", a.status().name());
        }
        ArrayNode routings = e.putArray("routing");
        for (Routing r : o.routingHistory()) {
            ObjectNode n = routings.addObject();
            n.put("from", r.from().value());
            n.put("to", r.to().value());
            n.put("by", r.by().value());
            n.put("reason", r.reason());
        }
        e.put("closedAt", o.closedAt().map(Instant::toString).orElse(null));
        e.put("salesCycle", o.salesCycle().map(Duration::toString).orElse(null));
        trace.say("Opportunity " + shortId(o.id()) + " \"" + o.name() + "\", " + o.amount() + ": "
                + o.stageHistory().stream().map(StageChange::toStage).collect(Collectors.joining(" -> "))
                + ", then WON.");
        trace.say(SALES + " visited the studio (a meeting, done), set the win probability to 60% by hand at the"
                + " proposal, and " + MANAGER + " routed the deal to " + KEY_ACCOUNT + " as a key account.");
        trace.say("Won against Steelform after " + days(o.salesCycle().orElseThrow()) + " days: \""
                + o.closeReason().orElse("") + "\".");
        return o;
    }

    private static String days(Duration d) {
        return new BigDecimal(d.toHours()).divide(BigDecimal.valueOf(24), 1, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    // ------------------------------------------------------------------ 5. quote

    private Quote quote(Conversion conversion) {
        Quotes quotes = crm.quotes(TENANT);
        Customer customer = crm.customers(TENANT).get(conversion.customer());
        Opportunity opportunity = crm.opportunities(TENANT).get(conversion.opportunity());
        clock.at(11, "09:00");
        Quote q = quotes.draft(new DraftQuote(customer.id(), opportunity.id(), opportunity.campaignId().orElse(null),
                CURRENCY, clock.today().plusDays(30), KEY_ACCOUNT, grade(customer), null, new BigDecimal("19")));
        quotes.addLine(q.id(), AddQuoteLine.of("desk-e2", "12").withOptions("OAK", "CABLE").withDiscount("8"));
        quotes.addLine(q.id(), AddQuoteLine.of("chair-x7", "12").withOptions("HEADREST").withDiscount("15"));
        q = quotes.addLine(q.id(), AddQuoteLine.of("install", "1"));
        boolean neededApproval = q.approvalRequired();
        quotes.requestApproval(q.id());
        clock.at(11, "15:00");
        quotes.approve(q.id(), MANAGER);
        clock.at(11, "15:30");
        quotes.send(q.id());
        clock.at(12, "11:00");
        approvalNeeded = neededApproval;
        return quotes.accept(q.id());
    }

    private void traceQuote(Quote q, Opportunity opportunity) {
        boolean neededApproval = approvalNeeded;
        ObjectNode e = trace.step("quote", "Quote: products and prices configured", q.id().value(),
                opportunity.id().value(), q.createdAt());
        e.put("status", q.status().name());
        e.put("priceGrade", q.customerGrade().orElse(null));
        e.put("validUntil", q.validUntil().toString());
        e.set("approvalThresholdPercent", decimal(q.approvalThresholdPercent()));
        e.put("approvalRequired", neededApproval);
        e.put("approvedBy", q.approvedBy().map(StaffId::value).orElse(null));
        ArrayNode lines = e.putArray("lines");
        for (QuoteLine l : q.lines()) {
            ObjectNode n = lines.addObject();
            n.put("lineNo", l.lineNo());
            n.put("productId", l.productId());
            n.put("name", l.name());
            ArrayNode options = n.putArray("options");
            l.options().forEach(o -> options.add(o.code()));
            n.set("quantity", decimal(l.quantity()));
            n.put("priceList", l.priceListId());
            n.set("unitPrice", money(l.unitPrice()));
            n.set("discountPercent", decimal(l.discountPercent()));
            n.set("net", money(l.net()));
            n.set("tax", money(l.tax()));
            n.set("gross", money(l.gross()));
        }
        e.set("netTotal", money(q.netTotal()));
        e.set("taxTotal", money(q.taxTotal()));
        e.set("total", money(q.grossTotal()));
        e.put("currency", q.currencyCode());
        e.put("sentAt", q.sentAt().map(Instant::toString).orElse(null));
        e.put("acceptedAt", q.acceptedAt().map(Instant::toString).orElse(null));
        trace.say("Quote " + shortId(q.id()) + " for a grade-" + q.customerGrade().orElse("-")
                + " customer, prices from that grade's price list:");
        for (QuoteLine l : q.lines()) {
            trace.say("  " + l.lineNo() + ". " + l.quantity().toPlainString() + " x " + l.name()
                    + (l.options().isEmpty() ? "" : " with " + l.options().stream().map(QuoteOption::name)
                    .collect(Collectors.joining(", ")))
                    + " at " + l.unitPrice() + (l.discountPercent().signum() == 0 ? ""
                    : " less " + l.discountPercent().toPlainString() + "%") + " = " + l.net() + " net");
        }
        trace.say("Net " + q.netTotal() + " + " + q.taxRatePercent().toPlainString() + "% tax " + q.taxTotal()
                + " = " + q.grossTotal() + ".");
        trace.say("The 15% on the chairs is above the " + q.approvalThresholdPercent().toPlainString()
                + "% threshold: " + MANAGER + " approved it, then the quote was sent and accepted (valid until "
                + q.validUntil() + "); the deal was won the same afternoon.");
    }

    // ------------------------------------------------------------------ 6. order

    private Order order(Quote quote) {
        Orders orders = crm.orders(TENANT);
        backOffice.connect(orders::applyUpdate);
        clock.at(15, "14:00");
        Order o = orders.placeFromQuote(quote.id(), "Nordlicht Architekten GmbH, Am Sandtorkai 40, 20457 Hamburg");
        clock.at(16, "09:00");
        backOffice.confirm(TENANT, o.id().value());
        clock.at(19, "07:30");
        backOffice.ship(TENANT, o.id().value(), "DB Schenker", "SCH-2026-004711");
        clock.at(21, "10:00");
        backOffice.deliver(TENANT, o.id().value());
        return traceOrder(orders.get(o.id()), quote);
    }

    private Order traceOrder(Order o, Quote quote) {

        ObjectNode e = trace.step("order", "Order: placed, shipped and delivered", o.id().value(),
                quote.id().value(), o.createdAt());
        e.put("status", o.status().name());
        e.put("backOfficeReference", o.backOfficeReference().orElse(null));
        ArrayNode history = e.putArray("statusHistory");
        for (StatusChange s : o.history()) {
            ObjectNode n = history.addObject();
            n.put("status", s.status().name());
            n.put("at", s.at().toString());
        }
        o.tracking().ifPresent(t -> {
            e.put("carrier", t.carrier());
            e.put("trackingNumber", t.number());
            e.put("shippedAt", t.shippedAt() == null ? null : t.shippedAt().toString());
            e.put("deliveredAt", t.delivered().map(Instant::toString).orElse(null));
        });
        e.set("total", money(o.totals().gross()));
        trace.say("Order " + shortId(o.id()) + " made from the accepted quote and handed to the back office ("
                + o.backOfficeReference().orElse("-") + "): "
                + o.history().stream().map(s -> s.status().name()).collect(Collectors.joining(" -> ")) + ".");
        o.tracking().ifPresent(t -> trace.say("Shipped with " + t.carrier() + ", tracking number " + t.number()
                + "; delivered " + t.delivered().map(Instant::toString).orElse("-") + ". Total " + o.totals().gross()
                + "."));
        return o;
    }

    private static DeliveredOrder delivered(Order o) {
        Instant at = o.history().get(o.history().size() - 1).at();
        return new DeliveredOrder(o.id(), o.customerId(), o.campaignId().orElse(null), o.totals().gross(), at);
    }

    // ------------------------------------------------------------------ 7. service

    private void service(DeliveredOrder order) {
        ServiceDesk desk = crm.serviceDesk(TENANT);
        clock.at(21, "11:00");
        WorkOrder w = desk.openWorkOrder(order, "Install and level 12 desks and 12 chairs", WorkOrderPriority.NORMAL,
                DISPATCH);
        clock.at(21, "11:30");
        desk.assign(w.id(), TECHNICIAN, DISPATCH);
        clock.at(22, "08:00");
        desk.start(w.id(), TECHNICIAN);
        clock.at(22, "14:00");
        desk.resolve(w.id(), TECHNICIAN, "all 24 workplaces assembled, levelled and handed over");
        clock.at(23, "09:00");
        w = desk.close(w.id(), DISPATCH);

        ObjectNode e = trace.step("service", "Service: a work order for the installation", w.id().value(),
                order.orderId().value(), w.createdAt());
        e.put("subject", w.subject());
        e.put("origin", w.origin().name());
        e.put("status", w.status().name());
        e.put("assignee", w.assignee().map(StaffId::value).orElse(null));
        ArrayNode steps = e.putArray("steps");
        for (WorkOrderStep s : w.steps()) {
            ObjectNode n = steps.addObject();
            n.put("what", s.what().name());
            n.put("at", s.at().toString());
            n.put("by", s.by() == null ? null : s.by().value());
        }
        trace.say("Work order " + shortId(w.id()) + " \"" + w.subject() + "\" for the delivered order: "
                + w.steps().stream().map(s -> s.what().name()).collect(Collectors.joining(" -> ")) + "; "
                + TECHNICIAN + " did the work.");
    }

    // ------------------------------------------------------------------ 8. self-service

    private void selfService(DeliveredOrder order) {
        ServiceDesk desk = crm.serviceDesk(TENANT);
        String question = "desk stopped moving after a power cut";
        boolean published = desk.searchArticles(ARTICLE_TITLE).stream().map(ArticleMatch::article)
                .map(KnowledgeArticle::title).anyMatch(ARTICLE_TITLE::equals);
        if (!published) {
            desk.publishArticle(ARTICLE_TITLE, "After a power cut the desk's control box locks. Hold the DOWN button"
                    + " for ten seconds until the desk moves to its lowest position and beeps; it works again.",
                    List.of("desk", "power", "reset", "moving"), SUPPORT);
        }
        clock.at(24, "19:00");
        SelfServiceOffer offer = desk.offerArticle(order, question);
        SelfServiceSession session = offer.session().orElseThrow(() -> new IllegalStateException(
                "the knowledge base offered no article for \"" + question + "\""));
        KnowledgeArticle article = offer.article().orElseThrow();
        clock.at(24, "19:05");
        SelfServiceOutcome outcome = desk.recordSelfServiceOutcome(session.id(), true, null);
        session = outcome.session();

        ObjectNode e = trace.step("self_service", "Web self-service: the knowledge base answers",
                session.id().value(), order.orderId().value(), session.offeredAt());
        e.put("question", session.query());
        e.put("articleId", article.id().value().toString());
        e.put("articleTitle", article.title());
        e.put("status", session.status().name());
        e.put("workOrderOpened", outcome.workOrder().isPresent());
        trace.say("Nordlicht asked the web help \"" + question + "\"; the knowledge base offered \""
                + article.title() + "\" and the customer marked it " + session.status()
                + ": no work order was needed.");
    }

    // ------------------------------------------------------------------ 9. satisfaction

    private SatisfactionSurvey satisfaction(DeliveredOrder order) {
        Surveys surveys = crm.surveys(TENANT);
        clock.at(25, "09:00");
        SatisfactionSurvey s = surveys.sendAfterDelivery(order, Channel.EMAIL);
        clock.at(25, "18:20");
        s = surveys.answer(s.id(), 4, "Great desks and a quick installation. A monitor arm as a desk option"
                + " would make them perfect.");
        var answer = s.answer().orElseThrow();

        ObjectNode e = trace.step("satisfaction", "Satisfaction: a survey after delivery", s.id().value(),
                order.orderId().value(), s.sentAt());
        e.put("channel", s.channel().name());
        e.put("status", s.status().name());
        e.put("score", answer.score());
        e.put("comment", answer.comment());
        e.put("answeredAt", answer.answeredAt().toString());
        trace.say("Survey " + shortId(s.id()) + " went out by e-mail after the delivery; the customer answered "
                + answer.score() + "/5: \"" + answer.comment() + "\"");
        return s;
    }

    // ------------------------------------------------------------------ 10. club

    private void club(DeliveredOrder order) {
        CustomerClub club = crm.club(TENANT);
        clock.at(26, "10:00");
        boolean member = club.findByCustomer(order.customerId()).isPresent();
        ClubMembership m = club.join(order.customerId());
        PointsPosting posting = club.earnFromOrder(order);
        var entry = posting.entry().orElseThrow(() -> new IllegalStateException(
                "the order earned no points: " + posting.status()));

        ObjectNode e = trace.step("club", "Customer club: points for the order", entry.id(),
                order.orderId().value(), entry.at());
        e.put("membershipId", m.id().value().toString());
        e.put("cardNumber", m.cardNumber().value());
        e.put("joinedNow", !member);
        e.put("pointsEarned", entry.points());
        e.put("balance", posting.balance());
        trace.say((member ? "The customer is already a club member (card " + m.cardNumber().value() + ")"
                : "The customer joined the club (card " + m.cardNumber().value() + ")") + " and earned "
                + entry.points() + " points for the order (one per whole euro of " + order.total() + "); balance "
                + posting.balance() + ".");
    }

    // ------------------------------------------------------------------ 11. feedback

    private void feedback(SatisfactionSurvey survey, Campaign campaign) {
        FeedbackService feedback = crm.feedback(TENANT);
        clock.at(26, "11:00");
        Feedback f = feedback.record(RecordFeedback.of(survey.customerId(), FeedbackKind.PRODUCT_IDEA,
                "Offer a monitor arm as an option of the E2 desk", FeedbackSource.survey(survey.id())).by(SUPPORT));
        clock.at(26, "14:00");
        feedback.acknowledge(f.id(), SUPPORT);
        clock.at(26, "14:30");
        Feedback routed = feedback.routeToMarketing(f.id(), SUPPORT);
        Campaigns campaigns = crm.campaigns(TENANT);
        campaigns.linkFeedback(campaign.id(), routed.id().value());
        traceFeedback(routed, survey, campaigns.get(campaign.id()));
    }

    private void traceFeedback(Feedback f, SatisfactionSurvey survey, Campaign campaign) {
        ObjectNode e = trace.step("feedback", "Feedback: back to marketing", f.id().value(), survey.id().value(),
                f.recordedAt());
        e.put("campaign", campaign.id().toString());
        e.put("kind", f.kind().name());
        e.put("text", f.text());
        e.put("source", f.source().kind().name());
        e.put("status", f.status().name());
        e.put("campaignFeedbackCount", campaign.feedback().size());
        e.put("visibleFromCampaign", campaign.feedback().stream().anyMatch(l -> l.feedbackId().equals(f.id().value())));
        trace.say("From the survey comment " + SUPPORT + " recorded a product idea: \"" + f.text() + "\", and routed"
                + " it to marketing. Campaign " + shortId(campaign.id()) + " now lists it ("
                + campaign.feedback().size() + " feedback linked): the loop is closed.");
    }

    // ------------------------------------------------------------------ analytics

    private void analytics(Campaign campaign) {
        clock.at(27, "09:00");
        SalesFlowAnalytics analytics = crm.salesAnalytics(TENANT);
        LoopFunnel funnel = analytics.funnel(campaign.id());
        ObjectNode a = trace.analytics();
        a.put("campaign", campaign.id().toString());
        a.put("asOf", clock.instant().toString());
        ArrayNode steps = a.putArray("funnel");
        trace.sayAnalytics("Funnel of this campaign: records per step, and the rate to the next step");
        for (LoopFunnel.Transition t : funnel.transitions()) {
            ObjectNode n = steps.addObject();
            n.put("from", t.from().traceName());
            n.put("to", t.to().traceName());
            n.put("fromCount", t.fromCount());
            n.put("toCount", t.toCount());
            n.set("rate", decimal(t.rate().orElse(null)));
            trace.sayAnalytics(String.format(java.util.Locale.ROOT, "  %-13s %3d -> %-13s %3d   rate %s",
                    t.from().traceName(), t.fromCount(), t.to().traceName(), t.toCount(),
                    t.rate().map(BigDecimal::toPlainString).orElse("-")));
        }

        CampaignReturn r = analytics.campaignReturn(campaign.id());
        ObjectNode ret = a.putObject("campaignReturn");
        ret.set("cost", money(r.cost()));
        ret.set("revenue", money(r.revenue()));
        ret.put("deliveredOrders", r.deliveredOrders());
        ret.set("returnOnCost", decimal(r.returnOnCost().orElse(null)));
        trace.sayAnalytics("Campaign return: revenue " + r.revenue() + " / cost " + r.cost() + " = "
                + r.returnOnCost().map(BigDecimal::toPlainString).orElse("-") + " (" + r.deliveredOrders()
                + " delivered order).");

        LocalDate from = clock.today();
        Forecast forecast = analytics.forecast(from, from.plusDays(90));
        ObjectNode f = a.putObject("forecast");
        f.put("from", forecast.from().toString());
        f.put("to", forecast.to().toString());
        ArrayNode lines = f.putArray("lines");
        for (ForecastLine l : forecast.lines()) {
            ObjectNode n = lines.addObject();
            n.put("owner", l.owner().value());
            n.put("count", l.count());
            n.set("total", money(l.total()));
            n.set("weighted", money(l.weighted()));
        }
        trace.sayAnalytics("Forecast " + forecast.from() + " to " + forecast.to() + ": " + (forecast.lines().isEmpty()
                ? "no open opportunity expected to close (this loop's deal is won)"
                : forecast.lines().stream().map(l -> l.owner() + " " + l.count() + " open, " + l.total()
                + " weighted " + l.weighted()).collect(Collectors.joining("; "))) + ".");

        SalesCycle cycle = analytics.averageSalesCycle();
        ObjectNode c = a.putObject("salesCycle");
        c.put("won", cycle.won());
        c.put("average", cycle.average().map(Duration::toString).orElse(null));
        trace.sayAnalytics("Average sales cycle over " + cycle.won() + " won opportunit" + (cycle.won() == 1 ? "y" : "ies")
                + ": " + cycle.average().map(d -> days(d) + " days").orElse("-") + ".");
    }
}
