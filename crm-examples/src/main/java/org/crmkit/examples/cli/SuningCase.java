package org.crmkit.examples.cli;

import static org.crmkit.examples.cli.LoopTrace.money;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.Interaction;
import org.crmkit.core.customer.Purpose;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.TimelineEntry;
import org.crmkit.core.kpi.KpiPeriod;
import org.crmkit.core.kpi.ServicePoints;
import org.crmkit.core.kpi.ServiceRow;
import org.crmkit.core.kpi.StaffRanking;
import org.crmkit.core.loyalty.ClubMembership;
import org.crmkit.core.loyalty.CustomerClub;
import org.crmkit.core.loyalty.Offer;
import org.crmkit.core.loyalty.PartnerCode;
import org.crmkit.core.loyalty.PartnerMerchant;
import org.crmkit.core.loyalty.PointsEntry;
import org.crmkit.core.loyalty.PointsEntryKind;
import org.crmkit.core.loyalty.PointsPosting;
import org.crmkit.core.loyalty.Tier;
import org.crmkit.core.loyalty.Touchpoint;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.messaging.SendMessage;
import org.crmkit.core.messaging.SendResult;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.satisfaction.SatisfactionSurvey;
import org.crmkit.core.satisfaction.Surveys;
import org.crmkit.core.satisfaction.scoring.CustomerSatisfactionScore;
import org.crmkit.core.service.AgentRating;
import org.crmkit.core.service.CandidateAssessment;
import org.crmkit.core.service.DispatchDecision;
import org.crmkit.core.service.OpenedWorkOrder;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.core.service.Skill;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.complaint.Complaint;
import org.crmkit.core.service.complaint.ComplaintAnswer;
import org.crmkit.core.service.complaint.ComplaintCategory;
import org.crmkit.core.service.complaint.ComplaintWorkOrder;
import org.crmkit.core.service.complaint.Complaints;
import org.crmkit.core.service.complaint.ExpectedRemedy;
import org.crmkit.core.service.complaint.ReceiveComplaint;
import org.crmkit.core.service.WorkOrderOrigin;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.core.service.WorkOrderStep;
import org.crmkit.spi.catalog.ProductCatalog;
import org.crmkit.spi.catalog.ProductRecord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Suning case of domain §14: an electronics retailer with one member card across all its
 * stores and channels, points redeemable as cash, member prices, partner merchants and personalised
 * offers, a call centre joining the channels, delivery tracking, service work orders and a
 * satisfaction survey on the website.
 */
final class SuningCase extends CaseExample {

    static final String NAME = "suning";
    static final String TENANT = "case-suning";
    static final String CURRENCY = "CNY";

    private static final StaffId CALL_CENTRE = StaffId.of("call.centre");
    private static final StaffId ONLINE_SALES = StaffId.of("online.sales");
    private static final StaffId DISPATCHER = StaffId.of("service.dispatch");
    private static final StaffId TECH_HU = StaffId.of("hu.qiang");
    private static final StaffId TECH_DENG = StaffId.of("deng.hao");
    private static final StaffId CLUB = StaffId.of("member.club");
    private static final StaffId SERVICE_MANAGER = StaffId.of("service.manager");
    private static final Skill INSTALLATION = Skill.of("installation");
    private static final Skill REPAIR = Skill.of("repair");

    private static final String STORE_NANJING = "NJ-XINJIEKOU";
    private static final String STORE_SHANGHAI = "SH-HUAIHAI";
    private static final PartnerCode CINEMA = PartnerCode.of("WANDA-CINEMA");
    /** A product's list price, to show the member prices of every tier. */
    private static final String AIR_CONDITIONER_PRICE = "4999.00";

    private final Map<String, Customer> members = new LinkedHashMap<>();
    private final Map<String, ClubMembership> cards = new LinkedHashMap<>();
    private final List<WorkOrder> workOrders = new ArrayList<>();
    private final List<SatisfactionSurvey> surveys = new ArrayList<>();
    /** Lines for the step being built, said once it has started. */
    private final List<String> pending = new ArrayList<>();
    private Sale sale;
    private WorkOrder dispatched;
    private Complaint complaint;
    private PointsPosting cashRedemption;
    private int timelineEntries;

