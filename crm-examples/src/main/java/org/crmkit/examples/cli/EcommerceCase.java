package org.crmkit.examples.cli;

import static org.crmkit.examples.cli.LoopTrace.money;

import java.math.BigDecimal;
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
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.Interaction;
import org.crmkit.core.customer.Organisation;
import org.crmkit.core.customer.Purpose;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.TimelineEntry;
import org.crmkit.core.loyalty.CustomerClub;
import org.crmkit.core.loyalty.Offer;
import org.crmkit.core.loyalty.PointsEntry;
import org.crmkit.core.loyalty.PointsPosting;
import org.crmkit.core.loyalty.Tier;
import org.crmkit.core.loyalty.Touchpoint;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.messaging.SendMessage;
import org.crmkit.core.messaging.SendResult;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.QuoteLine;
import org.crmkit.spi.catalog.PriceListEntryRecord;
import org.crmkit.spi.catalog.PriceListRecord;
import org.crmkit.spi.catalog.ProductCatalog;
import org.crmkit.spi.catalog.ProductRecord;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The e-commerce case of domain §14, with the requirements of domain §12: an online shop for
 * kitchen appliances sells to businesses (B2B, from a wholesale price list, through a salesperson)
 * and to consumers (B2C, in the online store at list prices), markets to each customer personally
 * (club tiers, member-only offers, messages only where the customer consented), and keeps one
 * record per customer that every channel (e-mail, phone, web) reads and writes.
 */
final class EcommerceCase extends CaseExample {

    static final String NAME = "ecommerce";
    static final String TENANT = "case-shop";
    static final String CURRENCY = "EUR";

    private static final StaffId B2B_SALES = StaffId.of("nina.vogt");
    private static final StaffId WEB_SHOP = StaffId.of("web.shop");
    private static final StaffId CUSTOMER_SERVICE = StaffId.of("customer.service");
    private static final StaffId MARKETING = StaffId.of("marketing");
    private static final String GRADE = "priceGrade";

    private final Map<String, Customer> people = new LinkedHashMap<>();
    private Sale b2b;
    private final List<Sale> b2c = new ArrayList<>();
    private final Map<String, List<String>> offers = new LinkedHashMap<>();
    private final Map<String, String> marketing = new LinkedHashMap<>();
    private boolean sameRecord;
    private int julia;

    EcommerceCase() {
        super(NAME, "An e-commerce company",
                "An online shop for kitchen appliances sells to cafes and restaurants (B2B) and to households"
                        + " (B2C); customers reach it by e-mail, phone and on the web.",
                TENANT, CURRENCY, catalog(), List.of("§14", "§12", "§2", "§6", "§8", "§9"));
    }

    private static ProductCatalog catalog() {
        return InMemoryProductCatalog.builder()
                .product(new ProductRecord(TENANT, "espresso", "ESP-200", "Espresso machine",
                        price("349.00", CURRENCY), List.of(), List.of(), true))
                .product(new ProductRecord(TENANT, "grinder", "GRD-40", "Coffee grinder",
                        price("89.00", CURRENCY), List.of(), List.of(), true))
                .product(new ProductRecord(TENANT, "kettle", "KTL-17", "Electric kettle 1.7 l",
                        price("39.90", CURRENCY), List.of(), List.of(), true))
                .priceList(new PriceListRecord("wholesale", TENANT, "Wholesale (B2B)", CURRENCY, List.of(
                        new PriceListEntryRecord("espresso", new BigDecimal("259.00")),
                        new PriceListEntryRecord("grinder", new BigDecimal("64.00"))),
                        List.of("W"), List.of(), List.of(), List.of("b2b-sales")))
                .staffRoles(TENANT, B2B_SALES.value(), "b2b-sales")
                .build();
    }

    @Override
    protected BigDecimal taxRatePercent() {
        return new BigDecimal("19");
    }

    @Override
    protected List<Runnable> steps() {
        return List.of(this::b2bSelling, this::onlineStore, this::personalisedOffers, this::oneCustomerEverywhere);
    }

    // ------------------------------------------------------------------ B2B

