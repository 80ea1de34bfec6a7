package org.crmkit.core.sales.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.sales.LeadId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.Organisation;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.LeadRecord;

/**
 * A sales lead (domain §9): a person who may buy, captured from a campaign or elsewhere, with
 * contact details (a normalised e-mail address and/or phone number), the organisation they speak
 * for, their stated interest, a status, and a {@linkplain LeadScore score that explains itself}.
 *
 * <p>Its status follows {@link LeadStatus}: contacted, qualified, then converted into exactly one
 * customer and one opportunity ({@link #convert}); or disqualified with a reason, and possibly
 * reopened by contacting it again. Every move is kept in {@link #history()}. A converted lead is
 * final: every further verb is refused and it never changes again. A refused move throws
 * {@link IllegalTransitionException} and changes nothing; bad input throws
 * {@link ValidationException} naming the field and changes nothing. Every verb records a
 * {@link LeadEvent}.
 *
 * <p>Invariants (checked on {@link #restore}): at least one of e-mail and phone; a
 * disqualification reason exactly when disqualified; a customer and an opportunity exactly when
 * converted; the score's reasons add up to its total; the history starts with the capture, every
 * step is an allowed move, and it ends in the current status.
 *
 * <p>Not thread-safe: a {@code Lead} is a working copy for one unit of work.
 *
 * @since 0.1
 */
public final class Lead {

    /** The aggregate's name in {@link IllegalTransitionException}s. */
    static final String AGGREGATE = "lead";

    private final LeadId id;
    private final TenantId tenant;
    private long version;
    private final CampaignId campaignId;
    private final String personName;
    private final EmailAddress email;
    private final PhoneNumber phone;
    private final String organisation;
    private final String interest;
    private LeadStatus status;
    private String disqualificationReason;
    private LeadScore score;
    private Instant lastContactedAt;
    private CustomerId customerId;
    private OpportunityId opportunityId;
    private final StaffId owner;
    private final List<LeadStatusChange> history;
    private final Instant createdAt;
    private Instant updatedAt;
    private final List<LeadEvent> events = new ArrayList<>();