    SuningCase() {
        super(NAME, "Suning, an electronics retailer",
                "A chain of electronics stores that also sells on the web and in an app: one member card in every"
                        + " store and channel, a call centre, home delivery, installation and repair by work order.",
                TENANT, CURRENCY, catalog(), List.of("§14", "§8", "§9", "§10", "§7", "§2"));
    }

    private static ProductCatalog catalog() {
        return InMemoryProductCatalog.builder()
                .product(new ProductRecord(TENANT, "ac-kfr35", "KFR-35GW", "Inverter air conditioner 1.5 HP",
                        price(AIR_CONDITIONER_PRICE, CURRENCY), List.of(), List.of(), true))
                .product(new ProductRecord(TENANT, "install-ac", "SRV-AC-INST", "Air conditioner installation",
                        price("200.00", CURRENCY), List.of(), List.of(), true))
                .build();
    }

    @Override
    protected List<Runnable> steps() {
        return List.of(this::members, this::oneCard, this::tiersAndMemberPrices, this::partnersAndOffers,
                this::redeemAsCash, this::callCentre, this::orderAndDelivery, this::workOrders, this::webSurvey,
                this::autoDispatch, this::complaint,
                this::staffQuality);
    }

    // ------------------------------------------------------------------ members

    private void members() {
        Customers customers = crm.customers(TENANT);
        CustomerClub club = crm.club(TENANT);
        clock.at(0, "09:00");
        register(customers, club, "Wang Fang", "wang.fang@example.cn", "+86 139 0251 0001");
        clock.at(0, "10:30");
        register(customers, club, "Li Na", "li.na@example.cn", "+86 139 0210 0002");
        clock.at(0, "11:15");
        register(customers, club, "Zhao Gang", "zhao.gang@example.cn", "+86 139 0251 0003");

        ObjectNode e = trace.step("members", "Members: one card for every store and channel", clock.instant());
        ArrayNode a = e.putArray("members");
        for (var entry : members.entrySet()) {
            ClubMembership m = cards.get(entry.getKey());
            ObjectNode n = a.addObject();
            n.put("customerId", entry.getValue().id().toString());
            n.put("name", entry.getValue().name());
            n.put("type", entry.getValue().type().name());
            n.put("card", m.cardNumber().value());
            trace.say(entry.getValue().name() + " (" + entry.getValue().type() + ") joined the club and got member"
                    + " card " + m.cardNumber().value() + " (CustomerClub.join).");
        }
    }

    private void register(Customers customers, CustomerClub club, String name, String email, String phone) {
        Customer c = customers.register(RegisterCustomer.builder(CustomerType.B2C, name, CLUB.value())
                .email(email).phone(phone).build());
        c = customers.change(c.id(), x -> x.grantConsent(Channel.SMS, Purpose.SERVICE, "member card application"));
        members.put(name, c);
        cards.put(name, club.join(c.id()));
    }

    // ------------------------------------------------------------------ one card

    private void oneCard() {
        CustomerClub club = crm.club(TENANT);
        List<ObjectNode> uses = new ArrayList<>();
        clock.at(1, "15:20");
        uses.add(use(club, "Wang Fang", "55-inch 4K television", "6999.00", Touchpoint.store(STORE_NANJING)));
        clock.at(3, "21:05");
        uses.add(use(club, "Wang Fang", "Robot vacuum cleaner", "1299.00", Touchpoint.channel("WEB")));
        clock.at(4, "12:40");
        uses.add(use(club, "Wang Fang", "Wireless headphones", "399.00", Touchpoint.channel("APP")));
        clock.at(4, "18:00");
        uses.add(use(club, "Li Na", "Microwave oven", "899.00", Touchpoint.store(STORE_SHANGHAI)));

        ObjectNode e = trace.step("one_card", "One card in the stores, on the web and in the app", clock.instant());
        ArrayNode a = e.putArray("purchases");
        uses.forEach(a::add);
        pending.forEach(trace::say);
        ClubMembership wang = club.findByCustomer(members.get("Wang Fang").id()).orElseThrow();
        Set<String> where = new TreeSet<>();
        for (PointsEntry p : wang.entries()) {
            if (p.kind() == PointsEntryKind.EARN) {
                where.add(where(p.where()));
            }
        }
        ArrayNode w = e.putArray("wangFangTouchpoints");
        where.forEach(w::add);
        e.put("wangFangBalance", wang.balance());
        trace.say("Wang Fang's one card earned in " + where.size() + " places (" + String.join(", ", where)
                + "); all on one ledger, balance " + wang.balance() + " points (CustomerClub.earnWithCard).");
    }

