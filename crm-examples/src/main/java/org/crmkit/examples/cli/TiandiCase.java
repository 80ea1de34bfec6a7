package org.crmkit.examples.cli;

import static org.crmkit.examples.cli.LoopTrace.money;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerFilter;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.Interaction;
import org.crmkit.core.customer.Organisation;
import org.crmkit.core.customer.Purpose;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.TimelineEntry;
import org.crmkit.core.customer.TimelineKind;
import org.crmkit.core.kpi.KpiPeriod;
import org.crmkit.core.kpi.Kpis;
import org.crmkit.core.kpi.MarginRow;
import org.crmkit.core.kpi.PointsRow;
import org.crmkit.core.kpi.PointsTable;
import org.crmkit.core.kpi.ServicePoints;
import org.crmkit.core.kpi.ServiceRow;
import org.crmkit.core.kpi.StaffRanking;
import org.crmkit.core.kpi.UnitCosts;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.messaging.SendMessage;
import org.crmkit.core.messaging.SendResult;
import org.crmkit.core.sales.opportunity.Activity;
import org.crmkit.core.sales.opportunity.ActivityKind;
import org.crmkit.core.sales.opportunity.Opportunities;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.core.sales.opportunity.OpportunityFilter;
import org.crmkit.core.sales.opportunity.Routing;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.QuoteLine;
import org.crmkit.core.service.KnowledgeArticle;
import org.crmkit.core.service.SelfServiceOffer;
import org.crmkit.core.service.SelfServiceOutcome;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderOrigin;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.core.service.WorkOrderStep;
import org.crmkit.core.satisfaction.SatisfactionSurvey;
import org.crmkit.core.satisfaction.Surveys;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.catalog.PriceListEntryRecord;
import org.crmkit.spi.catalog.PriceListRecord;
import org.crmkit.spi.catalog.ProductCatalog;
import org.crmkit.spi.catalog.ProductRecord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Tiandi case of domain §14: a small firm that sells and repairs computers. Each salesperson
 * keeps contacts, tasks, a work diary and e-mail in the CRM; every department records its contacts
 * with a customer on the customer's one timeline; the manager routes opportunities; price lists
 * are per customer grade and only some staff may see them; customers repair simple faults
 * themselves from the web knowledge base.
 */
final class TiandiCase extends CaseExample {

    static final String NAME = "tiandi";
    static final String TENANT = "case-tiandi";
    static final String CURRENCY = "CNY";

    static final StaffId MANAGER_ZHOU = StaffId.of("zhou.min");
    static final StaffId SENIOR_XU = StaffId.of("xu.lei");
    static final StaffId JUNIOR_MA = StaffId.of("ma.jun");
    static final StaffId REPAIR_HE = StaffId.of("he.bin");
    static final StaffId REPAIR_TANG = StaffId.of("tang.li");
    static final String SENIOR_ROLE = "senior-sales";
    private static final String GRADE = "priceGrade";

    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private Opportunity officeDeal;
    private Opportunity homeDeal;
    private Opportunity walkInDeal;
    private Sale walkInSale;
    private WorkOrder printerRepair;
    private Sale officeSale;
    private Sale homeSale;
    private int solvedBySelfService;
    private WorkOrder escalated;

    TiandiCase() {
        super(NAME, "Tiandi, a small computer sales and repair firm",
                "Two salespeople, two repair technicians and a manager sell computers to offices and households"
                        + " and repair them; price lists depend on the customer's grade, and only senior staff may"
                        + " see the best one.",
                TENANT, CURRENCY, catalog(), List.of("§14", "§2", "§6", "§9", "§10", "§12"));
    }

