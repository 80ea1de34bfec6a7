package org.crmkit.core.sales.quote;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.crmkit.core.sales.QuoteId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.catalog.ProductCatalog;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.OpportunityRecord;
import org.crmkit.spi.sales.QuoteRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;

/**
 * The quotes of one tenant: draft them, fill them from the product catalogue, get discounts
 * approved, send them, record the customer's decision, expire and revise them.
 *
 * <p>Every call is one unit of work: it reads the quote, applies one business verb of
 * {@link Quote} and stores the result, or, if the verb refuses, stores nothing and rethrows.
 * {@link #revise} stores the superseded quote and its revision together. {@link #draft} and
 * {@link #revise} read the quote's opportunity in the same unit of work: only an open opportunity
 * of the quote's customer is quoted, and a quote carries its opportunity's campaign. Events are published
 * to the publisher only after the unit of work committed. Concurrent changes of the same quote
 * are refused with {@link StaleWriteException} (optimistic locking); nothing is written.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class Quotes {

    /** The aggregate name in a refusal about the quote's opportunity. */
    private static final String OPPORTUNITY = "opportunity";
    /** The status code of an open opportunity in {@link OpportunityRecord#status()}. */
    private static final String OPEN = "OPEN";

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;
    private final ProductCatalog catalog;
    private final DiscountPolicy policy;

    /**
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where quotes are kept; not null
     * @param clock     the source of time, also for "today" when checking validity; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     * @param catalog   the products and price lists quotes are built from; not null
     * @param policy    which discounts need approval, for quotes drafted or revised from now on; not null
     */
    public Quotes(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids, DomainEventListener publisher,
                  ProductCatalog catalog, DiscountPolicy policy) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
        this.policy = Objects.requireNonNull(policy, "policy must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the discount policy new quotes get */
    public DiscountPolicy policy() {
        return policy;
    }

    /**
     * Drafts and stores a new, empty quote for an open opportunity of this tenant.
     *
     * <p>In the same unit of work the opportunity is read and checked: it must exist in this
     * tenant, be {@code OPEN}, and be with the command's customer. The quote is attributed to the
     * opportunity's campaign, so that the campaign funnel follows the deal through quote and order:
     * a command without a campaign takes the opportunity's, and a command naming another campaign
     * than the opportunity's is refused. (A command may name a campaign for an opportunity that has
     * none.) If a check fails, nothing is stored and nothing is published.
     *
     * @param command what the quote is for; not null
     * @return the stored draft, version 1; its campaign is the opportunity's unless that has none
     * @throws ValidationException        naming the field if the command breaks a rule: on
     *                                    {@code opportunityId} if this tenant has no such opportunity (one of
     *                                    another tenant is not found); on {@code customerId} if the
     *                                    opportunity is with another customer; on {@code campaignId} if the
     *                                    command names another campaign than the opportunity's
     * @throws IllegalTransitionException naming the opportunity, its id and its status if the opportunity
     *                                    is closed ({@code WON} or {@code LOST}): a closed deal takes no new
     *                                    quote
     */
    public Quote draft(DraftQuote command) {
        Objects.requireNonNull(command, "command must not be null");
        QuoteId id = QuoteId.of(ids.next());
        Quote quote = storage.inTransaction(tenant.value(), session -> {
            OpportunityRecord opportunity = openOpportunity(session, command.opportunityId(), command.customerId());
            Quote q = Quote.draft(id, tenant, withCampaignOf(opportunity, command), policy, clock);
            session.records(QuoteRecord.KIND).insert(q.toRecord());
            return q;
        });
        return committed(List.of(quote)).get(0);
    }

    /**
     * Reads the opportunity a quote is drafted or revised for and checks that it exists in this
     * tenant, is open and is with {@code customerId}.
     */
    private OpportunityRecord openOpportunity(StorageSession session, OpportunityId opportunityId,
                                              CustomerId customerId) {
        OpportunityRecord opportunity = session.records(OpportunityRecord.KIND).find(opportunityId.value())
                .filter(o -> o.tenant().equals(tenant.value()))
                .orElseThrow(() -> new ValidationException("opportunityId",
                        "must name an opportunity of tenant '" + tenant + "'", opportunityId));
        if (!OPEN.equals(opportunity.status())) {
            throw new IllegalTransitionException(OPPORTUNITY, opportunity.id(), opportunity.status(),
                    "take a new quote (only an OPEN opportunity is quoted)");
        }
        if (!opportunity.customerId().equals(customerId.value())) {
            throw new ValidationException("customerId", "must be the customer of opportunity " + opportunityId,
                    customerId);
        }
        return opportunity;
    }

    /** The command with the opportunity's campaign; refuses a command naming another one. */
    private static DraftQuote withCampaignOf(OpportunityRecord opportunity, DraftQuote command) {
        if (opportunity.campaignId() == null) {
            return command;
        }
        CampaignId campaign = CampaignId.of(opportunity.campaignId());
        if (command.campaignId() != null && !command.campaignId().equals(campaign)) {
            throw new ValidationException("campaignId", "must be the campaign of opportunity "
                    + command.opportunityId() + " (" + campaign + ") or absent", command.campaignId());
        }
        return new DraftQuote(command.customerId(), command.opportunityId(), campaign, command.currency(),
                command.validUntil(), command.preparedBy(), command.customerGrade(), command.customerSegment(),
                command.taxRatePercent());
    }

    /**
     * Adds a line for a product of this tenant's catalogue, priced from the price lists that apply
     * to the quote's customer grade or segment and that its preparer may see, else from the list price.
     *
     * @return the quote as stored
     * @throws NoSuchQuoteException       if there is no such quote
     * @throws ValidationException        on {@code productId} if the tenant's catalogue has no such product
     *                                    (a product of another tenant is not found) or it is inactive; on
     *                                    {@code currency} if no price in the quote's currency applies
     * @throws IllegalTransitionException if the quote cannot be edited
     */
    public Quote addLine(QuoteId id, AddQuoteLine line) {
        Objects.requireNonNull(line, "line must not be null");
        return change(id, q -> {
            ProductRecord product = catalog.product(tenant.value(), line.productId())
                    .filter(p -> p.tenant().equals(tenant.value()))
                    .orElseThrow(() -> new ValidationException("productId",
                            "must name a product of tenant '" + tenant + "'", line.productId()));
            q.addLine(product, catalog.priceLists(tenant.value()),
                    catalog.staffRoles(tenant.value(), q.preparedBy().value()), line, clock);
            return q;
        });
    }

    /** Removes a line. @see Quote#removeLine */
    public Quote removeLine(QuoteId id, int lineNo) {
        return change(id, q -> {
            q.removeLine(lineNo, clock);
            return q;
        });
    }

    /** Changes a line's quantity. @see Quote#changeQuantity */
    public Quote changeQuantity(QuoteId id, int lineNo, BigDecimal quantity) {
        return change(id, q -> {
            q.changeQuantity(lineNo, quantity, clock);
            return q;
        });
    }

    /**
     * Sets a line's discount. Whether the quote now needs approval is
     * {@link Quote#approvalRequired()} of the result, an outcome rather than an error.
     *
     * @see Quote#setDiscount
     */
    public Quote setDiscount(QuoteId id, int lineNo, BigDecimal percent) {
        return change(id, q -> {
            q.setDiscount(lineNo, percent, clock);
            return q;
        });
    }

    /** Asks for approval of the discounts above the threshold. @see Quote#requestApproval */
    public Quote requestApproval(QuoteId id) {
        return change(id, q -> {
            q.requestApproval(clock);
            return q;
        });
    }

    /** Approves the discounts. @see Quote#approveDiscount */
    public Quote approve(QuoteId id, StaffId approver) {
        return change(id, q -> {
            q.approveDiscount(approver, clock);
            return q;
        });
    }

    /** Declines the discounts; the quote is a draft again. @see Quote#declineDiscount */
    public Quote decline(QuoteId id, StaffId approver, String reason) {
        return change(id, q -> {
            q.declineDiscount(approver, reason, clock);
            return q;
        });
    }

    /** Sends the quote to the customer. @see Quote#send */
    public Quote send(QuoteId id) {
        return change(id, q -> {
            q.send(clock);
            return q;
        });
    }

    /** Records the customer's acceptance; the quote is frozen. @see Quote#accept */
    public Quote accept(QuoteId id) {
        return change(id, q -> {
            q.accept(clock);
            return q;
        });
    }

    /** Records the customer's rejection. @see Quote#reject */
    public Quote reject(QuoteId id, String reason) {
        return change(id, q -> {
            q.reject(reason, clock);
            return q;
        });
    }

    /** Marks the quote expired once its validity has ended. @see Quote#expire */
    public Quote expire(QuoteId id) {
        return change(id, q -> {
            q.expire(clock);
            return q;
        });
    }

    /**
     * Expires every open quote ({@code DRAFT}, {@code PENDING_APPROVAL}, {@code APPROVED},
     * {@code SENT}) whose validity ended before today, for a host's daily job. Each quote is
     * expired in a unit of work of its own; a quote changed concurrently in the meantime is
     * skipped (the next run picks it up if it is still open).
     *
     * @return the quotes this call expired, as stored; never null
     */
    public List<Quote> expireDue() {
        LocalDate today = LocalDate.now(clock);
        List<Quote> expired = new ArrayList<>();
        for (QuoteStatus status : List.of(QuoteStatus.DRAFT, QuoteStatus.PENDING_APPROVAL, QuoteStatus.APPROVED,
                QuoteStatus.SENT)) {
            for (Quote q : withStatus(status)) {
                if (q.isExpiredOn(today)) {
                    try {
                        expired.add(expire(q.id()));
                    } catch (StaleWriteException | IllegalTransitionException e) {
                        // changed concurrently: no longer this status, or no longer this version
                    }
                }
            }
        }
        return expired;
    }

    /**
     * Revises a quote: stores the old one as {@code SUPERSEDED} and its new revision (a draft with
     * the same lines), both in one unit of work.
     *
     * <p>A revision is a new quote for the same opportunity, so the opportunity is checked as in
     * {@link #draft}: it must still exist in this tenant, be {@code OPEN} and be with the quote's
     * customer. Once the deal is won or lost its quotes can no longer be revised; nothing is
     * stored then.
     *
     * @param id         the quote to revise
     * @param preparedBy who prepares the revision; not null
     * @param validUntil the revision's validity; not before today
     * @return the superseded quote and its revision, as stored
     * @throws NoSuchQuoteException       if there is no such quote
     * @throws IllegalTransitionException if the quote is accepted or already superseded, or its
     *                                    opportunity is closed ({@code WON} or {@code LOST})
     * @throws ValidationException        naming the field if an argument breaks a rule; on
     *                                    {@code opportunityId} if the quote's opportunity no longer exists
     *                                    in this tenant
     */
    public Revision revise(QuoteId id, StaffId preparedBy, LocalDate validUntil) {
        Objects.requireNonNull(id, "id must not be null");
        QuoteId newId = QuoteId.of(ids.next());
        Revision revision = storage.inTransaction(tenant.value(), session -> {
            Quote old = load(session, id).orElseThrow(() -> new NoSuchQuoteException(tenant, id));
            openOpportunity(session, old.opportunityId(), old.customerId());
            Quote next = old.revise(newId, preparedBy, validUntil, policy, clock);
            session.records(QuoteRecord.KIND).update(old.toRecord());
            session.records(QuoteRecord.KIND).insert(next.toRecord());
            return new Revision(old, next);
        });
        committed(List.of(revision.superseded(), revision.revision()));
        return revision;
    }

    /** @return the quote with that id in this tenant, or empty */
    public Optional<Quote> find(QuoteId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), session -> load(session, id));
    }

    /**
     * @return the quote with that id
     * @throws NoSuchQuoteException if this tenant has no such quote
     */
    public Quote get(QuoteId id) {
        return find(id).orElseThrow(() -> new NoSuchQuoteException(tenant, id));
    }

    /** @return the quotes of an opportunity, every revision, in id order */
    public List<Quote> forOpportunity(OpportunityId opportunityId) {
        Objects.requireNonNull(opportunityId, "opportunityId must not be null");
        return listAll(RecordQuery.all().where("opportunityId", opportunityId.toString()));
    }

    /** @return the quotes of a customer, every revision, in id order */
    public List<Quote> forCustomer(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId must not be null");
        return listAll(RecordQuery.all().where("customerId", customerId.toString()));
    }

    /** @return the quotes in that state, in id order */
    public List<Quote> withStatus(QuoteStatus status) {
        Objects.requireNonNull(status, "status must not be null");
        return listAll(RecordQuery.all().where("status", status.name()));
    }

    /** @return the revisions made of that quote (normally at most one), in id order */
    public List<Quote> revisionsOf(QuoteId id) {
        Objects.requireNonNull(id, "id must not be null");
        return listAll(RecordQuery.all().where("revisionOf", id.toString()));
    }

    private List<Quote> listAll(RecordQuery query) {
        List<Quote> all = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(100));
        while (page.isPresent()) {
            PageRequest request = page.get();
            Page<QuoteRecord> p = storage.inTransaction(tenant.value(),
                    session -> session.records(QuoteRecord.KIND).query(query, request));
            p.items().forEach(r -> all.add(restore(r)));
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return all;
    }

    private Quote change(QuoteId id, Function<Quote, Quote> verb) {
        Objects.requireNonNull(id, "id must not be null");
        Quote changed = storage.inTransaction(tenant.value(), session -> {
            Quote q = load(session, id).orElseThrow(() -> new NoSuchQuoteException(tenant, id));
            verb.apply(q);
            if (q.hasChanges()) {
                session.records(QuoteRecord.KIND).update(q.toRecord());
            }
            return q;
        });
        return committed(List.of(changed)).get(0);
    }

    private Optional<Quote> load(StorageSession session, QuoteId id) {
        return session.records(QuoteRecord.KIND).find(id.value()).map(this::restore);
    }

    /** Rebuilds a stored quote; a record that breaks a rule of the model is a storage failure. */
    private Quote restore(QuoteRecord record) {
        try {
            return Quote.restore(record);
        } catch (ValidationException e) {
            throw new StorageException("quote " + record.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), null, e);
        }
    }

    /** After a commit: mark the working copies stored and publish their events. */
    private List<Quote> committed(List<Quote> quotes) {
        List<DomainEvent> events = new ArrayList<>();
        for (Quote q : quotes) {
            if (q.hasChanges()) {
                events.addAll(q.recordedEvents());
                q.markStored();
            }
        }
        events.forEach(publisher::on);
        return quotes;
    }
}
