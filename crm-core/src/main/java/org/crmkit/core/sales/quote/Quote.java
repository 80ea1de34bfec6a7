package org.crmkit.core.sales.quote;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.sales.QuoteId;
import org.crmkit.core.common.Enums;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.catalog.BomComponentRecord;
import org.crmkit.spi.catalog.PriceListRecord;
import org.crmkit.spi.catalog.ProductOptionRecord;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.QuoteComponentRecord;
import org.crmkit.spi.sales.QuoteLineRecord;
import org.crmkit.spi.sales.QuoteOptionRecord;
import org.crmkit.spi.sales.QuoteRecord;

/**
 * A quote: configured products from the tenant's catalogue, priced for one customer in one
 * currency, with discounts, tax, a validity date, an approval step and revisions. Aggregate root.
 *
 * <p><b>Money.</b> Every amount is a {@link Money} in the quote's single currency; a product or
 * price in another currency is refused. Arithmetic is exact ({@link BigDecimal}) and follows one
 * stated rounding rule: <em>each line</em> is rounded half up to the currency's minor unit (its net
 * after discount, then its tax on that rounded net; see {@link QuoteLine}), and the quote's totals
 * are the <em>exact sums</em> of the rounded lines, never rounded again. So
 * {@code netTotal = Σ line.net}, {@code taxTotal = Σ line.tax} and
 * {@code grossTotal = Σ line.gross = netTotal + taxTotal}, always.
 *
 * <p><b>Prices.</b> A line's base price comes from the cheapest price list of the tenant in the
 * quote's currency that applies to the customer's grade or segment, that the preparing staff
 * member may see and that prices the product; otherwise from the product's list price. Chosen
 * options add their price deltas.
 *
 * <p><b>States.</b> See {@link QuoteStatus} for the table. A line discount above the quote's
 * approval threshold (taken from the {@link DiscountPolicy} when the quote was drafted) makes
 * {@link #approvalRequired()} true; such a quote must go through {@link #requestApproval} and
 * {@link #approveDiscount} before it can be sent. {@link #accept} is refused after
 * {@link #validUntil()} (today in the clock's zone). An accepted quote is frozen: every verb
 * throws {@link IllegalTransitionException}. {@link #revise} makes a new quote and marks this one
 * {@link QuoteStatus#SUPERSEDED}, keeping it unchanged otherwise.
 *
 * <p>Every verb checks everything before it changes anything: a verb that throws leaves the quote
 * as it was. Not thread-safe: a working copy for one unit of work.
 *
 * @since 0.1
 */
public final class Quote {

    private static final String AGGREGATE = "quote";

    private final QuoteId id;
    private final TenantId tenant;
    private long version;
    private final CustomerId customerId;
    private final OpportunityId opportunityId;
    private final CampaignId campaignId;
    private final Currency currency;
    private final int revision;
    private final QuoteId revisionOf;
    private final LocalDate validUntil;
    private final StaffId preparedBy;
    private final String customerGrade;
    private final String customerSegment;
    private final BigDecimal taxRatePercent;
    private final BigDecimal approvalThresholdPercent;
    private final Instant createdAt;

    private QuoteStatus status;
    private QuoteId supersededBy;
    private StaffId approvedBy;
    private Instant approvedAt;
    private Instant sentAt;
    private Instant acceptedAt;
    private Instant rejectedAt;
    private String rejectionReason;
    private int nextLineNo;
    private List<QuoteLine> lines;

    private final List<QuoteEvent> events = new ArrayList<>();

