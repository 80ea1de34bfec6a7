package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.ConsentStatus;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.Interaction;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Organisation;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.Purpose;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.core.messaging.Messaging;
import org.crmkit.core.messaging.SendMessage;
import org.crmkit.core.messaging.SendResult;

/**
 * The story {@code crm demo} tells, against any {@link Crm}: a car maker's CRM with customers of
 * every type (domain §2), interactions from several departments and channels, a salesperson who
 * leaves, consents and the messages they allow or refuse, and a relationship that grows
 * (domain §3, §4).
 *
 * <p>Run against a database that already holds the story, it finds the customers by e-mail and
 * continues their story instead of registering them again: the one-time steps (attributes,
 * consents, the owner change, the level and stage changes) are skipped where already done, and the
 * recurring ones (interactions, messages) are added.
 */
final class DemoScenario {

    static final String TENANT = "demo";

    // Staff of the car maker. Zhang Min is the salesperson who leaves.
    private static final StaffId ZHANG = StaffId.of("zhang.min");
    private static final StaffId WANG = StaffId.of("wang.fang");
    private static final StaffId CHEN = StaffId.of("chen.jie");
    private static final StaffId LIU = StaffId.of("liu.yang");
    private static final StaffId ZHAO = StaffId.of("zhao.lei");
    private static final StaffId SUN = StaffId.of("sun.li");

    private static final String LI_WEI = "li.wei@example.com";
    private static final String ANNA = "anna.schmidt@example.de";
    private static final String HUADONG = "purchasing@huadong-logistics.example";
    private static final String SUNRISE = "orders@sunrise-auto.example";
    private static final String FLEET = "fleet@ourcompany.example";

    private final Customers customers;
    private final Messaging messaging;
    private final PrintWriter out;
    private final Map<String, Customer> cast = new LinkedHashMap<>();
    private final Set<CustomerId> registeredNow = new HashSet<>();
    private final List<SendResult> results = new ArrayList<>();

    DemoScenario(Crm crm, PrintWriter out) {
        this.customers = crm.customers(TENANT);
        this.messaging = crm.messaging(TENANT);
        this.out = out;
    }

