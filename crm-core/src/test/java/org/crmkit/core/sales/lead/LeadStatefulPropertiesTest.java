package org.crmkit.core.sales.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.sales.LeadId;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerFilter;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.spi.sales.LeadRecord;
import org.junit.jupiter.api.Test;

/**
 * Drives random sequences of lead verbs through {@link Leads} and a conversion unit of work
 * (in-memory storage), and checks after every step that the stored lead is a legal state that
 * matches a reference model kept by the test: the status table, exactly one customer and one
 * opportunity once converted and never a change after that, a score whose reasons add up, one
 * version per stored change. Failed conversions (a later step of the unit of work fails) leave
 * nothing behind. Each action is drawn from an integer, so QuickTheories shrinks a failing run
 * to a short sequence.
 */
class LeadStatefulPropertiesTest {

    private static final TenantId TENANT = TenantId.of("prop");
    private static final List<StaffId> STAFF = List.of(StaffId.of("sam"), StaffId.of("kim"));
    private static final int ACTIONS = 7;

    /** The reference model: what the lead should be, kept independently of the aggregate. */
    private static final class Model {
        LeadStatus status = LeadStatus.NEW;
        long version = 1;
        int historySize = 1;
        CustomerId customer;
        OpportunityId opportunity;
        LeadRecord frozen;
    }