    private static ProductCatalog catalog() {
        return InMemoryProductCatalog.builder()
                .product(new ProductRecord(TENANT, "laptop-14", "NB-14-I5", "14-inch business laptop",
                        price("5299.00", CURRENCY), List.of(), List.of(), true))
                .product(new ProductRecord(TENANT, "desktop", "PC-OFFICE", "Office desktop PC",
                        price("3599.00", CURRENCY), List.of(), List.of(), true))
                .product(new ProductRecord(TENANT, "setup", "SRV-SETUP", "Set-up and data transfer, per PC",
                        price("150.00", CURRENCY), List.of(), List.of(), true))
                .priceList(new PriceListRecord("grade-a", TENANT, "Grade A: contract customers", CURRENCY, List.of(
                        new PriceListEntryRecord("laptop-14", new java.math.BigDecimal("4799.00")),
                        new PriceListEntryRecord("desktop", new java.math.BigDecimal("3199.00"))),
                        List.of("A"), List.of(), List.of(), List.of(SENIOR_ROLE)))
                .priceList(new PriceListRecord("grade-c", TENANT, "Grade C: walk-in customers", CURRENCY, List.of(
                        new PriceListEntryRecord("laptop-14", new java.math.BigDecimal("5099.00")),
                        new PriceListEntryRecord("desktop", new java.math.BigDecimal("3499.00"))),
                        List.of("C"), List.of(), List.of(), List.of()))
                .staffRoles(TENANT, SENIOR_XU.value(), SENIOR_ROLE)
                .staffRoles(TENANT, MANAGER_ZHOU.value(), SENIOR_ROLE)
                .build();
    }

    @Override
    protected List<Runnable> steps() {
        return List.of(this::customers, this::salespersonDesk, this::departments, this::routing, this::priceLists,
                this::knowledgeBase, this::serviceSurveys, this::staffEvaluation);
    }

    // ------------------------------------------------------------------ customers

    private void customers() {
        Customers all = crm.customers(TENANT);
        clock.at(0, "09:00");
        Customer office = all.register(RegisterCustomer.builder(CustomerType.B2B, "Hongxing Accounting",
                        JUNIOR_MA.value())
                .organisation(new Organisation("Nanjing Hongxing Accounting Co., Ltd.", null, null, "accounting", null))
                .email("it@hongxing-accounting.example").phone("+86 25 8660 1200").registeredBy(JUNIOR_MA.value())
                .build());
        office = all.change(office.id(), c -> {
            c.recordAttribute(AttributeCategory.INTERNAL, GRADE, AttributeValue.of("A"));
            c.grantConsent(Channel.EMAIL, Purpose.SERVICE, "service contract, clause 7");
        });
        clock.at(0, "10:00");
        Customer home = all.register(RegisterCustomer.builder(CustomerType.B2C, "Qian Wei", SENIOR_XU.value())
                .email("qian.wei@example.cn").phone("+86 139 5100 7788").registeredBy(SENIOR_XU.value()).build());
        home = all.change(home.id(), c -> c.recordAttribute(AttributeCategory.INTERNAL, GRADE, AttributeValue.of("C")));
        clock.at(0, "11:00");
        Customer walkIn = all.register(RegisterCustomer.builder(CustomerType.B2C, "Fang Jie", JUNIOR_MA.value())
                .email("fang.jie@example.cn").phone("+86 139 5100 4321").registeredBy(JUNIOR_MA.value()).build());
        walkIn = all.change(walkIn.id(), c -> c.recordAttribute(AttributeCategory.INTERNAL, GRADE,
                AttributeValue.of("C")));
        customers.put("office", office);
        customers.put("home", home);
        customers.put("walkIn", walkIn);

        ObjectNode e = trace.step("customers", "Customers and their price grades", clock.instant());
        ArrayNode a = e.putArray("customers");
        for (Customer c : customers.values()) {
            ObjectNode n = a.addObject();
            n.put("customerId", c.id().toString());
            n.put("name", c.name());
            n.put("type", c.type().name());
            n.put("owner", c.owner().value());
            n.put("priceGrade", grade(c));
            trace.say(c.name() + " (" + c.type() + "), price grade " + grade(c) + ", owned by " + c.owner()
                    + " (Customers.register, recordAttribute).");
        }
    }

    private static String grade(Customer c) {
        return c.attribute(AttributeCategory.INTERNAL, GRADE).map(AttributeValue::canonical).orElse(null);
    }

    // ------------------------------------------------------------------ salesperson's desk