    private void b2bSelling() {
        Customers customers = crm.customers(TENANT);
        clock.at(0, "09:00");
        Customer cafe = customers.register(RegisterCustomer.builder(CustomerType.B2B, "Cafe Lindenhof",
                        B2B_SALES.value())
                .organisation(new Organisation("Cafe Lindenhof GmbH", "HRB 12345", "DE123456789", "catering", null))
                .email("einkauf@cafe-lindenhof.example").phone("+49 30 5550 1234").build());
        cafe = customers.change(cafe.id(), c -> c.recordAttribute(AttributeCategory.INTERNAL, GRADE,
                AttributeValue.of("W")));
        people.put("Cafe Lindenhof", cafe);
        clock.at(0, "11:00");
        b2b = sell(cafe.id(), B2B_SALES, "W", "Cafe Lindenhof: machines for three branches",
                List.of(AddQuoteLine.of("espresso", "3"), AddQuoteLine.of("grinder", "3")),
                "Cafe Lindenhof GmbH, Lindenstrasse 5, 10969 Berlin", "DB Schenker", "DBS-77120034");

        ObjectNode e = trace.step("b2b_selling", "B2B: a business buys from the wholesale price list", clock.instant());
        e.put("customerId", cafe.id().toString());
        e.put("type", cafe.type().name());
        putSale(e, b2b);
        trace.say(cafe.name() + " (" + cafe.type() + ", grade W) was quoted by " + b2b.quote().preparedBy()
                + " from the wholesale list: " + lines(b2b) + "; " + b2b.quote().grossTotal() + " with 19% VAT;"
                + " accepted, ordered and " + b2b.order().status() + " (Quotes, Orders).");
    }

    private static void putSale(ObjectNode e, Sale s) {
        e.put("quoteId", s.quote().id().toString());
        ArrayNode lines = e.putArray("lines");
        for (QuoteLine l : s.quote().lines()) {
            ObjectNode n = lines.addObject();
            n.put("productId", l.productId());
            n.put("quantity", l.quantity().toPlainString());
            n.put("priceList", l.priceListId());
            n.set("unitPrice", money(l.unitPrice()));
        }
        e.set("total", money(s.quote().grossTotal()));
        e.put("orderId", s.order().id().toString());
        e.put("orderStatus", s.order().status().name());
        s.order().tracking().ifPresent(t -> e.put("trackingNumber", t.number()));
    }

