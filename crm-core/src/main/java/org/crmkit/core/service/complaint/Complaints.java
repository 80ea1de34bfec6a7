package org.crmkit.core.service.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.service.OpenedWorkOrder;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderOrigin;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ComplaintRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageSession;

/**
 * The complaint-handling system of one tenant (domain §10, step 6): records complaints, takes them
 * through the six steps of {@link Complaint}, flags repeat complaints and finds overdue answers by
 * its {@link ComplaintPolicy}.
 *
 * <p>Every method is one unit of work: what it changes is stored together or not at all, and its
 * events are published only after the commit. Changes use optimistic locking: a concurrent change
 * of the same complaint makes one of them fail with {@link StaleWriteException}, writing nothing.
 * An id that names nothing of the tenant (a complaint of another tenant included) is refused with
 * a {@link ValidationException} on {@code complaintId}; a customer of another tenant with
 * {@link NoSuchCustomerException}. Illegal moves throw {@link IllegalTransitionException} and write
 * nothing. The one exception to "one unit of work" is {@link #openWorkOrder}, which uses two (see there).
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class Complaints {

    /** How often {@link #openWorkOrder} tries to link the work order when the complaint changed meanwhile. */

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;
    private final ServiceDesk serviceDesk;
    private final ComplaintPolicy policy;

    /**
     * A service with the {@linkplain ComplaintPolicy#defaults() default policy}: repeats within 90
     * days, answers within 48 hours. Normally called by {@code Crm}.
     *
     * @param tenant      the tenant every call is confined to; not null
     * @param storage     where everything is kept; not null
     * @param clock       the source of time; not null
     * @param ids         the source of new ids; not null
     * @param publisher   receives the committed events; not null
     * @param serviceDesk the same tenant's service desk, which opens work orders for complaints; not null
     */
    public Complaints(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                      DomainEventListener publisher, ServiceDesk serviceDesk) {
        this(tenant, storage, clock, ids, publisher, serviceDesk, ComplaintPolicy.defaults());
    }

    /**
     * A service with its own policy.
     *
     * @param policy the repeat window and the answer target; not null
     * @throws IllegalArgumentException if the service desk serves another tenant
     * @see #Complaints(TenantId, CrmStorage, Clock, IdGenerator, DomainEventListener, ServiceDesk)
     */
    public Complaints(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                      DomainEventListener publisher, ServiceDesk serviceDesk, ComplaintPolicy policy) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.serviceDesk = Objects.requireNonNull(serviceDesk, "serviceDesk must not be null");
        this.policy = Objects.requireNonNull(policy, "policy must not be null");
        if (!serviceDesk.tenant().equals(tenant)) {
            throw new IllegalArgumentException("the service desk serves tenant '" + serviceDesk.tenant()
                    + "', not '" + tenant + "'");
        }
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the repeat window and answer target in force */
    public ComplaintPolicy policy() {
        return policy;
    }

    /** @return the same service under another policy */
    public Complaints withPolicy(ComplaintPolicy other) {
        return new Complaints(tenant, storage, clock, ids, publisher, serviceDesk, other);
    }

    // ------------------------------------------------------------------ the six steps

    /**
     * Step 1: records a complaint and acknowledges it. Without an acknowledgement in the command,
     * the customer is thanked, told the reference and promised an answer within the answer target
     * (see {@link #acknowledgementFor}). It is flagged as a repeat when the customer complained in
     * the same category within the repeat window.
     *
     * @return the stored complaint, version 1, state {@code RECEIVED}
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant; nothing is stored
     * @throws ValidationException     naming the field if the command breaks a rule; nothing is stored
     */
    public Complaint receive(ReceiveComplaint command) {
        Objects.requireNonNull(command, "command must not be null");
        ComplaintId id = new ComplaintId(ids.next());
        Instant now = clock.instant();
        String ack = command.customAcknowledgement().orElseGet(() -> acknowledgementFor(id));
        Complaint complaint = storage.inTransaction(tenant.value(), s -> {
            if (s.customers().find(command.customerId().value()).isEmpty()) {
                throw new NoSuchCustomerException(tenant, command.customerId());
            }
            List<Complaint> earlier = query(s, RecordQuery.all().where("customerId", command.customerId().toString())
                    .where("category", command.category().name()));
            ComplaintId repeatOf = policy.repeatOf(earlier, command.customerId(), command.category(), now)
                    .map(Complaint::id).orElse(null);
            Complaint c = Complaint.receive(id, tenant, command.customerId(), command.channel(), command.category(),
                    command.text(), command.receivedBy(), now, ack, repeatOf);
            s.records(ComplaintRecord.KIND).insert(c.toRecord());
            return c;
        });
        return committed(complaint);
    }

    /**
     * The courteous acknowledgement a complaint gets when the command brings none: thanks, an
     * apology for the trouble, the reference, and the promise of an answer within the answer target.
     *
     * @param id the complaint's reference; not null
     * @return the text
     */
    public String acknowledgementFor(ComplaintId id) {
        Objects.requireNonNull(id, "id must not be null");
        return "Thank you for telling us, and we are sorry for the trouble. Your complaint has been recorded "
                + "under reference " + id + ", and we will answer you within " + describe(policy.answerTarget()) + ".";
    }

    /**
     * Step 2: records (or revises) the expectation behind a complaint.
     *
     * @param by who recorded it; null when the customer stated it alone
     * @throws IllegalTransitionException if the complaint has been answered or closed
     * @see Complaint#recordExpectation
     */
    public Complaint recordExpectation(ComplaintId id, ExpectedRemedy remedy, String detail, StaffId by) {
        return change(id, c -> c.recordExpectation(remedy, detail, by, clock.instant()));
    }

    /**
     * Step 3: records something done to calm a complaint.
     *
     * @param by who acted; not null
     * @throws IllegalTransitionException if the complaint is closed
     * @see Complaint#recordAction
     */
    public Complaint recordAction(ComplaintId id, String what, StaffId by) {
        return change(id, c -> c.recordAction(what, null, by, clock.instant()));
    }

    /**
     * Step 3 with a work order: opens a work order for the complaint through the
     * {@link ServiceDesk} (origin {@link WorkOrderOrigin#COMPLAINT}, for the complaint's customer,
     * its description naming the complaint) and records the action that links it.
     *
     * <p>One unit of work: the work order (with its dispatch) and the complaint's action are written
     * together or not at all; the events of both are published after the commit.
     *
     * @param subject  the work order's subject, at most 200 characters; not blank
     * @param priority the work order's priority; not null
     * @param by       who opens it; not null
     * @return the complaint with the linking action, and the work order
     * @throws ValidationException        on {@code complaintId} if the tenant has no such complaint,
     *                                    or naming another field; nothing is written
     * @throws IllegalTransitionException if the complaint is closed; nothing is written
     * @throws StaleWriteException        if the complaint changed concurrently; nothing is written
     */
    public ComplaintWorkOrder openWorkOrder(ComplaintId id, String subject, WorkOrderPriority priority, StaffId by) {
        Objects.requireNonNull(id, "id must not be null");
        Checks.notNull(by, "by");
        Checks.notNull(priority, "priority");
        Instant now = clock.instant();
        Map.Entry<Complaint, OpenedWorkOrder> done = storage.inTransaction(tenant.value(), s -> {
            Complaint c = load(s, id).orElseThrow(() -> Checks.notFound("complaintId", "a complaint", tenant, id));
            c.requireAcceptsActions("open work order");
            String description = "Complaint " + id + " (" + c.category() + "): " + c.text();
            if (description.length() > Checks.TEXT_MAX) {
                description = description.substring(0, Checks.TEXT_MAX - 1) + "…";
            }
            OpenedWorkOrder opened = serviceDesk.openAndDispatchWithin(s, c.customerId(), WorkOrderOrigin.COMPLAINT,
                    subject, description, priority, null, by);
            WorkOrder w = opened.workOrder();
            c.recordAction("Opened work order " + w.id() + ": " + w.subject(), w.id(), by, now);
            s.records(ComplaintRecord.KIND).update(c.toRecord());
            return Map.entry(c, opened);
        });
        WorkOrder workOrder = serviceDesk.afterCommit(done.getValue());
        return new ComplaintWorkOrder(committed(done.getKey()), workOrder);
    }

    /**
     * Step 4: answers the customer with a solution.
     *
     * @param by who answered; not null
     * @throws IllegalTransitionException if the complaint is answered already, followed up or closed
     * @see Complaint#answer
     */
    public Complaint answer(ComplaintId id, String text, StaffId by) {
        return change(id, c -> c.answer(text, by, clock.instant()));
    }

    /**
     * Step 5: records the customer's satisfaction with the handling.
     *
     * @param score   1 to 5
     * @param comment the customer's words; may be null
     * @param by      who asked; null when the customer answered alone
     * @throws ValidationException        on {@code score} if it is outside 1 to 5
     * @throws IllegalTransitionException if the complaint is not answered
     * @see Complaint#followUp
     */
    public Complaint followUp(ComplaintId id, int score, String comment, StaffId by) {
        return change(id, c -> c.followUp(score, comment, by, clock.instant()));
    }

    /**
     * Reopens an answered complaint the customer is not satisfied with.
     *
     * @param reason why; may be null
     * @param by     who reopened it; null when the customer did
     * @throws IllegalTransitionException if the complaint is not answered, or closed
     */
    public Complaint reopen(ComplaintId id, String reason, StaffId by) {
        return change(id, c -> c.reopen(reason, by, clock.instant()));
    }

    /**
     * Closes an answered complaint.
     *
     * @param by who closes it; null when the system does
     * @throws IllegalTransitionException if the complaint has not been answered, or is closed already
     */
    public Complaint close(ComplaintId id, StaffId by) {
        return change(id, c -> c.close(by, clock.instant()));
    }

    // ------------------------------------------------------------------ queries

    /** @return the complaint with that id in this tenant, or empty */
    public Optional<Complaint> find(ComplaintId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> load(s, id));
    }

    /**
     * @return the complaint with that id
     * @throws ValidationException on {@code complaintId} if the tenant has no such complaint
     */
    public Complaint get(ComplaintId id) {
        return find(id).orElseThrow(() -> Checks.notFound("complaintId", "a complaint", tenant, id));
    }

    /** @return every complaint of a customer, oldest first (by receipt, then id); empty for an unknown customer */
    public List<Complaint> forCustomer(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        return storage.inTransaction(tenant.value(), s -> byReceipt(query(s,
                RecordQuery.all().where("customerId", customer.toString()))));
    }

    /** @return the complaints of a customer that are not closed, oldest first */
    public List<Complaint> openForCustomer(CustomerId customer) {
        return forCustomer(customer).stream().filter(c -> c.status().isOpen()).toList();
    }

    /** @return the complaints of a customer flagged as repeats, oldest first */
    public List<Complaint> repeatsForCustomer(CustomerId customer) {
        return forCustomer(customer).stream().filter(Complaint::isRepeat).toList();
    }

    /**
     * @return how the customer's complaints stand: open, total, repeats, and when they last complained
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     */
    public ComplaintSummary summary(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        List<Complaint> all = storage.inTransaction(tenant.value(), s -> {
            if (s.customers().find(customer.value()).isEmpty()) {
                throw new NoSuchCustomerException(tenant, customer);
            }
            return query(s, RecordQuery.all().where("customerId", customer.toString()));
        });
        int open = (int) all.stream().filter(c -> c.status().isOpen()).count();
        int repeats = (int) all.stream().filter(Complaint::isRepeat).count();
        Optional<Instant> last = all.stream().map(Complaint::receivedAt).max(Comparator.naturalOrder());
        return new ComplaintSummary(customer, open, all.size(), repeats, last);
    }

    /**
     * The complaints whose answer is overdue now: waiting for an answer for longer than the answer
     * target since they were received or last reopened.
     *
     * @return the overdue complaints, the longest overdue first (then by id)
     */
    public List<Complaint> overdueAnswers() {
        Instant now = clock.instant();
        Duration target = policy.answerTarget();
        List<Complaint> waiting = storage.inTransaction(tenant.value(), s -> {
            List<Complaint> out = new ArrayList<>();
            for (ComplaintStatus status : ComplaintStatus.values()) {
                if (status.awaitsAnswer()) {
                    out.addAll(query(s, RecordQuery.all().where("status", status.name())));
                }
            }
            return out;
        });
        return waiting.stream().filter(c -> c.isAnswerOverdue(now, target))
                .sorted(Comparator.comparing((Complaint c) -> c.answerDueBy(target).orElseThrow())
                        .thenComparing(c -> c.id().value()))
                .toList();
    }

    // ------------------------------------------------------------------ internals

    private Complaint change(ComplaintId id, Consumer<Complaint> verb) {
        Objects.requireNonNull(id, "id must not be null");
        Complaint changed = storage.inTransaction(tenant.value(), s -> {
            Complaint c = load(s, id).orElseThrow(() -> Checks.notFound("complaintId", "a complaint", tenant, id));
            verb.accept(c);
            if (c.hasChanges()) {
                s.records(ComplaintRecord.KIND).update(c.toRecord());
            }
            return c;
        });
        return committed(changed);
    }

    private Optional<Complaint> load(StorageSession s, ComplaintId id) {
        return s.records(ComplaintRecord.KIND).find(id.value())
                .map(r -> Checks.restore(r, Complaint::restore, Complaint.AGGREGATE));
    }

    private static List<Complaint> query(StorageSession s, RecordQuery query) {
        return Checks.all(s.records(ComplaintRecord.KIND), query).stream()
                .map(r -> Checks.restore(r, Complaint::restore, Complaint.AGGREGATE)).toList();
    }

    private static List<Complaint> byReceipt(List<Complaint> complaints) {
        return complaints.stream().sorted(Comparator.comparing(Complaint::receivedAt)
                .thenComparing(c -> c.id().value())).toList();
    }

    private static String describe(Duration d) {
        if (d.toMinutes() >= 60 && d.toMinutes() % 60 == 0) {
            long hours = d.toHours();
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        long minutes = Math.max(1, d.toMinutes());
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private Complaint committed(Complaint c) {
        List<ComplaintEvent> events = List.copyOf(c.recordedEvents());
        if (c.hasChanges()) {
            c.markStored();
        }
        events.forEach(publisher::on);
        return c;
    }
}