    private ObjectNode use(CustomerClub club, String member, String what, String total, Touchpoint where) {
        ClubMembership m = cards.get(member);
        OrderId receipt = OrderId.of(UUID.nameUUIDFromBytes((member + "|" + what).getBytes(StandardCharsets.UTF_8)));
        PointsPosting p = club.earnWithCard(m.cardNumber(), receipt, amount(total), where);
        ObjectNode n = LoopTrace.mapper().createObjectNode();
        n.put("member", member);
        n.put("card", m.cardNumber().value());
        n.put("what", what);
        n.set("total", money(amount(total)));
        n.put("where", where(where));
        n.put("status", p.status().name());
        n.put("points", p.entry().map(PointsEntry::points).orElse(0L));
        n.put("balance", p.balance());
        pending.add(member + " showed card " + m.cardNumber().value() + " (" + where(where) + ") for: " + what
                + ", " + amount(total) + " - " + p.status() + ", +" + p.entry().map(PointsEntry::points).orElse(0L)
                + " points, balance " + p.balance() + ".");
        return n;
    }

    private static String where(Touchpoint t) {
        if (t.store() != null) {
            return "store " + t.store();
        }
        if (t.partner() != null) {
            return "partner " + t.partner().value();
        }
        return t.channel() == null ? "unknown" : "channel " + t.channel();
    }

    // ------------------------------------------------------------------ tiers and member prices

    private void tiersAndMemberPrices() {
        CustomerClub club = crm.club(TENANT);
        clock.at(5, "09:00");
        Money list = amount(AIR_CONDITIONER_PRICE);
        ObjectNode e = trace.step("member_prices", "Tiers and member prices", clock.instant());
        e.put("product", "Inverter air conditioner 1.5 HP");
        e.set("listPrice", money(list));
        ArrayNode a = e.putArray("members");
        for (Customer c : members.values()) {
            Tier tier = club.tierOf(c.id()).orElseThrow();
            Money price = club.memberPrice(c.id(), list);
            ObjectNode n = a.addObject();
            n.put("name", c.name());
            n.put("tier", tier.name());
            n.put("lifetimeBasis", club.program().tiers().basis().name());
            n.set("memberPrice", money(price));
            trace.say(c.name() + " is " + tier.name() + " (" + tier.benefits().memberDiscountPercent().toPlainString()
                    + "% member discount): the air conditioner listed at " + list + " is sold to them at " + price
                    + " (CustomerClub.tierOf, memberPrice).");
        }
    }

    // ------------------------------------------------------------------ partners and offers

    private void partnersAndOffers() {
        CustomerClub club = crm.club(TENANT);
        clock.at(6, "10:00");
        PartnerMerchant cinema = club.registerPartner(CINEMA, "Wanda Cinemas", 2, true);
        LocalDate today = clock.today();
        club.publishOffer("Free installation for gold members", "Air conditioners installed free of charge",
                Set.of("GOLD"), today, today.plusDays(30), null);
        club.publishOffer("Spring trade-in bonus", "CNY 300 off a new fridge when the old one is traded in",
                Set.of(), today, today.plusDays(30), null);
        club.publishOffer("Two cinema tickets for one", "At Wanda Cinemas on weekdays, for silver and gold members",
                Set.of("SILVER", "GOLD"), today, today.plusDays(60), CINEMA);
        clock.at(6, "20:30");
        PointsPosting atCinema = club.earnAtPartner(cards.get("Wang Fang").cardNumber(), CINEMA, "WD-88213",
                amount("120.00"));

        ObjectNode e = trace.step("partners_offers", "Partner merchants and personalised offers", clock.instant());
        e.put("partner", cinema.code().value());
        e.put("partnerName", cinema.name());
        e.put("partnerPoints", atCinema.entry().map(PointsEntry::points).orElse(0L));
        trace.say(cinema.name() + " became a partner merchant (" + cinema.code().value() + ", 2 points per yuan);"
                + " Wang Fang's card earned " + atCinema.entry().map(PointsEntry::points).orElse(0L)
                + " points for a CNY 120.00 cinema bill (CustomerClub.earnAtPartner).");
        ObjectNode offers = e.putObject("offersFor");
        for (Customer c : members.values()) {
            List<Offer> mine = club.offersFor(c.id(), clock.today());
            ArrayNode titles = offers.putArray(c.name());
            mine.forEach(o -> titles.add(o.title()));
            trace.say("Offers for " + c.name() + " (" + club.tierOf(c.id()).map(Tier::name).orElse("-") + "): "
                    + mine.stream().map(o -> "\"" + o.title() + "\"").collect(Collectors.joining(", "))
                    + " (CustomerClub.offersFor).");
        }
    }

