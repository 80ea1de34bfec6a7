package org.crmkit.core.sales.campaign;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerFilter;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Customers;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.CampaignRecord;
import org.crmkit.spi.sales.LeadRecord;
import org.crmkit.spi.sales.LeadStatusChangeRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;

/**
 * The marketing campaigns of one tenant: plan, launch, complete and cancel them, record their
 * costs, attribute revenue and feedback to them, list the customers they target, and read their
 * performance.
 *
 * <p>Every method is one unit of work: a change is stored whole or not at all, and its events
 * are published only after it committed. Changes use optimistic locking: if the campaign was
 * changed concurrently, the change is refused with
 * {@link org.crmkit.spi.storage.StaleWriteException} and nothing is written. A verb that changes
 * nothing (attributing the same sale twice) writes nothing.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class Campaigns {

    private static final int PAGE = 200;

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;
    private final Customers customers;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where campaigns (and the customers they target) are kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     */
    public Campaigns(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                     DomainEventListener publisher) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.customers = new Customers(tenant, storage, clock, ids, publisher);
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Plans and stores a new campaign.
     *
     * @param command what to plan; not null
     * @return the stored campaign, version 1, {@link CampaignStatus#PLANNED}
     * @throws ValidationException naming the field, if the command breaks a rule; nothing is stored
     */
    public Campaign plan(PlanCampaign command) {
        Campaign c = Campaign.plan(command, new CampaignId(ids.next()), tenant, clock);
        storage.useTransaction(tenant.value(), session -> store(session).insert(c.toRecord()));
        return committed(c);
    }

    /**
     * Launches a planned campaign.
     *
     * @throws NoSuchCampaignException if this tenant has no such campaign
     * @throws org.crmkit.core.common.IllegalTransitionException if it is not planned; nothing changes
     */
    public Campaign launch(CampaignId id, StaffId by) {
        return change(id, c -> {
            c.launch(by, clock);
            return c;
        });
    }

    /**
     * Completes an active campaign.
     *
     * @throws NoSuchCampaignException if this tenant has no such campaign
     * @throws org.crmkit.core.common.IllegalTransitionException if it is not active; nothing changes
     */
    public Campaign complete(CampaignId id, StaffId by) {
        return change(id, c -> {
            c.complete(by, clock);
            return c;
        });
    }

    /**
     * Cancels a planned or active campaign.
     *
     * @param reason why; not blank
     * @throws NoSuchCampaignException if this tenant has no such campaign
     * @throws org.crmkit.core.common.IllegalTransitionException if it is completed or cancelled; nothing changes
     */
    public Campaign cancel(CampaignId id, StaffId by, String reason) {
        return change(id, c -> {
            c.cancel(by, reason, clock);
            return c;
        });
    }

    /**
     * Adds a cost to a campaign (see {@link Campaign#recordCost}).
     *
     * @throws NoSuchCampaignException if this tenant has no such campaign
     */
    public Campaign recordCost(CampaignId id, Money amount) {
        return change(id, c -> {
            c.recordCost(amount, clock);
            return c;
        });
    }

    /**
     * Attributes revenue to a campaign (see {@link Campaign#attributeRevenue}); idempotent per source.
     *
     * @return true if attributed now, false if that source already was (nothing written)
     * @throws NoSuchCampaignException if this tenant has no such campaign
     */
    public boolean attributeRevenue(CampaignId id, UUID sourceId, Money amount) {
        return change(id, c -> c.attributeRevenue(sourceId, amount, clock));
    }

    /**
     * Links feedback to a campaign (see {@link Campaign#linkFeedback}); idempotent per feedback.
     *
     * @return true if linked now, false if it already was (nothing written)
     * @throws NoSuchCampaignException if this tenant has no such campaign
     */
    public boolean linkFeedback(CampaignId id, UUID feedbackId) {
        return change(id, c -> c.linkFeedback(feedbackId, clock));
    }

    /** @return the campaign with that id in this tenant, or empty */
    public Optional<Campaign> find(CampaignId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), session -> load(session, id));
    }

    /**
     * @return the campaign with that id
     * @throws NoSuchCampaignException if this tenant has no such campaign
     */
    public Campaign get(CampaignId id) {
        return find(id).orElseThrow(() -> new NoSuchCampaignException(tenant, id));
    }

    /**
     * Lists matching campaigns one page at a time, in id order.
     *
     * @param filter which campaigns; not null
     * @param page   which page; start with {@link PageRequest#first(int)}, continue with {@link Page#next()}
     * @return the page; never null
     */
    public Page<Campaign> list(CampaignFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter must not be null");
        Objects.requireNonNull(page, "page must not be null");
        Page<CampaignRecord> records = storage.inTransaction(tenant.value(),
                session -> store(session).query(filter.toQuery(), page));
        return new Page<>(records.items().stream().map(Campaigns::restore).toList(), records.next());
    }

    /**
     * The customers of this tenant the campaign's target selects, in id order. A rule is evaluated
     * against every customer, read a page per unit of work; a fixed list yields those of its
     * customers that still exist, in the list's order.
     *
     * @return the customers; never null
     * @throws NoSuchCampaignException if this tenant has no such campaign
     */
    public List<Customer> targets(CampaignId id) {
        TargetSegment target = get(id).target();
        List<Customer> selected = new ArrayList<>();
        if (target instanceof TargetSegment.FixedList list) {
            for (CustomerId customer : list.customers()) {
                customers.find(customer).ifPresent(selected::add);
            }
            return selected;
        }
        Optional<PageRequest> page = Optional.of(PageRequest.first(PAGE));
        while (page.isPresent()) {
            Page<Customer> p = customers.list(CustomerFilter.all(), page.get());
            p.items().stream().filter(target::selects).forEach(selected::add);
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return selected;
    }

    /**
     * Reads what the campaign cost and brought: cost, attributed revenue, return, feedback, and the
     * funnel of the leads captured from it, all in one unit of work.
     *
     * @throws NoSuchCampaignException if this tenant has no such campaign
     */
    public CampaignPerformance performance(CampaignId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), session -> {
            Campaign c = load(session, id).orElseThrow(() -> new NoSuchCampaignException(tenant, id));
            return new CampaignPerformance(id, c.status(), c.budget(), c.actualCost(), c.attributedRevenue(),
                    c.returnOnCost(), c.feedback().size(), funnel(session, id));
        });
    }

    /** Counts the leads of the campaign by the stages they reached, reading the lead records. */
    private static CampaignFunnel funnel(StorageSession session, CampaignId id) {
        RecordStore<LeadRecord> leads = session.records(LeadRecord.KIND);
        RecordQuery query = RecordQuery.all().where("campaignId", id.toString());
        long captured = 0;
        long contacted = 0;
        long qualified = 0;
        long converted = 0;
        long disqualified = 0;
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page<LeadRecord> p = leads.query(query, page.get());
            for (LeadRecord lead : p.items()) {
                captured++;
                List<String> reached = lead.history().stream().map(LeadStatusChangeRecord::to).toList();
                contacted += reached.contains("CONTACTED") ? 1 : 0;
                qualified += reached.contains("QUALIFIED") ? 1 : 0;
                converted += "CONVERTED".equals(lead.status()) ? 1 : 0;
                disqualified += "DISQUALIFIED".equals(lead.status()) ? 1 : 0;
            }
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return new CampaignFunnel(captured, contacted, qualified, converted, disqualified);
    }

    private <T> T change(CampaignId id, Function<Campaign, T> verb) {
        Objects.requireNonNull(id, "id must not be null");
        Campaign[] changed = new Campaign[1];
        T result = storage.inTransaction(tenant.value(), session -> {
            Campaign c = load(session, id).orElseThrow(() -> new NoSuchCampaignException(tenant, id));
            T r = verb.apply(c);
            if (!c.recordedEvents().isEmpty()) {
                store(session).update(c.toRecord());
            }
            changed[0] = c;
            return r;
        });
        committed(changed[0]);
        return result;
    }

    private static RecordStore<CampaignRecord> store(StorageSession session) {
        return session.records(CampaignRecord.KIND);
    }

    private static Optional<Campaign> load(StorageSession session, CampaignId id) {
        return store(session).find(id.value()).map(Campaigns::restore);
    }

    /** Rebuilds a stored campaign; a record that breaks a rule of the model is a storage failure. */
    private static Campaign restore(CampaignRecord record) {
        try {
            return Campaign.restore(record);
        } catch (ValidationException e) {
            throw new StorageException("campaign " + record.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), null, e);
        }
    }

    /** After a commit: mark the working copy stored and publish its events. */
    private Campaign committed(Campaign c) {
        if (!c.recordedEvents().isEmpty()) {
            List<DomainEvent> events = List.copyOf(c.recordedEvents());
            c.markStored(c.version() + 1);
            events.forEach(publisher::on);
        }
        return c;
    }
}