    private void salespersonDesk() {
        Opportunities opportunities = crm.opportunities(TENANT);
        Customers all = crm.customers(TENANT);
        Customer office = customers.get("office");
        Customer home = customers.get("home");
        clock.at(1, "09:30");
        officeDeal = opportunities.open(office.id(), JUNIOR_MA, "Hongxing: 12 laptops for the new office",
                amount("60000.00"), clock.today().plusDays(20), pipeline().id(), null, null);
        Activity call = opportunities.scheduleActivity(officeDeal.id(), ActivityKind.CALL,
                "Call the office manager about the configuration", clock.today(), JUNIOR_MA);
        opportunities.scheduleActivity(officeDeal.id(), ActivityKind.TASK, "Prepare the configuration list",
                clock.today().plusDays(2), JUNIOR_MA);
        clock.at(1, "11:00");
        opportunities.completeActivity(officeDeal.id(), call.id(), JUNIOR_MA);
        all.recordInteraction(office.id(), new Interaction(null, Channel.PHONE, JUNIOR_MA, "sales",
                "Work diary: called the office manager; 12 laptops, light, with a 3-year warranty",
                "configuration list due in 2 days"));
        clock.at(1, "14:00");
        SendResult mail = crm.messaging(TENANT).send(new SendMessage(office.id(), Channel.EMAIL, Purpose.SERVICE,
                "Your laptops: the configuration we discussed", "Dear Ms Sun, as discussed on the phone ...",
                JUNIOR_MA));
        clock.at(2, "10:00");
        homeDeal = opportunities.open(home.id(), SENIOR_XU, "Qian Wei: a laptop for home office",
                amount("5000.00"), clock.today().plusDays(7), pipeline().id(), null, null);
        opportunities.scheduleActivity(homeDeal.id(), ActivityKind.MEETING, "Show two laptops in the shop",
                clock.today().plusDays(1), SENIOR_XU);
        all.recordInteraction(home.id(), new Interaction(null, Channel.IN_PERSON, SENIOR_XU, "sales",
                "Work diary: Qian Wei came to the shop, works from home, wants a light laptop", "demo booked"));
        clock.at(2, "15:00");
        walkInDeal = opportunities.open(customers.get("walkIn").id(), JUNIOR_MA, "Fang Jie: two desktops for the"
                + " family", amount("7000.00"), clock.today().plusDays(7), pipeline().id(), null, null);
        all.recordInteraction(customers.get("walkIn").id(), new Interaction(null, Channel.IN_PERSON, JUNIOR_MA,
                "sales", "Work diary: Fang Jie wants two desktops for his children's homework", "quote promised"));

        ObjectNode e = trace.step("salesperson_desk", "Each salesperson's contacts, tasks, work diary and e-mail",
                clock.instant());
        ArrayNode a = e.putArray("salespeople");
        for (StaffId s : List.of(JUNIOR_MA, SENIOR_XU)) {
            List<Customer> contacts = all.list(CustomerFilter.all().ownedBy(s), PageRequest.first(50)).items();
            List<Opportunity> deals = opportunities.listAll(OpportunityFilter.all().withOwner(s));
            List<Activity> tasks = deals.stream().flatMap(o -> o.activities().stream()).toList();
            long open = tasks.stream().filter(t -> t.completedAt().isEmpty()).count();
            long diary = contacts.stream().flatMap(c -> all.timeline(c.id()).stream())
                    .filter(t -> t.kind() == TimelineKind.INTERACTION && s.equals(t.staff())).count();
            long mails = contacts.stream().flatMap(c -> all.timeline(c.id()).stream())
                    .filter(t -> t.kind() == TimelineKind.MESSAGE_SENT && s.equals(t.staff())).count();
            ObjectNode n = a.addObject();
            n.put("staff", s.value());
            ArrayNode cs = n.putArray("contacts");
            contacts.forEach(c -> cs.add(c.name()));
            n.put("opportunities", deals.size());
            n.put("tasks", tasks.size());
            n.put("openTasks", open);
            n.put("diaryEntries", diary);
            n.put("emailsSent", mails);
            trace.say(s + ": contacts " + contacts.stream().map(Customer::name).collect(Collectors.joining(", "))
                    + "; opportunities " + deals.size() + ", tasks and appointments " + tasks.size() + " (" + open
                    + " to do), work-diary entries " + diary + ", e-mails sent " + mails + " (Customers.list by owner,"
                    + " Opportunities.listAll, activities, timeline).");
        }
        e.put("emailStatus", mail.sent() ? "SENT" : "REFUSED");
    }