    // ------------------------------------------------------------------ redeem as cash

    private void redeemAsCash() {
        CustomerClub club = crm.club(TENANT);
        clock.at(8, "16:45");
        ClubMembership wang = cards.get("Wang Fang");
        long before = club.balance(wang.customerId());
        cashRedemption = club.redeemAsCash(wang.cardNumber(), amount("50.00"), "NJ-XINJIEKOU-TILL-3-000517",
                Touchpoint.store(STORE_NANJING));
        long points = cashRedemption.entry().map(PointsEntry::points).orElse(0L);

        ObjectNode e = trace.step("redeem_cash", "Points redeemed as cash at the till", clock.instant());
        e.put("status", cashRedemption.status().name());
        e.set("cash", money(cashRedemption.cashValue().orElseThrow()));
        e.put("points", points);
        e.put("balanceBefore", before);
        e.put("balanceAfter", cashRedemption.balance());
        e.put("rate", club.program().redemptionRate().points() + " points = "
                + club.program().redemptionRate().value().toPlainString());
        trace.say("At the till of store " + STORE_NANJING + " Wang Fang paid " + cashRedemption.cashValue().orElseThrow()
                + " of her bill with " + (-points) + " points (" + club.program().redemptionRate().points()
                + " points = " + club.program().redemptionRate().value().toPlainString() + "): balance " + before
                + " -> " + cashRedemption.balance() + " (CustomerClub.redeemAsCash).");
    }

    // ------------------------------------------------------------------ call centre

    private void callCentre() {
        Customers customers = crm.customers(TENANT);
        Customer zhao = members.get("Zhao Gang");
        clock.at(9, "09:10");
        contact(customers, zhao, Channel.PHONE, "Called the hotline (voice menu: 2, air conditioners): which"
                + " model cools a 20 m2 bedroom?", "advised the 1.5 HP inverter model");
        clock.at(9, "13:00");
        contact(customers, zhao, Channel.WEB, "Asked for a call-back on the web site about installation dates",
                "called back, installation possible within 3 days of delivery");
        clock.at(9, "17:30");
        contact(customers, zhao, Channel.EMAIL, "E-mailed a photo of the wall where the unit should go",
                "installer confirmed the wall is suitable");
        clock.at(10, "08:30");
        SendResult sms = crm.messaging(TENANT).send(new SendMessage(zhao.id(), Channel.SMS, Purpose.SERVICE,
                "Your question to Suning", "The installation team has your photo; the wall is suitable.", CALL_CENTRE));

        List<TimelineEntry> timeline = customers.timeline(zhao.id());
        timelineEntries = timeline.size();
        Set<String> channels = new TreeSet<>();
        timeline.forEach(t -> t.via().ifPresent(ch -> channels.add(ch.name())));
        ObjectNode e = trace.step("call_centre", "The call centre joins voice, web, e-mail and SMS", clock.instant());
        e.put("customerId", zhao.id().toString());
        e.put("sms", sms.sent() ? "SENT" : "REFUSED");
        e.put("timelineEntries", timeline.size());
        ArrayNode ch = e.putArray("channels");
        channels.forEach(ch::add);
        trace.say("The SMS answer went out through the consent check: " + (sms.sent() ? "SENT" : "REFUSED")
                + " (Messaging.send).");
        trace.say("Zhao Gang's one record now holds " + timeline.size() + " timeline entries on the channels "
                + String.join(", ", channels) + ": every agent sees the same history (Customers.timeline).");
        trace.say("Fax is not a channel of the library (Channel has e-mail, SMS, phone, letter, web, in person).");
    }

    private void contact(Customers customers, Customer c, Channel ch, String summary, String outcome) {
        customers.recordInteraction(c.id(), new Interaction(null, ch, CALL_CENTRE, "call centre", summary, outcome));
    }

    // ------------------------------------------------------------------ order and delivery