    private Lead(LeadId id, TenantId tenant, long version, CampaignId campaignId, String personName,
                 EmailAddress email, PhoneNumber phone, String organisation, String interest, LeadStatus status,
                 String disqualificationReason, LeadScore score, Instant lastContactedAt, CustomerId customerId,
                 OpportunityId opportunityId, StaffId owner, List<LeadStatusChange> history, Instant createdAt,
                 Instant updatedAt) {
        this.id = Text.notNull(id, "id");
        this.tenant = Text.notNull(tenant, "tenant");
        if (version < 0) {
            throw new ValidationException("version", "must not be negative", version);
        }
        this.version = version;
        this.campaignId = campaignId;
        this.personName = Text.required(personName, "personName", 200);
        if (email == null && phone == null) {
            throw new ValidationException("email", "must be given when there is no phone");
        }
        this.email = email;
        this.phone = phone;
        this.organisation = Text.optional(organisation, "organisation", 300);
        this.interest = Text.optional(interest, "interest", 2000);
        this.status = Text.notNull(status, "status");
        this.disqualificationReason = Text.optional(disqualificationReason, "disqualificationReason", 1000);
        if ((status == LeadStatus.DISQUALIFIED) != (disqualificationReason != null)) {
            throw new ValidationException("disqualificationReason", status == LeadStatus.DISQUALIFIED
                    ? "must be given for a disqualified lead" : "must be absent unless the lead is disqualified");
        }
        this.score = Text.notNull(score, "score");
        this.lastContactedAt = lastContactedAt;
        boolean converted = status == LeadStatus.CONVERTED;
        if (converted != (customerId != null) || converted != (opportunityId != null)) {
            throw new ValidationException(customerId == null ? "customerId" : "opportunityId", converted
                    ? "must be given for a converted lead" : "must be absent unless the lead is converted");
        }
        this.customerId = customerId;
        this.opportunityId = opportunityId;
        this.owner = Text.notNull(owner, "owner");
        this.history = new ArrayList<>(Text.notNull(history, "history"));
        this.createdAt = Text.notNull(createdAt, "createdAt");
        this.updatedAt = Text.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new ValidationException("updatedAt", "must not be before createdAt " + createdAt, updatedAt);
        }
        checkHistory();
        if (lastContactedAt == null && this.history.stream().anyMatch(h -> h.to() == LeadStatus.CONTACTED)) {
            throw new ValidationException("lastContactedAt", "must be given for a lead that was contacted");
        }
    }

    // ------------------------------------------------------------------ factories

    /**
     * Captures a new lead in status {@link LeadStatus#NEW}: normalises its e-mail address and
     * phone number, scores it with {@code model}, and records {@link LeadEvent.Captured}. The lead
     * is not stored yet (its version is 0); {@link Leads#capture} stores it.
     *
     * @param command what to capture; not null
     * @param id      the new lead's id; not null
     * @param tenant  its tenant; not null
     * @param model   the scoring model; not null
     * @param clock   the source of time; not null
     * @return the captured lead
     * @throws ValidationException naming the field, if the command breaks a rule
     */
    public static Lead capture(CaptureLead command, LeadId id, TenantId tenant, LeadScoringModel model, Clock clock) {
        Text.notNull(command, "command");
        Text.notNull(model, "model");
        StaffId by = Text.notNull(command.capturedBy(), "capturedBy");
        EmailAddress email = command.email() == null ? null : EmailAddress.parse(command.email());
        PhoneNumber phone = command.phone() == null ? null : parsePhone(command.phone(), command.defaultCountryCode());
        Instant now = now(clock);
        Lead lead = new Lead(id, tenant, 0, command.campaign(), command.personName(), email, phone,
                command.organisation(), command.interest(), LeadStatus.NEW, null, LeadScore.zero(), null, null, null,
                command.owner(), List.of(new LeadStatusChange(null, LeadStatus.NEW, now, by, null)), now, now);
        lead.score = Text.notNull(model.score(lead, now), "score");
        lead.events.add(new LeadEvent.Captured(tenant, id, now, lead.campaignId, lead.owner, by));
        return lead;
    }

    /**
     * Rebuilds a lead from its stored record, checking every invariant. Records no event.
     *
     * @param record the stored lead; not null
     * @return the lead, at the record's version
     * @throws ValidationException if the record breaks a rule of the model
     */
    public static Lead restore(LeadRecord record) {
        Text.notNull(record, "record");
        return new Lead(new LeadId(record.id()), TenantId.of(record.tenant()), record.version(),
                record.campaignId() == null ? null : new CampaignId(record.campaignId()), record.personName(),
                record.email() == null ? null : new EmailAddress(record.email()),
                record.phone() == null ? null : new PhoneNumber(record.phone()), record.organisation(),
                record.interest(), LeadStatus.parse(record.status()), record.disqualificationReason(),
                LeadRecords.score(record), record.lastContactedAt(),
                record.customerId() == null ? null : new CustomerId(record.customerId()),
                record.opportunityId() == null ? null : new OpportunityId(record.opportunityId()),
                StaffId.of(record.ownerId()), record.history().stream().map(LeadRecords::change).toList(),
                record.createdAt(), record.updatedAt());
    }

    /**
     * Writes the lead as the record of its next version: version 1 for a new lead, one more than
     * {@link #version()} for a changed one.
     *
     * @return the record; never null
     */
    public LeadRecord toRecord() {
        return LeadRecords.toRecord(this, version + 1);
    }

    // ------------------------------------------------------------------ verbs

    /**
     * Records that someone was in touch with the lead. A new lead becomes contacted; a
     * disqualified lead is reopened (contacted again; its disqualification stays in the history);
     * a contacted or qualified lead keeps its status and only its {@link #lastContactedAt()}
     * moves (a follow-up). Does not rescore: see {@link #rescore}.
     *
     * @param by    who was in touch; not null
     * @param clock the source of time; not null
     * @throws IllegalTransitionException if the lead is converted
     */
    public void contact(StaffId by, Clock clock) {
        Text.notNull(by, "by");
        Instant at = now(clock);
        LeadStatus before = status;
        if (status == LeadStatus.NEW || status == LeadStatus.DISQUALIFIED) {
            move(LeadStatus.CONTACTED, by, null, at);
            disqualificationReason = null;
        } else if (status == LeadStatus.CONVERTED) {
            throw refused("contact");
        } else {
            touch(at);
        }
        lastContactedAt = at;
        events.add(new LeadEvent.Contacted(tenant, id, at, before, by));
    }

    /**
     * Qualifies a contacted lead: judged worth pursuing.
     *
     * @param by    who judged it; not null
     * @param clock the source of time; not null
     * @throws IllegalTransitionException if the lead is not contacted
     */
    public void qualify(StaffId by, Clock clock) {
        Text.notNull(by, "by");
        Instant at = now(clock);
        move(LeadStatus.QUALIFIED, by, null, at);
        events.add(new LeadEvent.Qualified(tenant, id, at, by));
    }

    /**
     * Disqualifies a new, contacted or qualified lead, for a reason.
     *
     * @param reason why; not blank, at most 1000 characters
     * @param by     who judged it; not null
     * @param clock  the source of time; not null
     * @throws ValidationException        on {@code reason} if it is blank
     * @throws IllegalTransitionException if the lead is disqualified already or converted
     */
    public void disqualify(String reason, StaffId by, Clock clock) {
        String why = Text.required(reason, "reason", 1000);
        Text.notNull(by, "by");
        Instant at = now(clock);
        LeadStatus before = status;
        move(LeadStatus.DISQUALIFIED, by, why, at);
        disqualificationReason = why;
        events.add(new LeadEvent.Disqualified(tenant, id, at, before, why, by));
    }

    /**
     * Records that the qualified lead was converted into {@code customer} (an existing one or one
     * created from {@link #toRegisterCustomer}) and {@code opportunity}. The caller creates both
     * in the same unit of work as it stores the converted lead, so that nothing is half-converted.
     * Converting twice is refused: a converted lead never changes again.
     *
     * @param customer    the customer; not null
     * @param opportunity the opportunity; not null
     * @param by          who converted it; not null
     * @param clock       the source of time; not null
     * @throws IllegalTransitionException if the lead is not qualified (including when it is
     *                                    converted already); nothing changes
     */
    public void convert(CustomerId customer, OpportunityId opportunity, StaffId by, Clock clock) {
        Text.notNull(customer, "customerId");
        Text.notNull(opportunity, "opportunityId");
        Text.notNull(by, "by");
        Instant at = now(clock);
        move(LeadStatus.CONVERTED, by, null, at);
        customerId = customer;
        opportunityId = opportunity;
        events.add(new LeadEvent.Converted(tenant, id, at, customer, opportunity, by));
    }

    /**
     * Scores the lead again with {@code model}, for example because time passed since it was last
     * contacted. A converted lead keeps the score it had when converted, and a score that did not
     * change is not recorded again.
     *
     * @param model the model; not null
     * @param clock the source of time; not null
     * @return whether the score changed
     */
    public boolean rescore(LeadScoringModel model, Clock clock) {
        Text.notNull(model, "model");
        Instant at = now(clock);
        if (status == LeadStatus.CONVERTED) {
            return false;
        }
        LeadScore next = Text.notNull(model.score(this, at), "score");
        if (next.equals(score)) {
            return false;
        }
        int before = score.total();
        score = next;
        touch(at);
        events.add(new LeadEvent.Rescored(tenant, id, at, before, next.total()));
        return true;
    }

    // ------------------------------------------------------------------ queries

    /**
     * The command that registers a new customer from this lead's contact data: a B2B customer
     * named after the organisation when the lead speaks for one, otherwise a B2C customer named
     * after the person; with the lead's e-mail address and phone number, owned by the lead's owner.
     * The person's name of a B2B lead is not part of the command (a customer has no contact
     * persons yet); record it, if needed, as an interaction.
     *
     * @param registeredBy who registers the customer (usually who converts the lead); not null
     * @return the command; never null
     */
    public RegisterCustomer toRegisterCustomer(StaffId registeredBy) {
        Text.notNull(registeredBy, "registeredBy");
        RegisterCustomer.Builder b = organisation == null
                ? RegisterCustomer.builder(CustomerType.B2C, personName, owner.value())
                : RegisterCustomer.builder(CustomerType.B2B, organisation, owner.value())
                        .organisation(Organisation.named(organisation));
        b.registeredBy(registeredBy.value());
        if (email != null) {
            b.email(email.value());
        }
        if (phone != null) {
            b.phone(phone.value());
        }
        return b.build();
    }

    // ------------------------------------------------------------------ accessors

    /** @return the lead's id */
    public LeadId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version this working copy was read at; 0 if never stored */
    public long version() {
        return version;
    }

    /** @return the campaign that caused the lead, if any */
    public Optional<CampaignId> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    /** @return the contact person's name */
    public String personName() {
        return personName;
    }

    /** @return the normalised e-mail address, if given (at least one of e-mail and phone is) */
    public Optional<EmailAddress> email() {
        return Optional.ofNullable(email);
    }

    /** @return the phone number in E.164 form, if given */
    public Optional<PhoneNumber> phone() {
        return Optional.ofNullable(phone);
    }

    /** @return the organisation's name as given, if the person speaks for one */
    public Optional<String> organisation() {
        return Optional.ofNullable(organisation);
    }

    /** @return the stated interest, if any */
    public Optional<String> interest() {
        return Optional.ofNullable(interest);
    }

    /** @return the status */
    public LeadStatus status() {
        return status;
    }

    /** @return why the lead is disqualified; present exactly when it is */
    public Optional<String> disqualificationReason() {
        return Optional.ofNullable(disqualificationReason);
    }

    /** @return the score, with its reasons */
    public LeadScore score() {
        return score;
    }

    /** @return when someone was last in touch with the lead, if ever */
    public Optional<Instant> lastContactedAt() {
        return Optional.ofNullable(lastContactedAt);
    }

    /** @return the customer it was converted into; present exactly when converted */
    public Optional<CustomerId> customerId() {
        return Optional.ofNullable(customerId);
    }

    /** @return the opportunity it was converted into; present exactly when converted */
    public Optional<OpportunityId> opportunityId() {
        return Optional.ofNullable(opportunityId);
    }

    /** @return the responsible staff member */
    public StaffId owner() {
        return owner;
    }

    /** @return every status change, oldest first (the first one is the capture); unmodifiable */
    public List<LeadStatusChange> history() {
        return Collections.unmodifiableList(history);
    }

    /** @return when it was captured */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return the events recorded on this working copy since it was captured or read; unmodifiable */
    public List<LeadEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "Lead[" + id + ", '" + personName + "', " + status + ", score " + score.total() + ", v" + version + "]";
    }

    // ------------------------------------------------------------------ persistence support

    /**
     * Marks this working copy as stored at {@code storedVersion} and forgets its recorded events
     * (the caller publishes them after the commit). For services that store leads, such as the
     * conversion.
     *
     * @param storedVersion the version now stored: {@link #version()} + 1
     * @throws ValidationException on {@code version} if it is not {@link #version()} + 1
     */
    public void markStored(long storedVersion) {
        if (storedVersion != version + 1) {
            throw new ValidationException("version", "must be " + (version + 1), storedVersion);
        }
        version = storedVersion;
        events.clear();
    }

    // ------------------------------------------------------------------ internals

    private void move(LeadStatus next, StaffId by, String reason, Instant at) {
        if (!status.canTransitionTo(next)) {
            throw refused("to " + next);
        }
        touch(at);
        history.add(new LeadStatusChange(status, next, at, by, reason));
        status = next;
    }

    private IllegalTransitionException refused(String move) {
        return new IllegalTransitionException(AGGREGATE, id.value(), status.name(), move);
    }

    private void touch(Instant at) {
        updatedAt = at.isAfter(updatedAt) ? at : updatedAt;
    }

    private static Instant now(Clock clock) {
        return Objects.requireNonNull(clock, "clock must not be null").instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static PhoneNumber parsePhone(String text, int defaultCountryCode) {
        if (defaultCountryCode < 0 || defaultCountryCode > 999) {
            throw new ValidationException("defaultCountryCode", "must be between 1 and 999, or 0 for none",
                    defaultCountryCode);
        }
        return defaultCountryCode == 0 ? PhoneNumber.parse(text) : PhoneNumber.parse(text, defaultCountryCode);
    }

    private void checkHistory() {
        if (history.isEmpty()) {
            throw new ValidationException("history", "must hold at least the capture");
        }
        for (int i = 0; i < history.size(); i++) {
            LeadStatusChange c = Text.notNull(history.get(i), "history[" + i + "]");
            if (i == 0) {
                if (c.from() != null || c.to() != LeadStatus.NEW) {
                    throw new ValidationException("history[0]", "must be the capture (none to NEW)");
                }
                continue;
            }
            LeadStatusChange before = history.get(i - 1);
            if (c.from() != before.to() || !c.from().canTransitionTo(c.to())) {
                throw new ValidationException("history[" + i + "]", "must be an allowed move from " + before.to(),
                        c.from() + " to " + c.to());
            }
            if (c.to() == LeadStatus.DISQUALIFIED && c.reason() == null) {
                throw new ValidationException("history[" + i + "].reason", "must be given for a disqualification");
            }
            if (c.at().isBefore(before.at())) {
                throw new ValidationException("history[" + i + "].at", "must not be before the previous change");
            }
        }
        LeadStatus last = history.get(history.size() - 1).to();
        if (last != status) {
            throw new ValidationException("status", "must be where the history ends, " + last, status);
        }
    }
}