    private static String lines(Sale s) {
        return s.quote().lines().stream().map(l -> l.quantity().toPlainString() + " x " + l.name() + " at "
                + l.unitPrice() + (l.priceListId() == null ? " (list price)" : "")).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ B2C

    private void onlineStore() {
        Customers customers = crm.customers(TENANT);
        CustomerClub club = crm.club(TENANT);
        clock.at(4, "20:10");
        Customer j = shopper(customers, "Julia Becker", "julia.becker@example.de", "+49 170 1234567", false);
        clock.at(4, "20:25");
        b2c.add(sell(j.id(), WEB_SHOP, null, "Web order of Julia Becker",
                List.of(AddQuoteLine.of("espresso", "1"), AddQuoteLine.of("grinder", "1")),
                "Julia Becker, Hauptstrasse 1, 80331 Munich", "DHL", "JJD0001234567"));
        clock.at(7, "21:00");
        Customer t = shopper(customers, "Tom Keller", "tom.keller@example.de", "+49 171 7654321", true);
        clock.at(7, "21:10");
        b2c.add(sell(t.id(), WEB_SHOP, null, "Web order of Tom Keller",
                List.of(AddQuoteLine.of("espresso", "2"), AddQuoteLine.of("grinder", "2")),
                "Tom Keller, Ringstrasse 9, 50667 Cologne", "DHL", "JJD0007654321"));

        ObjectNode e = trace.step("b2c_online_store", "B2C: households buy in the online store", clock.instant());
        ArrayNode a = e.putArray("orders");
        for (Sale s : b2c) {
            Customer c = customers.get(s.order().customerId());
            club.join(c.id());
            PointsPosting p = club.earnFromOrder(s.delivered(), Touchpoint.channel("WEB"));
            ObjectNode n = a.addObject();
            n.put("customerId", c.id().toString());
            n.put("name", c.name());
            n.put("type", c.type().name());
            putSale(n, s);
            n.put("pointsEarned", p.entry().map(PointsEntry::points).orElse(0L));
            trace.say(c.name() + " (" + c.type() + ") ordered in the web shop: " + lines(s) + "; "
                    + s.quote().grossTotal() + ", " + s.order().status() + " with tracking number "
                    + s.order().tracking().map(x -> x.number()).orElse("-") + "; joined the club and earned "
                    + p.entry().map(PointsEntry::points).orElse(0L) + " points (CustomerClub.earnFromOrder).");
        }
    }

    private Customer shopper(Customers customers, String name, String email, String phone, boolean newsletter) {
        Customer c = customers.register(RegisterCustomer.builder(CustomerType.B2C, name, WEB_SHOP.value())
                .email(email).phone(phone).build());
        c = customers.change(c.id(), x -> {
            x.grantConsent(Channel.EMAIL, Purpose.SERVICE, "web shop account, terms of service");
            x.grantConsent(Channel.WEB, Purpose.TRANSACTIONAL, "web shop account, terms of service");
            if (newsletter) {
                x.grantConsent(Channel.EMAIL, Purpose.MARKETING, "ticked the newsletter box at checkout");
            }
        });
        customers.recordInteraction(c.id(), new Interaction(null, Channel.WEB, WEB_SHOP, "web shop",
                "Opened an account in the online store", null));
        people.put(name, c);
        return c;
    }

    // ------------------------------------------------------------------ personalised offers

    private void personalisedOffers() {
        CustomerClub club = crm.club(TENANT);
        clock.at(10, "09:00");
        club.publishOffer("Free descaler with your next order", "For every club member", Set.of(),
                clock.today(), clock.today().plusDays(30), null);
        club.publishOffer("15% off coffee beans", "For silver and gold members", Set.of("SILVER", "GOLD"),
                clock.today(), clock.today().plusDays(30), null);
        ObjectNode e = trace.step("personalised_offers", "Personalised offers and marketing that respects consent",
                clock.instant());
        ArrayNode a = e.putArray("customers");
        for (String name : List.of("Julia Becker", "Tom Keller")) {
            Customer c = people.get(name);
            Tier tier = club.tierOf(c.id()).orElseThrow();
            List<Offer> mine = club.offersFor(c.id(), clock.today());
            List<String> titles = mine.stream().map(Offer::title).toList();
            offers.put(name, titles);
            clock.advance(java.time.Duration.ofMinutes(5));
            SendResult r = crm.messaging(TENANT).send(new SendMessage(c.id(), Channel.EMAIL, Purpose.MARKETING,
                    "Your offers this month", String.join("\n", titles), MARKETING));
            marketing.put(name, r.sent() ? "SENT" : "REFUSED");
            ObjectNode n = a.addObject();
            n.put("name", name);
            n.put("tier", tier.name());
            n.set("memberPriceOfKettle", money(club.memberPrice(c.id(), amount("39.90"))));
            ArrayNode t = n.putArray("offers");
            titles.forEach(t::add);
            n.put("marketingEmail", marketing.get(name));
            trace.say(name + " is " + tier.name() + ": offers " + titles.stream().map(x -> "\"" + x + "\"")
                    .collect(Collectors.joining(", ")) + "; the kettle listed at EUR 39.90 costs "
                    + club.memberPrice(c.id(), amount("39.90")) + " at this tier (CustomerClub.tierOf, offersFor, memberPrice).");
            trace.say("The e-mail with these offers was " + marketing.get(name)
                    + (r.sent() ? "" : ": no consent to marketing e-mails") + " (Messaging.send checks consent).");
        }
    }

    // ------------------------------------------------------------------ one customer everywhere

    private void oneCustomerEverywhere() {
        Customers customers = crm.customers(TENANT);
        Customer j = people.get("Julia Becker");
        Sale order = b2c.get(0);
        String tracking = order.order().tracking().map(x -> x.number()).orElseThrow();
        clock.at(11, "08:30");
        SendResult mail = crm.messaging(TENANT).send(new SendMessage(j.id(), Channel.EMAIL, Purpose.SERVICE,
                "How to descale your espresso machine", "See the attached guide.", CUSTOMER_SERVICE));
        clock.at(11, "10:00");
        Customer byPhone = customers.findByPhone("+49 170 1234567").get(0);
        customers.recordInteraction(byPhone.id(), new Interaction(null, Channel.PHONE, CUSTOMER_SERVICE,
                "customer service", "Asked by phone where her grinder's warranty card is",
                "order " + LoopTrace.shortId(order.order().id()) + " found on her record; tracking " + tracking));
        clock.at(11, "10:05");
        SendResult web = crm.messaging(TENANT).send(new SendMessage(j.id(), Channel.WEB, Purpose.TRANSACTIONAL,
                "Your warranty card", "Order " + order.order().id() + ", tracking " + tracking
                + ": the warranty card is in your account.", CUSTOMER_SERVICE));
        Customer byEmail = customers.findByEmail("julia.becker@example.de").get(0);
        sameRecord = byEmail.id().equals(byPhone.id()) && byEmail.id().equals(j.id());
        List<TimelineEntry> timeline = customers.timeline(j.id());
        julia = timeline.size();
        Set<String> channels = new TreeSet<>();
        timeline.forEach(t -> t.via().ifPresent(ch -> channels.add(ch.name())));

        ObjectNode e = trace.step("one_customer", "One customer, one record, on every channel", clock.instant());
        e.put("customerId", j.id().toString());
        e.put("foundByEmail", byEmail.id().toString());
        e.put("foundByPhone", byPhone.id().toString());
        e.put("sameRecord", sameRecord);
        e.put("email", mail.sent() ? "SENT" : "REFUSED");
        e.put("web", web.sent() ? "SENT" : "REFUSED");
        e.put("timelineEntries", timeline.size());
        ArrayNode ch = e.putArray("channels");
        channels.forEach(ch::add);
        trace.say("Customer service found Julia Becker by her phone number and by her e-mail address: "
                + (sameRecord ? "the same record" : "DIFFERENT records") + " (Customers.findByPhone, findByEmail).");
        trace.say("The e-mail was " + (mail.sent() ? "SENT" : "REFUSED") + ", the phone call recorded, the answer put"
                + " in her web account " + (web.sent() ? "SENT" : "REFUSED") + "; both quote the same order and"
                + " tracking number " + tracking + " (Messaging.send, Customers.recordInteraction).");
        trace.say("Her one timeline: " + timeline.size() + " entries on the channels " + String.join(", ", channels)
                + " (Customers.timeline). Fax is not a channel of the library.");
    }

    // ------------------------------------------------------------------ figures

    @Override
    protected void figures() {
        CustomerClub club = crm.club(TENANT);
        ObjectNode f = trace.figures();
        f.set("b2bTotal", money(b2b.quote().grossTotal()));
        f.put("b2bUnitPriceEspresso", b2b.quote().lines().get(0).unitPrice().amount().toPlainString());
        f.set("b2cTotal", money(b2c.get(0).quote().grossTotal().plus(b2c.get(1).quote().grossTotal())));
        f.put("b2cUnitPriceEspresso", b2c.get(0).quote().lines().get(0).unitPrice().amount().toPlainString());
        ObjectNode tiers = f.putObject("tiers");
        ObjectNode counts = f.putObject("offers");
        for (String name : offers.keySet()) {
            tiers.put(name, club.tierOf(people.get(name).id()).map(Tier::name).orElse(null));
            counts.put(name, offers.get(name).size());
        }
        ObjectNode m = f.putObject("marketingEmail");
        marketing.forEach(m::put);
        f.put("sameRecordOnEveryChannel", sameRecord);
        f.put("juliaTimelineEntries", julia);
        trace.sayFigure("B2B: " + b2b.quote().grossTotal() + " at wholesale prices; B2C: "
                + b2c.get(0).quote().grossTotal().plus(b2c.get(1).quote().grossTotal()) + " at list prices.");
        for (String name : offers.keySet()) {
            trace.sayFigure(name + ": " + tiers.get(name).asText() + ", " + counts.get(name).asInt() + " offer(s),"
                    + " marketing e-mail " + m.get(name).asText() + ".");
        }
        trace.sayFigure("One record on every channel: " + sameRecord + "; Julia Becker's timeline holds " + julia
                + " entries.");
    }
}