    private void orderAndDelivery() {
        Customer zhao = members.get("Zhao Gang");
        clock.at(10, "10:00");
        sale = sell(zhao.id(), ONLINE_SALES, null, "Air conditioner for Zhao Gang's bedroom",
                List.of(AddQuoteLine.of("ac-kfr35", "1"), AddQuoteLine.of("install-ac", "1")),
                "Zhao Gang, 18 Hanzhong Road, Nanjing", "Suning Logistics", "SN-LOG-20260313-0042");
        PointsPosting earned = crm.club(TENANT).earnFromOrder(sale.delivered(), Touchpoint.channel("WEB"));

        ObjectNode e = trace.step("delivery", "An order delivered and tracked", clock.instant());
        e.put("orderId", sale.order().id().toString());
        ArrayNode h = e.putArray("statusHistory");
        sale.order().history().forEach(s -> h.add(s.status().name()));
        sale.order().tracking().ifPresent(t -> {
            e.put("carrier", t.carrier());
            e.put("trackingNumber", t.number());
        });
        e.set("total", money(sale.order().totals().gross()));
        e.put("pointsEarned", earned.entry().map(PointsEntry::points).orElse(0L));
        trace.say("Zhao Gang ordered the air conditioner with installation on the web: quote accepted, order "
                + sale.order().history().stream().map(s -> s.status().name()).collect(Collectors.joining(" -> "))
                + " (Quotes, Orders, the back office's updates).");
        sale.order().tracking().ifPresent(t -> trace.say("Tracked with " + t.carrier() + ", number " + t.number()
                + "; total " + sale.order().totals().gross() + "; the card earned "
                + earned.entry().map(PointsEntry::points).orElse(0L) + " points for it (CustomerClub.earnFromOrder)."));
    }

    // ------------------------------------------------------------------ work orders

    private void workOrders() {
        ServiceDesk desk = crm.serviceDesk(TENANT);
        clock.at(13, "08:00");
        for (StaffId t : List.of(TECH_HU, TECH_DENG)) {
            desk.registerAgent(t, t.value().equals(TECH_HU.value()) ? "Hu Qiang" : "Deng Hao",
                    List.of(INSTALLATION, REPAIR), 3, DISPATCHER);
        }
        clock.at(13, "09:00");
        workOrders.add(serve(desk, desk.openAndDispatch(sale.delivered(), "Install the air conditioner",
                WorkOrderPriority.NORMAL, INSTALLATION, DISPATCHER), "installed, tested cooling and heating"));
        clock.advance(java.time.Duration.ofMinutes(30));
        workOrders.add(serve(desk, desk.openAndDispatch(members.get("Wang Fang").id(), WorkOrderOrigin.CALL,
                "Wall-mount the 55-inch television", null, WorkOrderPriority.NORMAL, INSTALLATION, CALL_CENTRE),
                "mounted and cables hidden"));
        clock.advance(java.time.Duration.ofMinutes(30));
        workOrders.add(serve(desk, desk.openAndDispatch(members.get("Li Na").id(), WorkOrderOrigin.CALL,
                "Microwave oven does not heat", "bought in store " + STORE_SHANGHAI, WorkOrderPriority.HIGH, REPAIR,
                CALL_CENTRE), "magnetron replaced under warranty"));

        ObjectNode e = trace.step("work_orders", "Service by work order, dispatched automatically, every step tracked",
                clock.instant());
        ArrayNode agents = e.putArray("agents");
        desk.agents().forEach(a -> agents.add(a.staffId().value()));
        ArrayNode a = e.putArray("workOrders");
        for (WorkOrder w : workOrders) {
            ObjectNode n = a.addObject();
            n.put("id", w.id().toString());
            n.put("customerId", w.customerId().toString());
            n.put("subject", w.subject());
            n.put("origin", w.origin().name());
            n.put("assignee", w.assignee().map(StaffId::value).orElse(null));
            n.put("status", w.status().name());
            ArrayNode steps = n.putArray("steps");
            w.steps().forEach(st -> steps.add(st.what().name()));
            trace.say("\"" + w.subject() + "\" (" + w.origin() + "): " + w.steps().stream()
                    .map(WorkOrderStep::what).map(Enum::name).collect(Collectors.joining(" -> ")) + ", by "
                    + w.assignee().map(StaffId::value).orElse("-") + " (ServiceDesk.openAndDispatch, start, resolve,"
                    + " close).");
        }
        trace.say("Nobody assigned them by hand: " + String.join(" and ", desk.agents().stream()
                .map(x -> x.staffId().value()).toList()) + " are registered service agents; with no ratings yet the"
                + " dispatch broke the ties by load, then by who was assigned least recently, then by staff id"
                + " (ServiceDesk.registerAgent, DispatchStrategy.highestRated).");
    }