    // ------------------------------------------------------------------ departments

    private void departments() {
        Customers all = crm.customers(TENANT);
        Customer office = customers.get("office");
        ServiceDesk desk = crm.serviceDesk(TENANT);
        clock.at(3, "09:00");
        all.recordInteraction(office.id(), new Interaction(null, Channel.PHONE, REPAIR_HE, "repair",
                "The office's old printer server does not start", "picked up for repair"));
        printerRepair = desk.openWorkOrder(office.id(), WorkOrderOrigin.CALL, "Printer server does not start", null,
                WorkOrderPriority.HIGH, REPAIR_HE);
        desk.assign(printerRepair.id(), REPAIR_HE, MANAGER_ZHOU);
        clock.at(3, "10:30");
        desk.start(printerRepair.id(), REPAIR_HE);
        clock.at(3, "15:30");
        desk.resolve(printerRepair.id(), REPAIR_HE, "power supply replaced");
        clock.at(3, "16:00");
        printerRepair = desk.close(printerRepair.id(), REPAIR_HE);
        all.recordInteraction(office.id(), new Interaction(null, Channel.IN_PERSON, REPAIR_HE, "repair",
                "Brought back the printer server: power supply replaced", "works"));
        clock.at(4, "10:00");
        all.recordInteraction(office.id(), new Interaction(null, Channel.PHONE, MANAGER_ZHOU, "management",
                "Courtesy call to the office's director about the new office", "wants the laptops before 1 April"));

        List<TimelineEntry> timeline = all.timeline(office.id());
        Set<String> departments = new TreeSet<>();
        timeline.stream().map(TimelineEntry::department).filter(d -> d != null).forEach(departments::add);
        ObjectNode e = trace.step("departments", "Every department's contacts on the customer's one timeline",
                clock.instant());
        e.put("customerId", office.id().toString());
        e.put("timelineEntries", timeline.size());
        ArrayNode d = e.putArray("departments");
        departments.forEach(d::add);
        e.put("repairWorkOrderId", printerRepair.id().toString());
        e.put("repairWorkOrderStatus", printerRepair.status().name());
        trace.say("Hongxing's timeline holds " + timeline.size() + " entries from the departments "
                + String.join(", ", departments) + "; whoever opens the record sees them all (Customers.timeline).");
        trace.say("The repair itself ran as work order \"" + printerRepair.subject() + "\": " + printerRepair.steps()
                .stream().map(WorkOrderStep::what).map(Enum::name).collect(Collectors.joining(" -> ")) + ", by "
                + printerRepair.assignee().map(StaffId::value).orElse("-") + " (ServiceDesk).");
    }

    // ------------------------------------------------------------------ routing

    private void routing() {
        Opportunities opportunities = crm.opportunities(TENANT);
        clock.at(4, "15:00");
        officeDeal = opportunities.route(officeDeal.id(), SENIOR_XU, MANAGER_ZHOU,
                "a grade-A contract customer: the senior salesperson quotes from the contract price list");
        Routing r = officeDeal.routingHistory().get(officeDeal.routingHistory().size() - 1);

        ObjectNode e = trace.step("routing", "The manager routes an opportunity to another salesperson",
                clock.instant());
        e.put("opportunityId", officeDeal.id().toString());
        e.put("from", r.from().value());
        e.put("to", r.to().value());
        e.put("by", r.by().value());
        e.put("reason", r.reason());
        e.put("owner", officeDeal.owner().value());
        trace.say(r.by() + " routed \"" + officeDeal.name() + "\" from " + r.from() + " to " + r.to() + ": "
                + r.reason() + " (Opportunities.route).");
    }

    // ------------------------------------------------------------------ price lists

