package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.StaleWriteException;
import org.junit.jupiter.api.Test;

/**
 * Drives random sequences of business verbs through {@link Customers} (in-memory storage) and
 * checks after every step that the customer never reaches an illegal state and that the stored
 * customer equals a simple reference model. Each action is drawn from an integer, so QuickTheories
 * shrinks a failing run to a short sequence.
 */
class CustomerStatefulPropertiesTest {

    private static final List<StaffId> STAFF = List.of(StaffId.of("alice"), StaffId.of("bob"), StaffId.of("chen"),
            StaffId.of("dana"));
    private static final List<Channel> OUTBOUND = List.of(Channel.EMAIL, Channel.SMS, Channel.PHONE, Channel.LETTER,
            Channel.WEB);
    private static final List<Purpose> PURPOSES = List.of(Purpose.MARKETING, Purpose.SERVICE, Purpose.SURVEY);
    private static final List<String> EMAILS = List.of("a@example.com", "b@example.com", "c@example.cn",
            "d@example.org");
    private static final int ACTIONS = 10;

    /** What the customer should look like, kept by the test independently of the aggregate. */
    private static final class Model {
        StaffId owner = STAFF.get(0);
        int owners = 1;
        long version = 1;
        int timeline = 1;
        LifecycleStage stage = LifecycleStage.EXPLORATION;
        RelationshipLevel level = RelationshipLevel.BASIC;
        final Map<String, ConsentStatus> consents = new HashMap<>();
        final Set<String> emails = new LinkedHashSet<>();
        final Map<String, Integer> attributes = new HashMap<>();
    }