    @Test
    void randomVerbSequencesNeverReachAnIllegalStateAndMatchTheModel() {
        qt().withExamples(200).withFixedSeed(20261123L)
                .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 40), integers().between(0, 3))
                .checkAssert(this::run);
    }

    private void run(List<Integer> actions, int contactDetails) {
        TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
        InMemoryStorage storage = InMemoryStorage.create();
        IdGenerator ids = IdGenerator.timeOrdered(clock);
        Leads leads = new Leads(TENANT, storage, clock, ids, e -> { });
        Customers customers = new Customers(TENANT, storage, clock, ids, e -> { });
        CaptureLead.Builder b = CaptureLead.builder("Prop Test", STAFF.get(0)).interest(contactDetails % 2 == 0
                ? "chairs" : null);
        if (contactDetails != 1) {
            b.email("prop@example.com");
        }
        if (contactDetails != 0) {
            b.phone("+8613800000000").organisation(contactDetails == 3 ? "Prop Ltd" : null);
        }
        LeadId id = leads.capture(b.build()).id();
        Model m = new Model();
        check(leads, m, id);

        for (int code : actions) {
            clock.advance(Duration.ofDays(code % 20));
            StaffId by = STAFF.get((code / ACTIONS) % STAFF.size());
            switch (code % ACTIONS) {
                case 0 -> {
                    boolean allowed = m.status != LeadStatus.CONVERTED;
                    attempt(allowed, () -> leads.contact(id, by));
                    if (m.status == LeadStatus.NEW || m.status == LeadStatus.DISQUALIFIED) {
                        m.status = LeadStatus.CONTACTED;
                        m.historySize++;
                    }
                    m.version += allowed ? 1 : 0;
                }
                case 1 -> {
                    boolean allowed = m.status == LeadStatus.CONTACTED;
                    attempt(allowed, () -> leads.qualify(id, by));
                    if (allowed) {
                        m.status = LeadStatus.QUALIFIED;
                        m.historySize++;
                        m.version++;
                    }
                }
                case 2 -> {
                    boolean allowed = m.status == LeadStatus.NEW || m.status == LeadStatus.CONTACTED
                            || m.status == LeadStatus.QUALIFIED;
                    attempt(allowed, () -> leads.disqualify(id, "reason " + code, by));
                    if (allowed) {
                        m.status = LeadStatus.DISQUALIFIED;
                        m.historySize++;
                        m.version++;
                    }
                }
                case 3 -> {
                    boolean allowed = m.status == LeadStatus.QUALIFIED;
                    CustomerId customer = CustomerId.of(UUID.randomUUID());
                    OpportunityId opportunity = OpportunityId.of(UUID.randomUUID());
                    attempt(allowed, () -> convert(storage, leads, id, customer, opportunity, by, clock, false));
                    if (allowed) {
                        m.status = LeadStatus.CONVERTED;
                        m.customer = customer;
                        m.opportunity = opportunity;
                        m.historySize++;
                        m.version++;
                    }
                }
                case 4 -> {
                    long before = leads.get(id).version();
                    Lead after = leads.rescore(id);
                    assertThat(after.version()).isBetween(before, before + 1);
                    m.version = after.version();
                }
                case 5 -> {
                    long customersBefore = customers.count(CustomerFilter.all());
                    LeadRecord before = leads.get(id).toRecord();
                    assertThatThrownBy(() -> convert(storage, leads, id, CustomerId.of(UUID.randomUUID()),
                            OpportunityId.of(UUID.randomUUID()), by, clock, true))
                            .isInstanceOfAny(IllegalStateException.class, IllegalTransitionException.class);
                    assertThat(leads.get(id).toRecord()).as("a failed conversion changes nothing").isEqualTo(before);
                    assertThat(customers.count(CustomerFilter.all())).isEqualTo(customersBefore);
                }
                default -> clock.advance(Duration.ofDays(code % 45));
            }
            check(leads, m, id);
        }
    }

    private static void attempt(boolean allowed, Runnable verb) {
        if (allowed) {
            verb.run();
        } else {
            assertThatThrownBy(verb::run).isInstanceOf(IllegalTransitionException.class);
        }
    }

    /**
     * The conversion as the conversion service runs it: register the new customer, convert and
     * store the lead, in one unit of work; {@code failLate} makes the last step (creating the
     * opportunity) fail after everything else was written.
     */
    private static void convert(InMemoryStorage storage, Leads leads, LeadId id, CustomerId customer,
                                OpportunityId opportunity, StaffId by, TestClock clock, boolean failLate) {
        Customers customers = new Customers(TENANT, storage, clock, UUID::randomUUID, e -> { });
        storage.useTransaction(TENANT.value(), session -> {
            Lead lead = leads.findWithin(session, id).orElseThrow();
            customers.registerWithin(session, lead.toRegisterCustomer(by));
            lead.convert(customer, opportunity, by, clock);
            session.records(LeadRecord.KIND).update(lead.toRecord());
            if (failLate) {
                throw new IllegalStateException("the opportunity could not be created");
            }
        });
    }

    private static void check(Leads leads, Model m, LeadId id) {
        Lead lead = leads.get(id);
        LeadRecord record = lead.toRecord();
        // Restoring checks every invariant of the model; a stored illegal state would throw here.
        Lead.restore(new LeadRecord(record.id(), record.tenant(), lead.version(), record.campaignId(),
                record.personName(), record.email(), record.phone(), record.organisation(), record.interest(),
                record.status(), record.disqualificationReason(), record.scoreTotal(), record.scoreReasons(),
                record.lastContactedAt(), record.customerId(), record.opportunityId(), record.ownerId(),
                record.history(), record.createdAt(), record.updatedAt()));
        assertThat(lead.status()).isEqualTo(m.status);
        assertThat(lead.history()).hasSize(m.historySize);
        assertThat(lead.history().get(lead.history().size() - 1).to()).isEqualTo(m.status);
        assertThat(lead.version()).isEqualTo(m.version);
        assertThat(lead.score().reasons().stream().mapToInt(ScoreReason::points).sum())
                .isEqualTo(lead.score().total()).isBetween(0, 100);
        assertThat(lead.disqualificationReason().isPresent()).isEqualTo(m.status == LeadStatus.DISQUALIFIED);
        if (m.status == LeadStatus.CONVERTED) {
            assertThat(lead.customerId()).contains(m.customer);
            assertThat(lead.opportunityId()).contains(m.opportunity);
            if (m.frozen == null) {
                m.frozen = record;
            }
            assertThat(record).as("a converted lead never changes again").isEqualTo(m.frozen);
        } else {
            assertThat(lead.customerId()).isEmpty();
            assertThat(lead.opportunityId()).isEmpty();
        }
    }
}