    private void priceLists() {
        ProductCatalog catalog = crm.productCatalog().orElseThrow();
        clock.at(5, "09:00");
        ObjectNode e = trace.step("price_lists", "Price lists by customer grade, with access rights", clock.instant());
        ObjectNode visible = e.putObject("visibleForGradeA");
        for (StaffId s : List.of(JUNIOR_MA, SENIOR_XU)) {
            List<PriceListRecord> lists = catalog.priceListsFor(TENANT, "A", null, s.value());
            ArrayNode a = visible.putArray(s.value());
            lists.forEach(l -> a.add(l.id()));
            trace.say("For a grade-A customer " + s + " may quote from: " + (lists.isEmpty() ? "no price list, only"
                    + " list prices" : lists.stream().map(PriceListRecord::name).collect(Collectors.joining(", ")))
                    + " (ProductCatalog.priceListsFor).");
        }
        officeSale = close(officeDeal, "A", List.of(AddQuoteLine.of("laptop-14", "12"), AddQuoteLine.of("setup", "12")),
                "Hongxing Accounting, 5 Zhongshan Road, Nanjing", "SF Express", "SF1402260305");
        clock.at(8, "09:00");
        homeSale = close(homeDeal, "C", List.of(AddQuoteLine.of("laptop-14", "1")),
                "Qian Wei, 20 Beijing West Road, Nanjing", "SF Express", "SF1402260318");
        clock.at(11, "09:00");
        walkInSale = close(walkInDeal, "C", List.of(AddQuoteLine.of("desktop", "2")),
                "Fang Jie, 3 Hunan Road, Nanjing", "SF Express", "SF1402260412");
        ArrayNode quotes = e.putArray("quotes");
        for (Sale s : List.of(officeSale, homeSale, walkInSale)) {
            ObjectNode n = quotes.addObject();
            n.put("quoteId", s.quote().id().toString());
            n.put("preparedBy", s.quote().preparedBy().value());
            n.put("priceGrade", s.quote().customerGrade().orElse(null));
            ArrayNode lines = n.putArray("lines");
            for (QuoteLine l : s.quote().lines()) {
                ObjectNode ln = lines.addObject();
                ln.put("productId", l.productId());
                ln.put("quantity", l.quantity().toPlainString());
                ln.put("priceList", l.priceListId());
                ln.set("unitPrice", money(l.unitPrice()));
            }
            n.set("total", money(s.quote().grossTotal()));
            n.put("orderStatus", s.order().status().name());
            trace.say("Quote by " + s.quote().preparedBy() + " for a grade-" + s.quote().customerGrade().orElse("-")
                    + " customer: " + s.quote().lines().stream().map(l -> l.quantity().toPlainString() + " x "
                    + l.name() + " at " + l.unitPrice() + " (" + (l.priceListId() == null ? "list price"
                    : "list " + l.priceListId()) + ")").collect(Collectors.joining("; ")) + "; total "
                    + s.quote().grossTotal() + " with tax; accepted, ordered and " + s.order().status()
                    + " (Quotes, Orders).");
        }
    }

    // ------------------------------------------------------------------ knowledge base

    /** A self-service question: the article offered and what came of it. */
    private record Session(SelfServiceOffer offer, SelfServiceOutcome outcome) {
    }

    /** A work order and the survey its customer answered about it. */
    private record Rated(WorkOrder workOrder, SatisfactionSurvey survey) {
    }