    private Quote(QuoteId id, TenantId tenant, long version, CustomerId customerId, OpportunityId opportunityId,
                  CampaignId campaignId, Currency currency, int revision, QuoteId revisionOf, LocalDate validUntil,
                  StaffId preparedBy, String customerGrade, String customerSegment, BigDecimal taxRatePercent,
                  BigDecimal approvalThresholdPercent, Instant createdAt, QuoteStatus status, int nextLineNo,
                  List<QuoteLine> lines) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.customerId = customerId;
        this.opportunityId = opportunityId;
        this.campaignId = campaignId;
        this.currency = currency;
        this.revision = revision;
        this.revisionOf = revisionOf;
        this.validUntil = validUntil;
        this.preparedBy = preparedBy;
        this.customerGrade = customerGrade;
        this.customerSegment = customerSegment;
        this.taxRatePercent = taxRatePercent;
        this.approvalThresholdPercent = approvalThresholdPercent;
        this.createdAt = createdAt;
        this.status = status;
        this.nextLineNo = nextLineNo;
        this.lines = List.copyOf(lines);
    }

    /**
     * Drafts a new, empty quote (version 0 until stored) and records {@link QuoteEvent.Drafted}.
     *
     * @param id      the new quote's id; not null
     * @param tenant  the tenant; not null
     * @param command what the quote is for; not null
     * @param policy  gives the discount approval threshold the quote keeps; not null
     * @param clock   the source of time; not null
     * @return the draft
     * @throws ValidationException on {@code validUntil} if it is before today
     */
    public static Quote draft(QuoteId id, TenantId tenant, DraftQuote command, DiscountPolicy policy, Clock clock) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(command, "command must not be null");
        Objects.requireNonNull(policy, "policy must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        requireNotPast(command.validUntil(), clock);
        Instant now = now(clock);
        Quote q = new Quote(id, tenant, 0, command.customerId(), command.opportunityId(), command.campaignId(),
                Money.currency(command.currency()), 1, null, command.validUntil(), command.preparedBy(),
                command.customerGrade(), command.customerSegment(), command.taxRatePercent(),
                policy.thresholdPercent(), now, QuoteStatus.DRAFT, 1, List.of());
        q.events.add(new QuoteEvent.Drafted(tenant, id, now, q.customerId, q.opportunityId, q.currencyCode(),
                q.validUntil, q.preparedBy));
        return q;
    }

    // ---------------------------------------------------------------- editing

    /**
     * Adds a line for a product of the catalogue, priced as the class comment describes, and
     * records {@link QuoteEvent.LineAdded}. An approved quote goes back to {@code DRAFT}.
     *
     * @param product    the product as the catalogue returned it; not null
     * @param priceLists the tenant's price lists (the quote picks the applicable, visible ones); not null
     * @param staffRoles the roles of the staff member who prepares the quote; not null
     * @param line       what to add; not null
     * @param clock      the source of time; not null
     * @return the new line
     * @throws IllegalTransitionException if the quote is not {@code DRAFT} or {@code APPROVED}
     * @throws ValidationException        on {@code productId} if the product belongs to another tenant,
     *                                    is another product than asked for or is inactive; on {@code optionCodes}
     *                                    if an option does not exist; on {@code currency} if no price in the
     *                                    quote's currency applies
     */
    public QuoteLine addLine(ProductRecord product, List<PriceListRecord> priceLists, List<String> staffRoles,
                             AddQuoteLine line, Clock clock) {
        Objects.requireNonNull(product, "product must not be null");
        Objects.requireNonNull(priceLists, "priceLists must not be null");
        Objects.requireNonNull(staffRoles, "staffRoles must not be null");
        Objects.requireNonNull(line, "line must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        requireEditable("add a line");
        if (!product.tenant().equals(tenant.value())) {
            throw new ValidationException("productId", "must name a product of tenant '" + tenant + "'",
                    product.productId());
        }
        if (!product.productId().equals(line.productId())) {
            throw new ValidationException("productId", "must be the product the line asks for '" + line.productId()
                    + "'", product.productId());
        }
        if (!product.active()) {
            throw new ValidationException("productId", "must name an active product", product.productId());
        }
        List<QuoteOption> options = new ArrayList<>();
        for (String code : line.optionCodes()) {
            ProductOptionRecord option = product.option(code).orElseThrow(() -> new ValidationException(
                    "optionCodes", "must name options of product '" + product.productId() + "'", code));
            if (!option.priceDelta().currency().equals(currencyCode())) {
                throw new ValidationException("currency", "must be the quote's currency " + currencyCode()
                        + " for option '" + code + "'", option.priceDelta().currency());
            }
            options.add(new QuoteOption(option.code(), option.name(), money(option.priceDelta())));
        }
        List<QuoteComponent> components = new ArrayList<>();
        for (BomComponentRecord c : product.billOfMaterials()) {
            components.add(new QuoteComponent(c.componentProductId(), c.quantity()));
        }
        Pricing.Price price = Pricing.choose(product, priceLists, tenant.value(), currencyCode(), customerGrade,
                customerSegment, preparedBy.value(), staffRoles);
        BigDecimal rate = line.taxRatePercent() == null ? taxRatePercent : line.taxRatePercent();
        QuoteLine added = new QuoteLine(nextLineNo, product.productId(), product.sku(), product.name(), options,
                components, line.quantity(), price.amount(), price.priceListId(), line.discountPercent(), rate);
        List<QuoteLine> changed = new ArrayList<>(lines);
        changed.add(added);
        lines = List.copyOf(changed);
        nextLineNo++;
        afterEdit();
        events.add(new QuoteEvent.LineAdded(tenant, id, now(clock), added.lineNo(), added.productId(),
                added.quantity(), added.net()));
        return added;
    }

    /**
     * Removes a line and records {@link QuoteEvent.LineRemoved}. Line numbers are never reused.
     *
     * @throws IllegalTransitionException if the quote is not {@code DRAFT} or {@code APPROVED}
     * @throws ValidationException        on {@code lineNo} if the quote has no such line
     */
    public void removeLine(int lineNo, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        requireEditable("remove line " + lineNo);
        QuoteLine line = line(lineNo);
        List<QuoteLine> changed = new ArrayList<>(lines);
        changed.remove(line);
        lines = List.copyOf(changed);
        afterEdit();
        events.add(new QuoteEvent.LineRemoved(tenant, id, now(clock), lineNo));
    }

    /**
     * Changes a line's quantity and records {@link QuoteEvent.QuantityChanged}.
     *
     * @param quantity positive, at most six fraction digits
     * @throws IllegalTransitionException if the quote is not {@code DRAFT} or {@code APPROVED}
     * @throws ValidationException        on {@code lineNo} or {@code quantity}
     */
    public void changeQuantity(int lineNo, BigDecimal quantity, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        requireEditable("change the quantity of line " + lineNo);
        QuoteLine line = line(lineNo);
        QuoteLine changed = line.withQuantity(quantity);
        replace(changed);
        afterEdit();
        events.add(new QuoteEvent.QuantityChanged(tenant, id, now(clock), lineNo, line.quantity(),
                changed.quantity()));
    }

    /**
     * Sets a line's discount and records {@link QuoteEvent.DiscountSet}. A discount above the
     * approval threshold is accepted here; it makes {@link #approvalRequired()} true, and the quote
     * cannot be sent until the discount is approved.
     *
     * @param percent 0 to 100, at most four fraction digits
     * @throws IllegalTransitionException if the quote is not {@code DRAFT} or {@code APPROVED}
     * @throws ValidationException        on {@code lineNo} or {@code discountPercent}
     */
    public void setDiscount(int lineNo, BigDecimal percent, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        requireEditable("set the discount of line " + lineNo);
        QuoteLine line = line(lineNo);
        QuoteLine changed = line.withDiscount(percent);
        replace(changed);
        afterEdit();
        events.add(new QuoteEvent.DiscountSet(tenant, id, now(clock), lineNo, line.discountPercent(),
                changed.discountPercent(), approvalRequired()));
    }

    // ---------------------------------------------------------------- approval

    /**
     * Asks a manager to approve the discounts above the threshold: {@code DRAFT → PENDING_APPROVAL}.
     * Records {@link QuoteEvent.ApprovalRequested}.
     *
     * @throws IllegalTransitionException if the quote is not a draft, or no discount needs approval
     */
    public void requestApproval(Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        if (status != QuoteStatus.DRAFT) {
            throw refused("request discount approval");
        }
        if (!approvalRequired()) {
            throw refused("request discount approval although no discount exceeds " + approvalThresholdPercent + "%");
        }
        status = QuoteStatus.PENDING_APPROVAL;
        events.add(new QuoteEvent.ApprovalRequested(tenant, id, now(clock), maxDiscountPercent()));
    }

    /**
     * Approves the discounts: {@code PENDING_APPROVAL → APPROVED}. Records
     * {@link QuoteEvent.DiscountApproved}.
     *
     * @param approver the manager; not the staff member who prepared the quote (four eyes)
     * @throws IllegalTransitionException if approval was not requested
     * @throws ValidationException        on {@code approver} if it is the preparer
     */
    public void approveDiscount(StaffId approver, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        requireApprover(approver);
        requireTransition(QuoteStatus.APPROVED, "approve the discounts");
        Instant now = now(clock);
        status = QuoteStatus.APPROVED;
        approvedBy = approver;
        approvedAt = now;
        events.add(new QuoteEvent.DiscountApproved(tenant, id, now, approver));
    }

    /**
     * Declines the discounts: {@code PENDING_APPROVAL → DRAFT}. Records
     * {@link QuoteEvent.ApprovalDeclined}.
     *
     * @param approver the manager; not the preparer
     * @param reason   why; may be null
     * @throws IllegalTransitionException if approval was not requested
     */
    public void declineDiscount(StaffId approver, String reason, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        requireApprover(approver);
        if (status != QuoteStatus.PENDING_APPROVAL) {
            throw refused("decline the discounts");
        }
        status = QuoteStatus.DRAFT;
        events.add(new QuoteEvent.ApprovalDeclined(tenant, id, now(clock), approver, blankToNull(reason)));
    }

    // ---------------------------------------------------------------- the customer's decision

    /**
     * Sends the quote to the customer: {@code DRAFT} (when no discount needs approval) or
     * {@code APPROVED → SENT}. Records {@link QuoteEvent.Sent}.
     *
     * @throws IllegalTransitionException if the state does not allow it, a discount above the
     *                                    threshold is not approved, or the validity has ended
     * @throws ValidationException        on {@code lines} if the quote has none
     */
    public void send(Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        requireTransition(QuoteStatus.SENT, "send");
        requireApprovedIfRequired("send");
        requireValidOn(today(clock), "send");
        if (lines.isEmpty()) {
            throw new ValidationException("lines", "must not be empty when the quote is sent");
        }
        Instant now = now(clock);
        status = QuoteStatus.SENT;
        sentAt = now;
        events.add(new QuoteEvent.Sent(tenant, id, now, grossTotal()));
    }

    /**
     * Records the customer's acceptance: {@code SENT → ACCEPTED}. The quote is frozen from now on.
     * Records {@link QuoteEvent.Accepted}.
     *
     * @throws IllegalTransitionException if the quote was not sent, if today is after
     *                                    {@link #validUntil()} (expired), or if its discounts were not approved
     */
    public void accept(Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        requireTransition(QuoteStatus.ACCEPTED, "accept");
        requireValidOn(today(clock), "accept");
        requireApprovedIfRequired("accept");
        Instant now = now(clock);
        status = QuoteStatus.ACCEPTED;
        acceptedAt = now;
        events.add(new QuoteEvent.Accepted(tenant, id, now, customerId, opportunityId, netTotal(), grossTotal()));
    }

    /**
     * Records the customer's rejection: {@code SENT → REJECTED}. Records {@link QuoteEvent.Rejected}.
     *
     * @param reason why; may be null
     * @throws IllegalTransitionException if the quote was not sent
     */
    public void reject(String reason, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        requireTransition(QuoteStatus.REJECTED, "reject");
        Instant now = now(clock);
        status = QuoteStatus.REJECTED;
        rejectedAt = now;
        rejectionReason = blankToNull(reason);
        events.add(new QuoteEvent.Rejected(tenant, id, now, rejectionReason));
    }

    /**
     * Marks the quote expired once its validity has ended: any open state {@code → EXPIRED}.
     * Records {@link QuoteEvent.Expired}.
     *
     * @throws IllegalTransitionException if the state does not allow it or today is not after {@link #validUntil()}
     */
    public void expire(Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        requireTransition(QuoteStatus.EXPIRED, "expire");
        if (!isExpiredOn(today(clock))) {
            throw refused("expire before its validity ends on " + validUntil);
        }
        status = QuoteStatus.EXPIRED;
        events.add(new QuoteEvent.Expired(tenant, id, now(clock), validUntil));
    }

    // ---------------------------------------------------------------- revisions

    /**
     * Revises the quote: returns a new draft (revision number + 1, {@code revisionOf} this quote,
     * the same customer, currency, grade, segment and lines with their prices as quoted, no approval)
     * and marks this quote {@code SUPERSEDED}, which is kept otherwise unchanged. Records
     * {@link QuoteEvent.Superseded} here and {@link QuoteEvent.Revised} on the new quote. Store both
     * in one unit of work.
     *
     * @param newId      the revision's id; not null, not this quote's
     * @param preparedBy who prepares the revision; not null
     * @param validUntil the revision's validity; not before today
     * @param policy     gives the revision's approval threshold; not null
     * @return the revision, version 0 until stored
     * @throws IllegalTransitionException if the quote is accepted or already superseded
     * @throws ValidationException        on {@code validUntil} if it is before today
     */
    public Quote revise(QuoteId newId, StaffId preparedBy, LocalDate validUntil, DiscountPolicy policy,
                        Clock clock) {
        Objects.requireNonNull(newId, "newId must not be null");
        Objects.requireNonNull(preparedBy, "preparedBy must not be null");
        Objects.requireNonNull(policy, "policy must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        if (newId.equals(id)) {
            throw new ValidationException("newId", "must differ from the quote's id", newId);
        }
        requireTransition(QuoteStatus.SUPERSEDED, "revise");
        if (validUntil == null) {
            throw new ValidationException("validUntil", "must not be null");
        }
        requireNotPast(validUntil, clock);
        Instant now = now(clock);
        Quote next = new Quote(newId, tenant, 0, customerId, opportunityId, campaignId, currency, revision + 1, id,
                validUntil, preparedBy, customerGrade, customerSegment, taxRatePercent, policy.thresholdPercent(),
                now, QuoteStatus.DRAFT, nextLineNo, lines);
        next.events.add(new QuoteEvent.Revised(tenant, newId, now, id, next.revision, preparedBy));
        status = QuoteStatus.SUPERSEDED;
        supersededBy = newId;
        events.add(new QuoteEvent.Superseded(tenant, id, now, newId));
        return next;
    }

    // ---------------------------------------------------------------- reading

    /** @return the id */
    public QuoteId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version: 0 before the quote is first stored */
    public long version() {
        return version;
    }

    /** @return the customer */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the opportunity */
    public OpportunityId opportunityId() {
        return opportunityId;
    }

    /** @return the campaign the deal is attributed to, if any */
    public Optional<CampaignId> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    /** @return the currency of every amount */
    public Currency currency() {
        return currency;
    }

    /** @return the ISO 4217 code of the currency */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** @return the state */
    public QuoteStatus status() {
        return status;
    }

    /** @return true once accepted: nothing may change any more */
    public boolean isFrozen() {
        return status.isFrozen();
    }

    /** @return 1 for an original quote, one more per revision */
    public int revision() {
        return revision;
    }

    /** @return the quote this one revises, if it is a revision */
    public Optional<QuoteId> revisionOf() {
        return Optional.ofNullable(revisionOf);
    }

    /** @return the revision that replaced this quote, if superseded */
    public Optional<QuoteId> supersededBy() {
        return Optional.ofNullable(supersededBy);
    }

    /** @return the last day the customer may accept */
    public LocalDate validUntil() {
        return validUntil;
    }

    /** @return true if {@code day} is after {@link #validUntil()} */
    public boolean isExpiredOn(LocalDate day) {
        return day.isAfter(validUntil);
    }

    /** @return who prepared the quote; their visibility decides which price lists apply */
    public StaffId preparedBy() {
        return preparedBy;
    }

    /** @return the customer grade prices were chosen for, if any */
    public Optional<String> customerGrade() {
        return Optional.ofNullable(customerGrade);
    }

    /** @return the customer segment prices were chosen for, if any */
    public Optional<String> customerSegment() {
        return Optional.ofNullable(customerSegment);
    }

    /** @return the tax rate in percent of lines that name none */
    public BigDecimal taxRatePercent() {
        return taxRatePercent;
    }

    /** @return line discounts above this percentage need approval */
    public BigDecimal approvalThresholdPercent() {
        return approvalThresholdPercent;
    }

    /** @return true if some line's discount is above {@link #approvalThresholdPercent()} */
    public boolean approvalRequired() {
        return lines.stream().anyMatch(l -> l.discountPercent().compareTo(approvalThresholdPercent) > 0);
    }

    /** @return the numbers of the lines whose discount is above the threshold, in line order; unmodifiable */
    public List<Integer> linesNeedingApproval() {
        return lines.stream().filter(l -> l.discountPercent().compareTo(approvalThresholdPercent) > 0)
                .map(QuoteLine::lineNo).toList();
    }

    /** @return the largest line discount in percent; 0 without lines */
    public BigDecimal maxDiscountPercent() {
        return lines.stream().map(QuoteLine::discountPercent).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    /** @return who approved the discounts, if they were approved */
    public Optional<StaffId> approvedBy() {
        return Optional.ofNullable(approvedBy);
    }

    /** @return when the discounts were approved, if they were */
    public Optional<Instant> approvedAt() {
        return Optional.ofNullable(approvedAt);
    }

    /** @return when it was drafted */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it was sent, if it was */
    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    /** @return when it was accepted, if it was */
    public Optional<Instant> acceptedAt() {
        return Optional.ofNullable(acceptedAt);
    }

    /** @return when it was rejected, if it was */
    public Optional<Instant> rejectedAt() {
        return Optional.ofNullable(rejectedAt);
    }

    /** @return why it was rejected, if a reason was given */
    public Optional<String> rejectionReason() {
        return Optional.ofNullable(rejectionReason);
    }

    /** @return the lines in line-number order; unmodifiable */
    public List<QuoteLine> lines() {
        return lines;
    }

    /**
     * @return the line with that number
     * @throws ValidationException on {@code lineNo} if there is none
     */
    public QuoteLine line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElseThrow(
                () -> new ValidationException("lineNo", "must name a line of quote " + id, lineNo));
    }

    /** @return the exact sum of the lines' rounded net amounts */
    public Money netTotal() {
        return Money.sum(currency, lines.stream().map(QuoteLine::net).toList());
    }

    /** @return the exact sum of the lines' rounded tax amounts */
    public Money taxTotal() {
        return Money.sum(currency, lines.stream().map(QuoteLine::tax).toList());
    }

    /** @return the exact sum of the lines' gross amounts, equal to {@code netTotal + taxTotal} */
    public Money grossTotal() {
        return Money.sum(currency, lines.stream().map(QuoteLine::gross).toList());
    }

    /** @return the events recorded since the quote was loaded or last stored; unmodifiable */
    public List<QuoteEvent> recordedEvents() {
        return List.copyOf(events);
    }

    @Override
    public String toString() {
        return "Quote[" + id + " rev " + revision + " " + status + " " + grossTotal() + "]";
    }

    // ---------------------------------------------------------------- storage

    /**
     * Rebuilds a stored quote. The record's totals must equal the sums of its lines and each line's
     * amounts must equal what the line computes.
     *
     * @param record the stored quote; not null
     * @return the quote at the record's version, with no recorded events
     * @throws ValidationException naming the field if the record breaks a rule of the model
     */
    public static Quote restore(QuoteRecord record) {
        Objects.requireNonNull(record, "record must not be null");
        Currency currency = Money.currency(record.currency());
        QuoteStatus status = Enums.parse(QuoteStatus.class, record.status(), "status");
        List<QuoteLine> lines = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < record.lines().size(); i++) {
            QuoteLineRecord r = record.lines().get(i);
            String field = "lines[" + i + "]";
            try {
                QuoteLine line = new QuoteLine(r.lineNo(), r.productId(), r.sku(), r.name(),
                        r.options().stream().map(o -> new QuoteOption(o.code(), o.name(), money(o.priceDelta())))
                                .toList(),
                        r.components().stream().map(c -> new QuoteComponent(c.productId(), c.quantityPerUnit()))
                                .toList(),
                        r.quantity(), money(r.basePrice()), r.priceListId(), r.discountPercent(), r.taxRatePercent());
                if (!line.basePrice().currency().equals(currency)) {
                    throw new ValidationException("basePrice", "must be in the quote's currency " + record.currency(),
                            r.basePrice().currency());
                }
                requireEqual(line.unitPrice(), r.unitPrice(), "unitPrice");
                requireEqual(line.net(), r.net(), "net");
                requireEqual(line.tax(), r.tax(), "tax");
                requireEqual(line.gross(), r.gross(), "gross");
                if (!numbers.add(line.lineNo()) || line.lineNo() >= record.nextLineNo()) {
                    throw new ValidationException("lineNo", "must be unique and below nextLineNo "
                            + record.nextLineNo(), line.lineNo());
                }
                lines.add(line);
            } catch (ValidationException e) {
                throw e.withFieldPrefix(field + ".");
            }
        }
        if (record.revision() < 1 || (record.revision() == 1) != (record.revisionOf() == null)) {
            throw new ValidationException("revision", "must be 1 for an original and above 1 for a revision",
                    record.revision());
        }
        if ((status == QuoteStatus.SUPERSEDED) != (record.supersededBy() != null)) {
            throw new ValidationException("supersededBy", "must be set exactly when the quote is superseded",
                    record.supersededBy());
        }
        if ((record.approvedBy() == null) != (record.approvedAt() == null)) {
            throw new ValidationException("approvedAt", "must be set exactly when approvedBy is",
                    record.approvedAt());
        }
        if (status == QuoteStatus.APPROVED && record.approvedBy() == null) {
            throw new ValidationException("approvedBy", "must be set when the quote is APPROVED");
        }
        if ((status == QuoteStatus.DRAFT || status == QuoteStatus.PENDING_APPROVAL) && record.approvedBy() != null) {
            throw new ValidationException("approvedBy", "must be absent while the quote is " + status,
                    record.approvedBy());
        }
        if ((status == QuoteStatus.SENT || status == QuoteStatus.ACCEPTED) && record.sentAt() == null) {
            throw new ValidationException("sentAt", "must be set when the quote is " + status);
        }
        if ((status == QuoteStatus.ACCEPTED) != (record.acceptedAt() != null)) {
            throw new ValidationException("acceptedAt", "must be set exactly when the quote is ACCEPTED",
                    record.acceptedAt());
        }
        Quote q = new Quote(QuoteId.of(record.id()), TenantId.of(record.tenant()), record.version(),
                CustomerId.of(record.customerId()), OpportunityId.of(record.opportunityId()),
                record.campaignId() == null ? null : CampaignId.of(record.campaignId()), currency,
                record.revision(), record.revisionOf() == null ? null : QuoteId.of(record.revisionOf()),
                record.validUntil(), StaffId.of(record.preparedBy()), record.customerGrade(),
                record.customerSegment(), Decimals.percent(record.taxRatePercent(), "taxRatePercent"),
                Decimals.percent(record.approvalThresholdPercent(), "approvalThresholdPercent"), record.createdAt(),
                status, record.nextLineNo(), lines);
        q.supersededBy = record.supersededBy() == null ? null : QuoteId.of(record.supersededBy());
        q.approvedBy = record.approvedBy() == null ? null : StaffId.of(record.approvedBy());
        q.approvedAt = record.approvedAt();
        q.sentAt = record.sentAt();
        q.acceptedAt = record.acceptedAt();
        q.rejectedAt = record.rejectedAt();
        q.rejectionReason = record.rejectionReason();
        requireEqual(q.netTotal(), record.netTotal(), "netTotal");
        requireEqual(q.taxTotal(), record.taxTotal(), "taxTotal");
        requireEqual(q.grossTotal(), record.grossTotal(), "grossTotal");
        return q;
    }

    /** @return the quote as storage keeps it, at the next version ({@link #version()} + 1) */
    public QuoteRecord toRecord() {
        List<QuoteLineRecord> lineRecords = lines.stream().map(l -> new QuoteLineRecord(l.lineNo(), l.productId(),
                l.sku(), l.name(),
                l.options().stream().map(o -> new QuoteOptionRecord(o.code(), o.name(), record(o.priceDelta())))
                        .toList(),
                l.components().stream().map(c -> new QuoteComponentRecord(c.productId(), c.quantityPerUnit()))
                        .toList(),
                l.quantity(), record(l.basePrice()), l.priceListId(), record(l.unitPrice()), l.discountPercent(),
                l.taxRatePercent(), record(l.net()), record(l.tax()), record(l.gross()))).toList();
        return new QuoteRecord(id.value(), tenant.value(), version + 1, customerId.value(), opportunityId.value(),
                campaignId == null ? null : campaignId.value(), currencyCode(), status.name(), revision,
                revisionOf == null ? null : revisionOf.value(), supersededBy == null ? null : supersededBy.value(),
                validUntil, preparedBy.value(), customerGrade, customerSegment, taxRatePercent,
                approvalThresholdPercent, approvedBy == null ? null : approvedBy.value(), approvedAt, createdAt,
                sentAt, acceptedAt, rejectedAt, rejectionReason, nextLineNo, lineRecords, record(netTotal()),
                record(taxTotal()), record(grossTotal()));
    }

    /** @return true if verbs ran since the quote was loaded or last stored */
    boolean hasChanges() {
        return !events.isEmpty();
    }

    /** After a commit: the stored version is one more, and the events are published. */
    void markStored() {
        version++;
        events.clear();
    }

    // ---------------------------------------------------------------- rules

    private void requireEditable(String move) {
        if (!status.isEditable()) {
            throw refused(move);
        }
    }

    /** An edit of an approved quote takes it back to a draft: the approval was for other lines. */
    private void afterEdit() {
        if (status == QuoteStatus.APPROVED) {
            status = QuoteStatus.DRAFT;
            approvedBy = null;
            approvedAt = null;
        }
    }

    private void replace(QuoteLine changed) {
        List<QuoteLine> copy = new ArrayList<>(lines);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).lineNo() == changed.lineNo()) {
                copy.set(i, changed);
            }
        }
        lines = List.copyOf(copy);
    }

    private void requireTransition(QuoteStatus next, String move) {
        if (!status.canTransitionTo(next)) {
            throw refused(move);
        }
    }

    private void requireApprovedIfRequired(String move) {
        if (approvalRequired() && approvedBy == null) {
            throw refused(move + " with a discount of " + maxDiscountPercent().toPlainString()
                    + "% above the approval threshold of " + approvalThresholdPercent.toPlainString()
                    + "% without approval");
        }
    }

    private void requireValidOn(LocalDate today, String move) {
        if (isExpiredOn(today)) {
            throw refused(move + " on " + today + ": the quote expired after " + validUntil);
        }
    }

    private void requireApprover(StaffId approver) {
        if (approver == null) {
            throw new ValidationException("approver", "must not be null");
        }
        if (approver.equals(preparedBy)) {
            throw new ValidationException("approver", "must not be the staff member who prepared the quote",
                    approver);
        }
    }

    private IllegalTransitionException refused(String move) {
        return new IllegalTransitionException(AGGREGATE, id.value(), status.name(), move);
    }

    private static void requireNotPast(LocalDate validUntil, Clock clock) {
        LocalDate today = today(clock);
        if (validUntil.isBefore(today)) {
            throw new ValidationException("validUntil", "must not be before today " + today, validUntil);
        }
    }

    private static void requireEqual(Money computed, MoneyRecord stored, String field) {
        if (!computed.equals(money(stored))) {
            throw new ValidationException(field, "must equal the computed amount " + computed,
                    stored.amount().toPlainString() + " " + stored.currency());
        }
    }

    private static Money money(MoneyRecord r) {
        return Money.of(r.amount(), r.currency());
    }

    private static MoneyRecord record(Money m) {
        return new MoneyRecord(m.amount(), m.currencyCode());
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