    /** Plays the story, narrating each step, and returns the customers it involved, in order. */
    List<Customer> play() {
        section("1. Customers of every type");
        meet(LI_WEI, RegisterCustomer.builder(CustomerType.B2C, "Li Wei", ZHANG.value())
                        .email(LI_WEI).phone("+86 138 0013 8000")
                        .postalAddress(PostalAddress.of("88 Century Avenue, Pudong", "Shanghai", "Shanghai", "200120",
                                "CN"))
                        .relationshipLevel(RelationshipLevel.REACTIVE).build(),
                c -> {
                    c.recordAttribute(AttributeCategory.EXTERNAL, "region", AttributeValue.of("East China"));
                    c.recordAttribute(AttributeCategory.EXTERNAL, "productsOwned", AttributeValue.of("Sedan S3"));
                    c.recordAttribute(AttributeCategory.INTERNAL, "age", AttributeValue.of(34));
                    c.recordAttribute(AttributeCategory.INTERNAL, "income", AttributeValue.of(180_000));
                    c.recordAttribute(AttributeCategory.INTERNAL, "lifestyle", AttributeValue.of("weekend road trips"));
                    c.recordAttribute(AttributeCategory.CONSUMPTION, "lastPurchase",
                            AttributeValue.of(LocalDate.of(2024, 11, 2)));
                    c.recordAttribute(AttributeCategory.CONSUMPTION, "purchases", AttributeValue.of(2));
                    c.recordAttribute(AttributeCategory.CONSUMPTION, "preferredChannel", AttributeValue.of("showroom"));
                    c.grantConsent(Channel.EMAIL, Purpose.MARKETING, "newsletter sign-up form on the web site");
                    c.grantConsent(Channel.SMS, Purpose.SERVICE, "signed at vehicle hand-over");
                });
        meet(ANNA, RegisterCustomer.builder(CustomerType.B2C, "Anna Schmidt", WANG.value())
                        .email(ANNA).phone("+49 30 1234567")
                        .postalAddress(PostalAddress.of("Friedrichstrasse 12", "Berlin", null, "10117", "DE")).build(),
                c -> {
                    c.recordAttribute(AttributeCategory.INTERNAL, "age", AttributeValue.of(41));
                    c.recordAttribute(AttributeCategory.CONSUMPTION, "preferredChannel", AttributeValue.of("web"));
                    c.recordAttribute(AttributeCategory.CONSUMPTION, "averageOrder",
                            AttributeValue.of(new BigDecimal("420.50")));
                    c.grantConsent(Channel.EMAIL, Purpose.MARKETING, "ticked the box when buying floor mats online");
                });
        meet(HUADONG, RegisterCustomer.builder(CustomerType.B2B, "Huadong Logistics", ZHAO.value())
                        .organisation(new Organisation("Huadong Logistics Co., Ltd.", "91310000MA1FL0XX1Q",
                                "CN913100001234567X", "logistics", "https://huadong-logistics.example"))
                        .email(HUADONG).phone("+86 21 6000 1234")
                        .postalAddress(PostalAddress.of("1500 Zhongshan Road West", "Shanghai", "Shanghai", "200051",
                                "CN")).build(),
                c -> {
                    c.recordAttribute(AttributeCategory.EXTERNAL, "industry", AttributeValue.of("logistics"));
                    c.recordAttribute(AttributeCategory.EXTERNAL, "fleetSize", AttributeValue.of(120));
                    c.recordAttribute(AttributeCategory.CONSUMPTION, "vansPerYear", AttributeValue.of(30));
                    c.recordAttribute(AttributeCategory.CONSUMPTION, "contractRenewal",
                            AttributeValue.of(LocalDate.of(2026, 3, 31)));
                });
        meet(SUNRISE, RegisterCustomer.builder(CustomerType.CHANNEL, "Sunrise Auto Trading", LIU.value())
                        .organisation(new Organisation("Sunrise Auto Trading Co., Ltd.", null, null, "car dealership",
                                null))
                        .email(SUNRISE).phone("+86 25 8400 5678")
                        .relationshipLevel(RelationshipLevel.PROACTIVE).build(),
                c -> {
                    c.recordAttribute(AttributeCategory.EXTERNAL, "region", AttributeValue.of("Jiangsu"));
                    c.recordAttribute(AttributeCategory.EXTERNAL, "dealerTier", AttributeValue.of("gold"));
                    c.recordAttribute(AttributeCategory.CONSUMPTION, "sedansPerQuarter", AttributeValue.of(45));
                });
        meet(FLEET, RegisterCustomer.builder(CustomerType.INTERNAL, "Fleet Services Department", CHEN.value())
                        .email(FLEET).build(),
                c -> {
                    c.recordAttribute(AttributeCategory.EXTERNAL, "costCentre", AttributeValue.of("CC-4410"));
                    c.recordAttribute(AttributeCategory.CONSUMPTION, "poolCars", AttributeValue.of(12));
                    c.recordAttribute(AttributeCategory.CONSUMPTION, "leased", AttributeValue.of(false));
                });

        section("2. Interactions, recorded by every department on one timeline");
        Customer li = cast.get(LI_WEI);
        interact(LI_WEI,
                new Interaction(null, Channel.PHONE, CHEN, "service",
                        "Called about a rattling noise from the dashboard", "service visit booked"),
                new Interaction(null, Channel.PHONE, CHEN, "service",
                        "Called to say the rattling noise is gone since the service visit", "satisfied"));
        interact(LI_WEI,
                new Interaction(null, Channel.IN_PERSON, li.owner(), "sales",
                        "Showroom visit: test-drove the new SUV with her family", "asked for a quote"),
                new Interaction(null, Channel.IN_PERSON, li.owner(), "sales",
                        "Came back to the showroom to compare the SUV's trim levels", "second test drive booked"));
        interact(ANNA,
                new Interaction(null, Channel.WEB, WANG, "sales",
                        "Configured an estate car in the online store and saved it", null),
                new Interaction(null, Channel.WEB, WANG, "sales",
                        "Reopened her saved estate car in the online store", "asked for a call back"));
        interact(HUADONG,
                new Interaction(null, Channel.EMAIL, ZHAO, "sales", "Asked for a quote for 30 delivery vans",
                        "quote sent"),
                new Interaction(null, Channel.EMAIL, ZHAO, "sales",
                        "Sent back the signed framework contract for delivery vans", "contract countersigned"));
        interact(SUNRISE,
                new Interaction(null, Channel.PHONE, LIU, "sales", "Confirmed the quarterly order of 45 sedans",
                        "order placed"),
                new Interaction(null, Channel.PHONE, LIU, "sales",
                        "Asked for two demonstration cars for a regional motor show", "cars allocated"));
        interact(FLEET,
                new Interaction(null, Channel.IN_PERSON, CHEN, "service",
                        "Brought two pool cars in for the annual inspection", "inspection scheduled"),
                new Interaction(null, Channel.IN_PERSON, CHEN, "service",
                        "Collected the pool cars after their inspection", "both passed"));

        section("3. A salesperson leaves; the customer stays with the company");
        if (li.owner().equals(ZHANG)) {
            li = change(LI_WEI, c -> c.reassignOwner(WANG, LIU, "zhang.min left the company"));
            say(ZHANG + " left the company: " + li.name() + " now belongs to " + WANG + " (decided by " + LIU
                    + "); " + ZHANG + "'s period and every interaction stay on record");
        } else {
            say(li.name() + " already belongs to " + li.owner() + " since an earlier run; nothing to move");
        }

        section("4. Consent, and a withdrawal");
        Customer anna = cast.get(ANNA);
        if (anna.consentStatus(Channel.EMAIL, Purpose.MARKETING) == ConsentStatus.GRANTED) {
            anna = change(ANNA, c -> c.withdrawConsent(Channel.EMAIL, Purpose.MARKETING,
                    "clicked 'unsubscribe' in the spring newsletter"));
            say(anna.name() + " withdrew her consent to marketing e-mails (unsubscribe link)");
        } else {
            say(anna.name() + " withdrew her consent to marketing e-mails in an earlier run; it still holds");
        }
        say(li.name() + " keeps her consent to marketing e-mails and to service text messages");

        section("5. Messages go through the consent check");
        send(LI_WEI, "Spring service offer", "Book your spring check-up before 30 April and get 20% off.");
        send(ANNA, "Spring service offer", "Book your spring check-up before 30 April and get 20% off.");

        section("6. Relationship level and lifecycle stage");
        Customer huadong = cast.get(HUADONG);
        if (huadong.relationshipLevel() != RelationshipLevel.PARTNERSHIP) {
            RelationshipLevel before = huadong.relationshipLevel();
            huadong = change(HUADONG, c -> c.changeRelationshipLevel(RelationshipLevel.PARTNERSHIP, LIU,
                    "few customers like it, high margin: Kotler's matrix says partnership"));
            say(huadong.name() + ": relationship level " + before + " -> " + huadong.relationshipLevel()
                    + " (" + huadong.relationshipLevel().description() + ")");
        } else {
            say(huadong.name() + " is already a " + huadong.relationshipLevel() + " customer");
        }
        advance(HUADONG, LifecycleStage.FORMATION, "a framework contract for delivery vans is being negotiated");
        advance(LI_WEI, LifecycleStage.FORMATION, "second purchase within a year");

        return cast.values().stream().map(c -> customers.get(c.id())).toList();
    }