    private WorkOrder serve(ServiceDesk desk, OpenedWorkOrder opened, String resolution) {
        WorkOrder w = opened.workOrder();
        StaffId technician = w.assignee().orElseThrow(() -> new IllegalStateException(
                "work order " + w.id() + " was not dispatched: " + opened.dispatch()));
        clock.advance(java.time.Duration.ofHours(2));
        desk.start(w.id(), technician);
        clock.advance(java.time.Duration.ofHours(2));
        desk.resolve(w.id(), technician, resolution);
        clock.advance(java.time.Duration.ofMinutes(30));
        return desk.close(w.id(), DISPATCHER);
    }

    // ------------------------------------------------------------------ automatic dispatch

    private void autoDispatch() {
        ServiceDesk desk = crm.serviceDesk(TENANT);
        clock.at(16, "09:00");
        OpenedWorkOrder opened = desk.openAndDispatch(members.get("Zhao Gang").id(), WorkOrderOrigin.CALL,
                "Air conditioner drips water indoors", null, WorkOrderPriority.HIGH, REPAIR, CALL_CENTRE);
        DispatchDecision decision = opened.dispatch().assignment().orElseThrow(() -> new IllegalStateException(
                "not dispatched: " + opened.dispatch()));
        WorkOrder w = serve(desk, opened, "drain pipe cleared and re-angled");
        dispatched = w;

        ObjectNode e = trace.step("auto_dispatch", "A work order dispatched to the best-rated technician",
                clock.instant());
        ArrayNode ratings = e.putArray("ratings");
        for (CandidateAssessment c : decision.candidates()) {
            AgentRating r = c.candidate().rating();
            ObjectNode n = ratings.addObject();
            n.put("agent", r.agent().value());
            n.put("answers", r.answers());
            n.put("rating", r.rating());
            n.put("eligible", c.eligible());
            n.put("verdict", c.verdict());
            trace.say(String.format(Locale.ROOT, "%s: %d answered survey(s), rating %.2f - %s", r.agent(),
                    r.answers(), r.rating(), c.verdict()));
        }
        e.put("workOrderId", w.id().toString());
        e.put("chosen", decision.chosen().value());
        e.put("rule", decision.rule());
        e.put("responseDueAt", w.responseDueAt().map(Object::toString).orElse(null));
        e.put("resolutionDueAt", w.resolutionDueAt().map(Object::toString).orElse(null));
        e.put("breaches", w.breaches().size());
        ArrayNode steps = e.putArray("steps");
        w.steps().forEach(st -> steps.add(st.what().name()));
        trace.say("\"" + w.subject() + "\" went to " + decision.chosen() + " by the rule \"" + decision.rule()
                + "\", with no manual step (ServiceDesk.openAndDispatch, AgentRating: the survey scores of the"
                + " work orders each technician did).");
        trace.say("Service levels: respond by " + w.responseDueAt().map(Object::toString).orElse("-")
                + ", resolve by " + w.resolutionDueAt().map(Object::toString).orElse("-") + "; "
                + w.breaches().size() + " breach(es) (ServiceLevelPolicy.defaults).");
        trace.figures().put("dispatchedTo", decision.chosen().value());
        trace.sayFigure("The new work order went automatically to the best-rated technician, " + decision.chosen()
                + ".");
    }

    // ------------------------------------------------------------------ complaint

