package org.crmkit.core.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.TimelineEntryRecord;

/**
 * The customers of one tenant: register, find, list and change them, and read their timelines.
 * Obtain it from {@code Crm.customers(tenant)}.
 *
 * <p>Every change is one unit of work: a change and the timeline entries it makes are stored
 * together or not at all, and its events are published to the {@code Crm}'s listeners only after
 * they are committed. Reads of many pages ({@link #timeline(CustomerId)}, {@link #findByEmail})
 * read one page per unit of work. Changes use optimistic locking: if someone else changed the customer in the
 * meantime, the change is refused with {@link StaleWriteException} and nothing is written.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class Customers {

    private static final int CONFLICT_ATTEMPTS = 8;
    private static final long ANY_VERSION = -1;

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant    the tenant every call is confined to
     * @param storage   where customers are kept
     * @param clock     the source of time
     * @param ids       the source of new ids
     * @param publisher receives the committed events
     */
    public Customers(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids, DomainEventListener publisher) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Registers and stores a new customer.
     *
     * @param command what to register
     * @return the stored customer, version 1
     * @throws ValidationException naming the field, if the command breaks a rule; nothing is stored
     */
    public Customer register(RegisterCustomer command) {
        return registerAll(List.of(Objects.requireNonNull(command, "command must not be null"))).get(0);
    }

    /**
     * Registers several customers at once, in one unit of work written as a batch: either all are
     * stored or, if any command is invalid, none is.
     *
     * @param commands what to register
     * @return the stored customers, in the order of the commands
     * @throws ValidationException naming the field (prefixed with the command's index), if a
     *                             command breaks a rule; nothing is stored
     */
    public List<Customer> registerAll(List<RegisterCustomer> commands) {
        Objects.requireNonNull(commands, "commands must not be null");
        List<Customer> customers = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            try {
                customers.add(Customer.register(commands.get(i), new CustomerId(ids.next()), tenant, clock, ids));
            } catch (ValidationException e) {
                throw commands.size() == 1 ? e : e.withFieldPrefix("commands[" + i + "].");
            }
        }
        storage.useTransaction(tenant.value(), session -> {
            List<CustomerRecord> records = new ArrayList<>(customers.size());
            List<TimelineEntryRecord> entries = new ArrayList<>();
            for (Customer c : customers) {
                records.add(CustomerMapper.INSTANCE.toRecord(c.state().withVersion(1)));
                entries.addAll(timelineRecords(c));
            }
            session.customers().insertAll(records);
            session.timeline().appendAll(entries);
        });
        return committed(customers);
    }

    /**
     * Registers a customer as one step of a unit of work the caller runs, so that it commits or
     * rolls back together with the caller's other steps (converting a lead creates the customer
     * and the opportunity atomically this way).
     *
     * <p>The customer and its timeline entry are written to {@code session}; nothing is published.
     * The caller publishes the returned customer's {@link Customer#recordedEvents()} after its
     * unit of work committed, and must not use {@code session} after it ended.
     *
     * @param session a session of this tenant, inside the caller's unit of work; not null
     * @param command what to register; not null
     * @return the new customer as written (version 1 once committed)
     * @throws ValidationException naming the field, if the command breaks a rule; nothing is written
     * @throws org.crmkit.spi.storage.TenantMismatchException if the session belongs to another tenant
     */
    public Customer registerWithin(StorageSession session, RegisterCustomer command) {
        Objects.requireNonNull(session, "session must not be null");
        Objects.requireNonNull(command, "command must not be null");
        if (!session.tenant().equals(tenant.value())) {
            throw new org.crmkit.spi.storage.TenantMismatchException(session.tenant(), tenant.value());
        }
        Customer c = Customer.register(command, new CustomerId(ids.next()), tenant, clock, ids);
        session.customers().insert(CustomerMapper.INSTANCE.toRecord(c.state().withVersion(1)));
        session.timeline().appendAll(timelineRecords(c));
        return c;
    }

    /**
     * Records an interaction on a customer's timeline as one step of a unit of work the caller
     * runs (see {@link #registerWithin}). The customer's version does not change.
     *
     * @param session     a session of this tenant; not null
     * @param id          the customer; not null
     * @param interaction what happened; not null
     * @return the entry written
     * @throws NoSuchCustomerException if this tenant has no such customer
     */
    public TimelineEntry recordInteractionWithin(StorageSession session, CustomerId id, Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction must not be null");
        Customer c = findWithin(session, id).orElseThrow(() -> new NoSuchCustomerException(tenant, id));
        TimelineEntry entry = c.recordInteraction(interaction);
        session.timeline().appendAll(timelineRecords(c));
        return entry;
    }

    /**
     * Reads a customer inside a unit of work the caller runs.
     *
     * @param session a session of this tenant; not null
     * @param id      the customer; not null
     * @return the customer, or empty if this tenant has none with that id
     */
    public Optional<Customer> findWithin(StorageSession session, CustomerId id) {
        Objects.requireNonNull(session, "session must not be null");
        Objects.requireNonNull(id, "id must not be null");
        return load(session, id);
    }

    /** @return the customer with that id in this tenant, or empty */
    public Optional<Customer> find(CustomerId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), session -> load(session, id));
    }

    /**
     * @return the customer with that id
     * @throws NoSuchCustomerException if this tenant has no such customer
     */
    public Customer get(CustomerId id) {
        return find(id).orElseThrow(() -> new NoSuchCustomerException(tenant, id));
    }

    /**
     * Reads the customer, applies {@code change} (one or more business verbs) and stores the
     * result with its new timeline entries, all in one unit of work. If {@code change} throws,
     * nothing is written and the exception propagates. A change of the customer's state stores a
     * new version; verbs that only add to the timeline (interactions, message records) leave the
     * version as it is. If the verbs changed nothing, nothing is written.
     *
     * @param id     the customer
     * @param change the verbs to apply, for example {@code c -> c.reassignOwner(...)}
     * @return the customer as stored
     * @throws NoSuchCustomerException if this tenant has no such customer
     * @throws StaleWriteException     if the customer was changed concurrently; nothing is written
     */
    public Customer change(CustomerId id, Consumer<Customer> change) {
        return applyChange(id, ANY_VERSION, change);
    }

    /**
     * Like {@link #change(CustomerId, Consumer)}, but only if the stored version is still
     * {@code expectedVersion}: the version the caller's user last saw.
     *
     * @throws StaleWriteException if the stored version is not {@code expectedVersion}; nothing is written
     */
    public Customer change(CustomerId id, long expectedVersion, Consumer<Customer> change) {
        if (expectedVersion < 1) {
            throw new ValidationException("expectedVersion", "must be at least 1", expectedVersion);
        }
        return applyChange(id, expectedVersion, change);
    }

    private Customer applyChange(CustomerId id, long expectedVersion, Consumer<Customer> change) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(change, "change must not be null");
        Customer changed = storage.inTransaction(tenant.value(), session -> {
            Customer c = load(session, id).orElseThrow(() -> new NoSuchCustomerException(tenant, id));
            if (expectedVersion != ANY_VERSION && c.version() != expectedVersion) {
                throw new StaleWriteException("customer", id.value(), expectedVersion, c.version());
            }
            change.accept(c);
            if (c.hasStateChanges()) {
                long next = c.version() + 1;
                session.customers().update(CustomerMapper.INSTANCE.toRecord(c.state().withVersion(next)));
            }
            if (!c.newTimelineEntries().isEmpty()) {
                session.timeline().appendAll(timelineRecords(c));
            }
            return c;
        });
        return committed(List.of(changed)).get(0);
    }

    /**
     * Records an interaction on the customer's timeline. Interactions from different departments
     * never conflict: the timeline is append-only and recording an interaction does not change
     * the customer's version.
     *
     * @return the timeline entry the interaction became
     * @throws NoSuchCustomerException if this tenant has no such customer
     */
    public TimelineEntry recordInteraction(CustomerId id, Interaction interaction) {
        TimelineEntry[] entry = new TimelineEntry[1];
        change(id, c -> entry[0] = c.recordInteraction(interaction));
        return entry[0];
    }

    /**
     * Applies {@code change} like {@link #change(CustomerId, Consumer)}, and if the customer was
     * changed concurrently, reads it again and re-applies {@code change}, up to eight times in all,
     * waiting a short random time (growing with each attempt, at most 50 ms) between attempts.
     * Use it only for changes that are right whatever the concurrent change was.
     *
     * @throws StaleWriteException if every attempt lost the race
     */
    public Customer retryingOnConflict(CustomerId id, Consumer<Customer> change) {
        StaleWriteException last = null;
        for (int attempt = 0; attempt < CONFLICT_ATTEMPTS; attempt++) {
            try {
                return change(id, change);
            } catch (StaleWriteException e) {
                last = e;
                backOff(attempt);
            }
        }
        throw last;
    }

    /** Waits a random time that grows with the attempt, so that competing writers drift apart. */
    private static void backOff(int attempt) {
        long maxMillis = Math.min(50, 1L << attempt);
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a change of a customer", e);
        }
    }

    /** @return the customers with this e-mail address (normalised before the search) */
    public List<Customer> findByEmail(String email) {
        return listAll(CustomerFilter.all().withEmail(EmailAddress.parse(email)));
    }

    /** @return the customers with this phone number, given in international form */
    public List<Customer> findByPhone(String phone) {
        return listAll(CustomerFilter.all().withPhone(PhoneNumber.parse(phone)));
    }

    /**
     * Lists matching customers one page at a time, in id order.
     *
     * @param filter which customers
     * @param page   which page; start with {@link PageRequest#first(int)}, continue with {@link Page#next()}
     * @return the page
     */
    public Page<Customer> list(CustomerFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter must not be null");
        Objects.requireNonNull(page, "page must not be null");
        Page<CustomerRecord> records = storage.inTransaction(tenant.value(),
                session -> session.customers().query(filter.toQuery(), page));
        return new Page<>(records.items().stream().map(this::restore).toList(), records.next());
    }

    /** @return how many customers match */
    public long count(CustomerFilter filter) {
        Objects.requireNonNull(filter, "filter must not be null");
        return storage.inTransaction(tenant.value(), session -> session.customers().count(filter.toQuery()));
    }

    /**
     * Reads a customer's timeline, oldest first.
     *
     * @throws NoSuchCustomerException if this tenant has no such customer
     */
    public Page<TimelineEntry> timeline(CustomerId id, PageRequest page) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(page, "page must not be null");
        return storage.inTransaction(tenant.value(), session -> {
            if (session.customers().find(id.value()).isEmpty()) {
                throw new NoSuchCustomerException(tenant, id);
            }
            Page<TimelineEntryRecord> records = session.timeline().forCustomer(id.value(), page);
            return new Page<>(records.items().stream().map(CustomerMapper.INSTANCE::toDomain).toList(),
                    records.next());
        });
    }

    /** @return a customer's whole timeline, oldest first */
    public List<TimelineEntry> timeline(CustomerId id) {
        List<TimelineEntry> all = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page<TimelineEntry> p = timeline(id, page.get());
            all.addAll(p.items());
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return all;
    }

    private List<Customer> listAll(CustomerFilter filter) {
        List<Customer> all = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(100));
        while (page.isPresent()) {
            Page<Customer> p = list(filter, page.get());
            all.addAll(p.items());
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return all;
    }

    private Optional<Customer> load(StorageSession session, CustomerId id) {
        return session.customers().find(id.value()).map(this::restore);
    }

    /** Rebuilds a stored customer; a record that breaks a rule of the model is a storage failure. */
    private Customer restore(CustomerRecord record) {
        try {
            Customer c = Customer.restore(CustomerMapper.INSTANCE.toState(record), clock, ids);
            if (!c.owner().value().equals(record.ownerId())) {
                throw new ValidationException("ownerId", "must be the owner of the last ownerHistory period '"
                        + c.owner() + "'", record.ownerId());
            }
            return c;
        } catch (ValidationException e) {
            throw new StorageException("customer " + record.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), null, e);
        }
    }

    private List<TimelineEntryRecord> timelineRecords(Customer c) {
        return c.newTimelineEntries().stream().map(e -> CustomerMapper.INSTANCE.toRecord(e, tenant)).toList();
    }

    /** After a commit: mark the working copies stored and publish their events. */
    private List<Customer> committed(List<Customer> customers) {
        List<DomainEvent> events = new ArrayList<>();
        for (Customer c : customers) {
            if (c.hasChanges()) {
                events.addAll(c.recordedEvents());
                boolean newVersion = c.version() == 0 || c.hasStateChanges();
                c.markStored(newVersion ? c.version() + 1 : c.version());
            }
        }
        events.forEach(publisher::on);
        return customers;
    }
}
