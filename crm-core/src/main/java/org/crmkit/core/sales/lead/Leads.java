package org.crmkit.core.sales.lead;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.crmkit.core.sales.LeadId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.campaign.NoSuchCampaignException;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.CampaignRecord;
import org.crmkit.spi.sales.LeadRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;

/**
 * The leads of one tenant: capture, contact, qualify, disqualify and rescore them, list them by
 * campaign, status or owner, and find the existing customers a lead may be. (Converting a lead
 * into a customer and an opportunity spans three aggregates and is done by the conversion
 * service, with {@link Lead#convert}, {@link CustomerMatcher} and {@link Lead#toRegisterCustomer}.)
 *
 * <p>Every method is one unit of work: a change is stored whole or not at all, and its events
 * are published only after it committed. Changes use optimistic locking: if the lead was changed
 * concurrently, the change is refused with {@link org.crmkit.spi.storage.StaleWriteException}
 * and nothing is written. After every verb the lead is rescored with the service's
 * {@link LeadScoringModel} (the standard one unless another is given).
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class Leads {

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;
    private final LeadScoringModel model;

    /**
     * A service that scores with {@link LeadScoringModel#standard()}. Normally called by
     * {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where leads are kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     */
    public Leads(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids, DomainEventListener publisher) {
        this(tenant, storage, clock, ids, publisher, LeadScoringModel.standard());
    }

    /**
     * A service that scores with {@code model}.
     *
     * @param model the scoring model; not null
     * @see #Leads(TenantId, CrmStorage, Clock, IdGenerator, DomainEventListener)
     */
    public Leads(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids, DomainEventListener publisher,
                 LeadScoringModel model) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.model = Objects.requireNonNull(model, "model must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the scoring model this service uses */
    public LeadScoringModel scoringModel() {
        return model;
    }

    /**
     * Captures, scores and stores a new lead.
     *
     * @param command what to capture; not null
     * @return the stored lead, version 1, {@link LeadStatus#NEW}
     * @throws ValidationException     naming the field, if the command breaks a rule; nothing is stored
     * @throws NoSuchCampaignException if the command names a campaign this tenant does not have
     */
    public Lead capture(CaptureLead command) {
        Lead lead = Lead.capture(command, new LeadId(ids.next()), tenant, model, clock);
        storage.useTransaction(tenant.value(), session -> {
            lead.campaignId().ifPresent(c -> {
                if (session.records(CampaignRecord.KIND).find(c.value()).isEmpty()) {
                    throw new NoSuchCampaignException(tenant, c);
                }
            });
            store(session).insert(lead.toRecord());
        });
        return committed(lead);
    }

    /**
     * Records a contact with the lead (see {@link Lead#contact}) and rescores it.
     *
     * @throws NoSuchLeadException if this tenant has no such lead
     * @throws org.crmkit.core.common.IllegalTransitionException if the lead is converted; nothing changes
     */
    public Lead contact(LeadId id, StaffId by) {
        return change(id, l -> l.contact(by, clock));
    }

    /**
     * Qualifies a contacted lead.
     *
     * @throws NoSuchLeadException if this tenant has no such lead
     * @throws org.crmkit.core.common.IllegalTransitionException if the lead is not contacted; nothing changes
     */
    public Lead qualify(LeadId id, StaffId by) {
        return change(id, l -> l.qualify(by, clock));
    }

    /**
     * Disqualifies a lead, for a reason.
     *
     * @param reason why; not blank
     * @throws NoSuchLeadException if this tenant has no such lead
     * @throws org.crmkit.core.common.IllegalTransitionException if the lead is disqualified or converted;
     *                                                           nothing changes
     */
    public Lead disqualify(LeadId id, String reason, StaffId by) {
        return change(id, l -> l.disqualify(reason, by, clock));
    }

    /**
     * Scores the lead again (see {@link Lead#rescore}); writes only if the score changed.
     *
     * @throws NoSuchLeadException if this tenant has no such lead
     */
    public Lead rescore(LeadId id) {
        return change(id, l -> {
        });
    }

    /** @return the lead with that id in this tenant, or empty */
    public Optional<Lead> find(LeadId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), session -> load(session, id));
    }

    /**
     * @return the lead with that id
     * @throws NoSuchLeadException if this tenant has no such lead
     */
    public Lead get(LeadId id) {
        return find(id).orElseThrow(() -> new NoSuchLeadException(tenant, id));
    }

    /**
     * Lists matching leads one page at a time, in id order.
     *
     * @param filter which leads; not null
     * @param page   which page; start with {@link PageRequest#first(int)}, continue with {@link Page#next()}
     * @return the page; never null
     */
    public Page<Lead> list(LeadFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter must not be null");
        Objects.requireNonNull(page, "page must not be null");
        Page<LeadRecord> records = storage.inTransaction(tenant.value(),
                session -> store(session).query(filter.toQuery(), page));
        return new Page<>(records.items().stream().map(Leads::restore).toList(), records.next());
    }

    /** @return how many leads match {@code filter} */
    public long count(LeadFilter filter) {
        Objects.requireNonNull(filter, "filter must not be null");
        return storage.inTransaction(tenant.value(), session -> store(session).count(filter.toQuery()));
    }

    /**
     * The existing customers the lead may be (see {@link CustomerMatcher}).
     *
     * @return the matches, best first; empty if none
     * @throws NoSuchLeadException if this tenant has no such lead
     */
    public List<CustomerMatch> matches(LeadId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), session -> CustomerMatcher.find(session,
                load(session, id).orElseThrow(() -> new NoSuchLeadException(tenant, id))));
    }

    /**
     * Reads a lead inside the caller's unit of work, for services whose steps must commit together
     * (the conversion).
     *
     * @param session a unit of work of this service's tenant; not null
     * @param id      the lead; not null
     * @return the lead, or empty
     * @throws StorageException if the stored lead breaks a rule of the model
     */
    public Optional<Lead> findWithin(StorageSession session, LeadId id) {
        Objects.requireNonNull(session, "session must not be null");
        Objects.requireNonNull(id, "id must not be null");
        return load(session, id);
    }

    private Lead change(LeadId id, Consumer<Lead> verb) {
        Objects.requireNonNull(id, "id must not be null");
        Lead changed = storage.inTransaction(tenant.value(), session -> {
            Lead l = load(session, id).orElseThrow(() -> new NoSuchLeadException(tenant, id));
            verb.accept(l);
            l.rescore(model, clock);
            if (!l.recordedEvents().isEmpty()) {
                store(session).update(l.toRecord());
            }
            return l;
        });
        return committed(changed);
    }

    private static RecordStore<LeadRecord> store(StorageSession session) {
        return session.records(LeadRecord.KIND);
    }

    private static Optional<Lead> load(StorageSession session, LeadId id) {
        return store(session).find(id.value()).map(Leads::restore);
    }

    /** Rebuilds a stored lead; a record that breaks a rule of the model is a storage failure. */
    private static Lead restore(LeadRecord record) {
        try {
            return Lead.restore(record);
        } catch (ValidationException e) {
            throw new StorageException("lead " + record.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), null, e);
        }
    }

    /** After a commit: mark the working copy stored and publish its events. */
    private Lead committed(Lead lead) {
        if (!lead.recordedEvents().isEmpty()) {
            List<DomainEvent> events = List.copyOf(lead.recordedEvents());
            lead.markStored(lead.version() + 1);
            events.forEach(publisher::on);
        }
        return lead;
    }
}