    private void complaint() {
        Complaints complaints = crm.complaints(TENANT);
        ServiceDesk desk = crm.serviceDesk(TENANT);
        Customer li = members.get("Li Na");
        clock.at(17, "10:00");
        Complaint c = complaints.receive(ReceiveComplaint.of(li.id(), Channel.PHONE, ComplaintCategory.SERVICE,
                "The microwave repair took two visits and I had no microwave for a week.", CALL_CENTRE));
        clock.at(17, "10:05");
        complaints.recordExpectation(c.id(), ExpectedRemedy.COMPENSATION, "a voucher for the week without a microwave",
                CALL_CENTRE);
        clock.at(17, "11:00");
        complaints.recordAction(c.id(), "Apologised and read the repair report: a part was missing on the first visit",
                SERVICE_MANAGER);
        ComplaintWorkOrder check = complaints.openWorkOrder(c.id(), "Check the repaired microwave at the customer's"
                + " home", WorkOrderPriority.HIGH, SERVICE_MANAGER);
        desk.dispatchQueued();
        WorkOrder w = desk.getWorkOrder(check.workOrder().id());
        StaffId technician = w.assignee().orElseThrow();
        clock.at(17, "15:00");
        desk.start(w.id(), technician);
        desk.resolve(w.id(), technician, "microwave works; customer shown the new part");
        clock.at(17, "15:30");
        w = desk.close(w.id(), DISPATCHER);
        clock.at(17, "16:00");
        complaints.answer(c.id(), "We are sorry: the first visit lacked a part. We will send you a CNY 100"
                + " voucher.", SERVICE_MANAGER);
        clock.at(19, "10:00");
        complaints.followUp(c.id(), 4, "Thank you for calling back.", CALL_CENTRE);
        clock.at(19, "10:10");
        c = complaints.close(c.id(), SERVICE_MANAGER);
        complaint = c;

        ObjectNode e = trace.step("complaint", "A complaint tracked to closure", clock.instant());
        e.put("complaintId", c.id().toString());
        e.put("customerId", c.customerId().toString());
        e.put("category", c.category().name());
        e.put("channel", c.channel().name());
        e.put("acknowledgement", c.acknowledgement());
        e.put("expectedRemedy", c.expectation().map(x -> x.remedy().name()).orElse(null));
        e.put("workOrderId", w.id().toString());
        e.put("workOrderAssignee", technician.value());
        e.put("workOrderStatus", w.status().name());
        e.put("answer", c.answer().map(ComplaintAnswer::text).orElse(null));
        e.put("followUpScore", c.followUps().isEmpty() ? null : c.followUps().get(c.followUps().size() - 1).score());
        e.put("timeToAnswer", c.timeToAnswer().map(Object::toString).orElse(null));
        e.put("status", c.status().name());
        ArrayNode steps = e.putArray("steps");
        c.steps().forEach(st -> steps.add(st.what().name()));
        trace.say("Li Na complained by phone: \"" + c.text() + "\" (" + c.category() + "). The agent met it with: \""
                + c.acknowledgement() + "\" (Complaints.receive).");
        trace.say("Her expectation: " + c.expectation().map(x -> x.remedy() + ", " + x.detail()).orElse("-")
                + "; the service manager acted and opened work order \"" + w.subject() + "\", dispatched to "
                + technician + " and " + w.status() + " (recordExpectation, recordAction, openWorkOrder,"
                + " ServiceDesk.dispatchQueued).");
        trace.say("Answered after " + c.timeToAnswer().map(d -> d.toHours() + " hours").orElse("-") + ": \""
                + c.answer().map(ComplaintAnswer::text).orElse("") + "\"; two days later she rated the handling "
                + e.get("followUpScore").asText() + "/5 and the complaint was " + c.status() + " (answer, followUp,"
                + " close).");
        trace.say("Its steps: " + c.steps().stream().map(st -> st.what().name()).collect(Collectors.joining(" -> "))
                + ".");
        trace.figures().put("complaintStatus", c.status().name());
        trace.sayFigure("Li Na's complaint: " + c.status() + ", handling rated " + e.get("followUpScore").asText()
                + "/5.");
    }

    // ------------------------------------------------------------------ staff quality

    private void staffQuality() {
        clock.at(20, "09:00");
        KpiPeriod march = KpiPeriod.month(YearMonth.of(2026, 3));
        StaffRanking<ServiceRow> ranking = crm.kpis(TENANT).serviceScore(march, ServicePoints.defaults());

        ObjectNode e = trace.step("staff_quality", "Service staff judged by service score", clock.instant());
        trace.say("Service score for " + march + ": points per closed work order by priority (normal 2, high 3),"
                + " times the customer's rating / 5; unrated work orders count as 3 (Kpis.serviceScore,"
                + " ServicePoints.defaults):");
        StaffRankings.write(trace, e, "serviceScore", ranking, row -> row.score().toPlainString() + " from "
                + row.lines().size() + " work orders, " + row.rated() + " rated", (row, n) -> {
                    n.put("workOrders", row.lines().size());
                    n.put("rated", row.rated());
                });
        ServiceRow best = ranking.rows().get(0);
        trace.figures().put("bestServiceScoreStaff", best.staff().value());
        trace.figures().put("bestServiceScore", best.score().toPlainString());
        trace.sayFigure("Best service score in March: " + best.staff() + ", " + best.score().toPlainString() + ".");
    }