    private void knowledgeBase() {
        ServiceDesk desk = crm.serviceDesk(TENANT);
        Customer home = customers.get("home");
        clock.at(14, "09:00");
        desk.publishArticle("Laptop will not power on: reset the battery", "Unplug the charger, hold the power"
                + " button for 30 seconds, plug the charger back in and start the laptop.",
                List.of("laptop", "power", "start", "battery"), REPAIR_HE);
        desk.publishArticle("Screen flickers: update the display driver", "Open the support page of the laptop,"
                + " download the newest display driver and install it.", List.of("screen", "flicker", "display"),
                REPAIR_TANG);
        clock.at(15, "20:15");
        SelfServiceOffer first = desk.offerArticle(home.id(), "laptop does not power on");
        SelfServiceOutcome solved = desk.recordSelfServiceOutcome(first.session().orElseThrow().id(), true, null);
        clock.at(16, "21:00");
        SelfServiceOffer second = desk.offerArticle(home.id(), "screen flickers");
        SelfServiceOutcome notSolved = desk.recordSelfServiceOutcome(second.session().orElseThrow().id(), false, null);
        escalated = notSolved.workOrder().orElseThrow();
        clock.at(17, "09:00");
        desk.assign(escalated.id(), REPAIR_TANG, MANAGER_ZHOU);
        clock.at(17, "14:00");
        desk.start(escalated.id(), REPAIR_TANG);
        desk.resolve(escalated.id(), REPAIR_TANG, "display cable reseated");
        clock.at(17, "17:00");
        escalated = desk.close(escalated.id(), REPAIR_TANG);
        solvedBySelfService = solved.session().status().name().equals("SOLVED") ? 1 : 0;

        ObjectNode e = trace.step("knowledge_base", "Self-service repairs from the web knowledge base",
                clock.instant());
        ArrayNode a = e.putArray("sessions");
        for (var session : List.of(new Session(first, solved), new Session(second, notSolved))) {
            SelfServiceOutcome outcome = session.outcome();
            KnowledgeArticle article = session.offer().article().orElseThrow();
            ObjectNode n = a.addObject();
            n.put("query", outcome.session().query());
            n.put("article", article.title());
            n.put("status", outcome.session().status().name());
            n.put("workOrderId", outcome.workOrder().map(w -> w.id().toString()).orElse(null));
            trace.say("Qian Wei asked the web help \"" + outcome.session().query() + "\": offered \"" + article.title()
                    + "\", " + outcome.session().status() + (outcome.workOrder().isPresent()
                    ? ", so a work order was opened for the repair staff" : "") + " (ServiceDesk.offerArticle,"
                    + " recordSelfServiceOutcome).");
        }
        ObjectNode w = e.putObject("workOrder");
        w.put("id", escalated.id().toString());
        w.put("origin", escalated.origin().name());
        w.put("assignee", escalated.assignee().map(StaffId::value).orElse(null));
        w.put("status", escalated.status().name());
        trace.say("Work order \"" + escalated.subject() + "\" (" + escalated.origin() + "): " + escalated.steps()
                .stream().map(WorkOrderStep::what).map(Enum::name).collect(Collectors.joining(" -> ")) + ", by "
                + escalated.assignee().map(StaffId::value).orElse("-") + ".");
    }

    // ------------------------------------------------------------------ service surveys

    private void serviceSurveys() {
        Surveys surveys = crm.surveys(TENANT);
        clock.at(18, "10:00");
        SatisfactionSurvey printer = surveys.sendAfterService(printerRepair.id(), Channel.EMAIL);
        SatisfactionSurvey screen = surveys.sendAfterService(escalated.id(), Channel.EMAIL);
        clock.at(18, "16:00");
        printer = surveys.answer(printer.id(), 5, "Fixed the same day.");
        clock.at(19, "11:00");
        screen = surveys.answer(screen.id(), 3, "The article did not help, the visit did.");

        ObjectNode e = trace.step("service_surveys", "Customers rate each repair", clock.instant());
        ArrayNode a = e.putArray("ratings");
        for (var rated : List.of(new Rated(printerRepair, printer), new Rated(escalated, screen))) {
            WorkOrder w = rated.workOrder();
            SatisfactionSurvey s = rated.survey();
            ObjectNode n = a.addObject();
            n.put("workOrderId", w.id().toString());
            n.put("technician", w.assignee().map(StaffId::value).orElse(null));
            n.put("priority", w.priority().name());
            n.put("score", s.answer().orElseThrow().score());
            trace.say("\"" + w.subject() + "\" (" + w.priority() + ", " + w.assignee().map(StaffId::value).orElse("-")
                    + "): rated " + s.answer().orElseThrow().score() + "/5 (Surveys.sendAfterService, answer).");
        }
    }

    // ------------------------------------------------------------------ staff evaluation