    @Test
    void randomVerbSequencesNeverReachAnIllegalStateAndMatchTheModel() {
        qt().withExamples(150).withFixedSeed(20261123L)
                .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 60))
                .checkAssert(this::run);
    }

    private void run(List<Integer> actions) {
        TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
        Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).build();
        Customers customers = crm.customers("prop");
        Customer registered = customers.register(RegisterCustomer.builder(CustomerType.B2C, "Property Test", "alice")
                .build());
        CustomerId id = registered.id();
        Model m = new Model();

        for (int code : actions) {
            clock.advance(Duration.ofMinutes(1 + code % 7));
            int action = code % ACTIONS;
            int arg = code / ACTIONS;
            switch (action) {
                case 0 -> {
                    StaffId to = STAFF.get(arg % STAFF.size());
                    if (to.equals(m.owner)) {
                        assertThatThrownBy(() -> customers.change(id, c -> c.reassignOwner(to, STAFF.get(3), "r")))
                                .isInstanceOf(ValidationException.class);
                    } else {
                        customers.change(id, c -> c.reassignOwner(to, STAFF.get(3), "rotation"));
                        m.owner = to;
                        m.owners++;
                        m.version++;
                        m.timeline++;
                    }
                }
                case 1 -> {
                    customers.recordInteraction(id, Interaction.now(Channel.values()[arg % Channel.values().length],
                            STAFF.get(arg % STAFF.size()), "interaction " + arg));
                    m.timeline++;
                }
                case 2, 3 -> {
                    Channel ch = OUTBOUND.get(arg % OUTBOUND.size());
                    Purpose p = PURPOSES.get(arg / OUTBOUND.size() % PURPOSES.size());
                    if (action == 2) {
                        customers.change(id, c -> c.grantConsent(ch, p, "evidence " + arg));
                    } else {
                        customers.change(id, c -> c.withdrawConsent(ch, p, "evidence " + arg));
                    }
                    m.consents.put(ch + "/" + p, action == 2 ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN);
                    m.version++;
                    m.timeline++;
                }
                case 4 -> {
                    LifecycleStage to = LifecycleStage.values()[arg % LifecycleStage.values().length];
                    if (to == m.stage) {
                        customers.change(id, c -> c.changeLifecycleStage(to, null));
                    } else if (m.stage.canTransitionTo(to)) {
                        customers.change(id, c -> c.changeLifecycleStage(to, "step"));
                        m.stage = to;
                        m.version++;
                        m.timeline++;
                    } else {
                        assertThatThrownBy(() -> customers.change(id, c -> c.changeLifecycleStage(to, null)))
                                .isInstanceOf(IllegalTransitionException.class);
                    }
                }
                case 5 -> {
                    RelationshipLevel to = RelationshipLevel.values()[arg % RelationshipLevel.values().length];
                    customers.change(id, c -> c.changeRelationshipLevel(to, STAFF.get(3), null));
                    if (to != m.level) {
                        m.level = to;
                        m.version++;
                        m.timeline++;
                    }
                }
                case 6 -> {
                    String email = EMAILS.get(arg % EMAILS.size());
                    boolean primary = arg % 2 == 0;
                    if (m.emails.contains(email)) {
                        assertThatThrownBy(() -> customers.change(id,
                                c -> c.addEmail(EmailAddress.parse(email), null, primary)))
                                .isInstanceOf(ValidationException.class);
                    } else {
                        customers.change(id, c -> c.addEmail(EmailAddress.parse(email), null, primary));
                        m.emails.add(email);
                        m.version++;
                    }
                }
                case 7 -> {
                    String email = EMAILS.get(arg % EMAILS.size());
                    if (m.emails.contains(email)) {
                        customers.change(id, c -> c.removeContactPoint(ContactKind.EMAIL, email));
                        m.emails.remove(email);
                        m.version++;
                    } else {
                        assertThatThrownBy(() -> customers.change(id,
                                c -> c.removeContactPoint(ContactKind.EMAIL, email)))
                                .isInstanceOf(ValidationException.class);
                    }
                }
                case 8 -> {
                    String name = "attr" + arg % 3;
                    int value = arg / 3 % 4;
                    customers.change(id, c -> c.recordAttribute(AttributeCategory.CONSUMPTION, name,
                            AttributeValue.of(value)));
                    Integer old = m.attributes.put(name, value);
                    if (old == null || old != value) {
                        m.version++;
                    }
                }
                case 9 -> {
                    if (m.version > 1) {
                        long stale = 1 + arg % (m.version - 1);
                        assertThatThrownBy(() -> customers.change(id, stale, c -> c.rename("stale", STAFF.get(0))))
                                .isInstanceOf(StaleWriteException.class);
                    }
                }
                default -> throw new AssertionError(action);
            }
            checkInvariants(customers.get(id), customers, m);
        }
    }

    private static void checkInvariants(Customer c, Customers customers, Model m) {
        assertThat(c.version()).isEqualTo(m.version);
        assertThat(c.owner()).isEqualTo(m.owner);
        assertThat(c.ownerHistory()).hasSize(m.owners);
        for (int i = 0; i + 1 < c.ownerHistory().size(); i++) {
            assertThat(c.ownerHistory().get(i).until()).isEqualTo(c.ownerHistory().get(i + 1).from());
            assertThat(c.ownerHistory().get(i).isCurrent()).isFalse();
        }
        assertThat(c.ownerHistory().get(c.ownerHistory().size() - 1).isCurrent()).isTrue();
        assertThat(c.lifecycleStage()).isEqualTo(m.stage);
        assertThat(c.relationshipLevel()).isEqualTo(m.level);
        for (Channel ch : OUTBOUND) {
            for (Purpose p : PURPOSES) {
                assertThat(c.consentStatus(ch, p))
                        .isEqualTo(m.consents.getOrDefault(ch + "/" + p, ConsentStatus.NONE));
                assertThat(c.contactDecision(ch, p).allowed())
                        .isEqualTo(m.consents.get(ch + "/" + p) == ConsentStatus.GRANTED
                                && (ch != Channel.EMAIL || !m.emails.isEmpty())
                                && ch != Channel.SMS && ch != Channel.PHONE && ch != Channel.LETTER);
            }
        }
        assertThat(c.emails()).extracting(EmailAddress::value).containsExactlyInAnyOrderElementsOf(m.emails);
        Map<ContactKind, Integer> primaries = new EnumMap<>(ContactKind.class);
        c.contactPoints().stream().filter(ContactPoint::primary).forEach(p -> primaries.merge(p.kind(), 1, Integer::sum));
        assertThat(primaries.getOrDefault(ContactKind.EMAIL, 0)).isEqualTo(m.emails.isEmpty() ? 0 : 1);
        m.attributes.forEach((name, value) -> assertThat(c.attribute(AttributeCategory.CONSUMPTION, name))
                .contains(AttributeValue.of(value)));
        assertThat(customers.timeline(c.id())).hasSize(m.timeline);
    }
}