    /** @return what each message sent in this run became, in order */
    List<SendResult> sendResults() {
        return List.copyOf(results);
    }

    /** @return whether a customer was registered by this run (not found from an earlier one) */
    private boolean registeredNow(Customer customer) {
        return registeredNow.contains(customer.id());
    }

    private void meet(String email, RegisterCustomer registration, Consumer<Customer> profile) {
        Optional<Customer> earlier = customers.findByEmail(email).stream().findFirst();
        if (earlier.isPresent()) {
            Customer c = earlier.get();
            int entries = customers.timeline(c.id()).size();
            say("found " + c.name() + " from an earlier run (" + email + "): version " + c.version() + ", "
                    + entries + " timeline entries");
            cast.put(email, c);
            return;
        }
        Customer c = customers.register(registration);
        c = customers.change(c.id(), profile);
        registeredNow.add(c.id());
        cast.put(email, c);
        say("registered " + c.name() + " (" + c.type() + "), owned by " + c.owner() + ", "
                + c.attributes().size() + " attributes" + (c.consents().isEmpty() ? ""
                : ", " + c.consents().size() + " consent" + (c.consents().size() == 1 ? "" : "s")));
    }

    /** Records the first interaction with a customer new in this run, the follow-up with one found. */
    private void interact(String email, Interaction first, Interaction followUp) {
        Customer c = cast.get(email);
        Interaction interaction = registeredNow(c) ? first : followUp;
        customers.recordInteraction(c.id(), interaction);
        say(c.name() + " - " + Describe.interaction(interaction));
    }

    private void send(String email, String subject, String body) {
        Customer c = cast.get(email);
        SendResult result = messaging.send(new SendMessage(c.id(), Channel.EMAIL, Purpose.MARKETING, subject, body,
                SUN));
        results.add(result);
        if (result instanceof SendResult.Sent sent) {
            say("SENT to " + c.name() + " by e-mail: \"" + subject + "\" - the channel reports "
                    + sent.receipt().status());
        } else if (result instanceof SendResult.Refused refused) {
            say("REFUSED to " + c.name() + ": " + refused.refusal().explanation()
                    + "; the refusal is on the customer's timeline");
        }
    }

    private void advance(String email, LifecycleStage stage, String reason) {
        Customer c = cast.get(email);
        LifecycleStage before = c.lifecycleStage();
        if (before == stage || !before.canTransitionTo(stage)) {
            say(c.name() + " stays in lifecycle stage " + before);
            return;
        }
        c = change(email, x -> x.changeLifecycleStage(stage, reason));
        say(c.name() + ": lifecycle stage " + before + " -> " + stage + " (" + reason + ")");
    }

    private Customer change(String email, Consumer<Customer> verbs) {
        Customer c = customers.change(cast.get(email).id(), verbs);
        cast.put(email, c);
        return c;
    }

    private void section(String title) {
        out.println();
        out.println(title);
    }

    private void say(String line) {
        out.println("   " + line);
    }
}