    private void staffEvaluation() {
        Kpis kpis = crm.kpis(TENANT);
        clock.at(20, "09:00");
        KpiPeriod march = KpiPeriod.month(YearMonth.of(2026, 3));
        // What the firm pays for what it sells, and the points a sale of each product is worth: the firm's
        // own figures, invented for the case.
        UnitCosts costs = UnitCosts.of(Map.of("laptop-14", amount("4300.00"), "desktop", amount("2700.00"),
                "setup", amount("40.00")));
        PointsTable points = PointsTable.of(Map.of("laptop-14", new BigDecimal("5"), "desktop", new BigDecimal("3"),
                "setup", BigDecimal.ONE));
        StaffRanking<MarginRow> margin = kpis.salesGrossMargin(march, CURRENCY, costs);
        StaffRanking<PointsRow> salesPoints = kpis.salesPoints(march, points);
        StaffRanking<ServiceRow> service = kpis.serviceScore(march, ServicePoints.defaults());

        ObjectNode e = trace.step("staff_evaluation", "Salespeople by gross margin or sales points, repair staff by"
                + " service score", clock.instant());
        trace.say("Sales gross margin method, " + march + " (unit costs: laptop 4300.00, desktop 2700.00, set-up"
                + " 40.00; Kpis.salesGrossMargin):");
        StaffRankings.write(trace, e, "grossMargin", margin, row -> "margin " + row.margin() + " on net revenue "
                + row.revenue(), (row, n) -> {
                    n.set("revenue", money(row.revenue()));
                    n.set("cost", money(row.cost()));
                    n.set("margin", money(row.margin()));
                });
        trace.say("Sales points method (laptop 5, desktop 3, set-up 1 point per unit; Kpis.salesPoints):");
        StaffRankings.write(trace, e, "salesPoints", salesPoints, row -> row.points().toPlainString() + " points",
                (row, n) -> n.put("points", row.points().toPlainString()));
        trace.say("Service score method (points by priority, normal 2, high 3, times the customer's rating / 5;"
                + " Kpis.serviceScore):");
        StaffRankings.write(trace, e, "serviceScore", service, row -> row.score().toPlainString() + " from "
                + row.lines().size() + " work order(s), " + row.rated() + " rated", (row, n) -> {
                    n.put("workOrders", row.lines().size());
                    n.put("rated", row.rated());
                });
        trace.say("The routed deal counts for " + officeSale.opportunity().owner() + ", its owner when it was won.");
        ObjectNode f = trace.figures();
        f.put("topByGrossMargin", margin.rows().get(0).staff().value());
        f.set("topGrossMargin", money(margin.rows().get(0).margin()));
        f.put("topBySalesPoints", salesPoints.rows().get(0).staff().value());
        f.put("topByServiceScore", service.rows().get(0).staff().value());
        trace.sayFigure("March: " + margin.rows().get(0).staff() + " leads on gross margin ("
                + margin.rows().get(0).margin() + ") and " + salesPoints.rows().get(0).staff() + " on sales points; "
                + service.rows().get(0).staff() + " leads the repair staff on service score.");
    }

    // ------------------------------------------------------------------ figures

    @Override
    protected void figures() {
        ObjectNode f = trace.figures();
        f.set("gradeAQuoteTotal", money(officeSale.quote().grossTotal()));
        f.put("gradeAUnitPrice", officeSale.quote().lines().get(0).unitPrice().amount().toPlainString());
        f.set("gradeCQuoteTotal", money(homeSale.quote().grossTotal()));
        f.set("walkInQuoteTotal", money(walkInSale.quote().grossTotal()));
        f.put("opportunityOwner", officeSale.opportunity().owner().value());
        f.put("solvedBySelfService", solvedBySelfService);
        f.put("escalatedWorkOrderStatus", escalated.status().name());
        trace.sayFigure("Hongxing's deal, routed to " + f.get("opportunityOwner").asText() + ", quoted at "
                + officeSale.quote().lines().get(0).unitPrice() + " a laptop from the grade-A list: "
                + officeSale.quote().grossTotal() + " in all.");
        trace.sayFigure("Qian Wei's laptop from the grade-C list: " + homeSale.quote().grossTotal() + "; Fang Jie's"
                + " two desktops, sold by ma.jun: " + walkInSale.quote().grossTotal() + ".");
        trace.sayFigure(solvedBySelfService + " fault solved by self-service, 1 escalated and "
                + escalated.status() + ".");
    }
}