    // ------------------------------------------------------------------ web survey

    private void webSurvey() {
        Surveys s = crm.surveys(TENANT);
        int[] scores = {5, 5, 2};
        String[] comments = {"Quick and tidy installation.", "Neat work.", "It took two visits."};
        clock.at(15, "10:00");
        for (int i = 0; i < workOrders.size(); i++) {
            SatisfactionSurvey sent = s.sendAfterService(workOrders.get(i).id(), Channel.WEB);
            clock.advance(java.time.Duration.ofHours(3));
            surveys.add(s.answer(sent.id(), scores[i], comments[i]));
        }
        List<Integer> answers = surveys.stream().map(x -> x.answer().orElseThrow().score()).toList();
        CustomerSatisfactionScore csat = CustomerSatisfactionScore.of(answers);

        ObjectNode e = trace.step("web_survey", "Satisfaction survey on the website after each service",
                clock.instant());
        ArrayNode a = e.putArray("answers");
        for (int i = 0; i < surveys.size(); i++) {
            SatisfactionSurvey x = surveys.get(i);
            ObjectNode n = a.addObject();
            n.put("workOrderId", x.workOrderId().map(Object::toString).orElse(null));
            n.put("technician", workOrders.get(i).assignee().map(StaffId::value).orElse(null));
            n.put("channel", x.channel().name());
            n.put("score", x.answer().orElseThrow().score());
            n.put("comment", x.answer().orElseThrow().comment());
            trace.say("\"" + workOrders.get(i).subject() + "\" (" + workOrders.get(i).assignee().map(StaffId::value)
                    .orElse("-") + "): " + x.answer().orElseThrow().score() + "/5, \""
                    + x.answer().orElseThrow().comment() + "\" (Surveys.sendAfterService, answer).");
        }
        e.put("csat", csat.csat());
        trace.say("CSAT " + csat.satisfied() + " of " + csat.responses() + " satisfied (4 or 5) = "
                + String.format(java.util.Locale.ROOT, "%.1f", csat.csat()) + "% (CustomerSatisfactionScore).");
        trace.figures().put("csat", csat.csat());
    }

    // ------------------------------------------------------------------ figures

    @Override
    protected void figures() {
        CustomerClub club = crm.club(TENANT);
        Customer wang = members.get("Wang Fang");
        ObjectNode f = trace.figures();
        f.put("members", members.size());
        f.put("wangFangTier", club.tierOf(wang.id()).map(Tier::name).orElse(null));
        f.put("wangFangBalance", club.balance(wang.id()));
        f.set("wangFangMemberPrice", money(club.memberPrice(wang.id(), amount(AIR_CONDITIONER_PRICE))));
        f.put("pointsRedeemedForCash", -cashRedemption.entry().map(PointsEntry::points).orElse(0L));
        f.put("zhaoGangTimelineEntries", timelineEntries);
        f.put("trackingNumber", sale.order().tracking().map(t -> t.number()).orElse(null));
        f.put("workOrdersClosed", workOrders.stream().filter(w -> w.status().name().equals("CLOSED")).count());
        trace.sayFigure(members.size() + " members, one card each; Wang Fang is " + f.get("wangFangTier").asText()
                + " with " + f.get("wangFangBalance").asLong() + " points and pays "
                + club.memberPrice(wang.id(), amount(AIR_CONDITIONER_PRICE)) + " for the air conditioner.");
        trace.sayFigure(f.get("pointsRedeemedForCash").asLong() + " points were paid out as "
                + cashRedemption.cashValue().orElseThrow() + " cash.");
        trace.sayFigure("Zhao Gang: " + timelineEntries + " timeline entries across channels; his order is tracked as "
                + f.get("trackingNumber").asText() + ".");
        trace.sayFigure(f.get("workOrdersClosed").asLong() + " work orders closed; website CSAT "
                + String.format(java.util.Locale.ROOT, "%.1f", f.get("csat").asDouble()) + "%.");
    }
}
