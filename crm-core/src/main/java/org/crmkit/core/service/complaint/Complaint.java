package org.crmkit.core.service.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Enums;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.WorkOrderId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ComplaintRecord;
import org.crmkit.spi.service.ComplaintStepRecord;

/**
 * A customer's complaint, "the customer's blame for a product or service", and its handling
 * through the six steps of domain §10:
 *
 * <ol>
 *   <li>{@link #receive} records it (customer, channel, category, the customer's words, who took
 *       it, when) with a courteous acknowledgement;</li>
 *   <li>{@link #recordExpectation} records the expectation behind it (the remedy the customer expects);</li>
 *   <li>{@link #recordAction} records what was done, each action with who, when and what, and the
 *       work order it opened, if any;</li>
 *   <li>{@link #answer} records the answer; the time to answer is measured from receipt;</li>
 *   <li>{@link #followUp} records the customer's satisfaction with the handling (1 to 5, and a comment);</li>
 *   <li>the {@link ComplaintStatus} machine, with {@link #reopen} and {@link #close}, and the
 *       {@linkplain #steps() steps} it keeps, is the complaint-handling system.</li>
 * </ol>
 *
 * <p>Every verb checks its arguments and the move first: bad input throws
 * {@link ValidationException}, an illegal move throws {@link IllegalTransitionException} naming the
 * aggregate, its id, its state and the move, and either way the complaint is unchanged. Otherwise
 * the verb appends a {@link ComplaintStep} and records one {@link ComplaintEvent}. Steps never go
 * back in time: a verb dated before the latest step is refused on {@code at}.
 *
 * <p>Not thread-safe: a working copy for one unit of work. Obtain and change complaints through
 * {@link Complaints}.
 *
 * @since 0.1
 */
public final class Complaint {

    static final String AGGREGATE = "complaint";
    static final int ACKNOWLEDGEMENT_MAX = 1000;

    /** A step and the value it carries (an expectation, action, answer or follow-up), if any. */
    private record Entry(ComplaintStep step, Object value) {
    }

    private final ComplaintId id;
    private final TenantId tenant;
    private long version;
    private final CustomerId customerId;
    private final Channel channel;
    private final ComplaintCategory category;
    private final String text;
    private final StaffId receivedBy;
    private final Instant receivedAt;
    private final String acknowledgement;
    private final ComplaintId repeatOf;
    private ComplaintStatus status;
    private Instant firstAnsweredAt;
    private Instant awaitingAnswerSince;
    private final List<Entry> entries;
    private final List<ComplaintEvent> events = new ArrayList<>();

    private Complaint(ComplaintId id, TenantId tenant, long version, CustomerId customerId, Channel channel,
                      ComplaintCategory category, String text, StaffId receivedBy, Instant receivedAt,
                      String acknowledgement, ComplaintId repeatOf, ComplaintStatus status, Instant firstAnsweredAt,
                      Instant awaitingAnswerSince, List<Entry> entries) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.customerId = customerId;
        this.channel = channel;
        this.category = category;
        this.text = text;
        this.receivedBy = receivedBy;
        this.receivedAt = receivedAt;
        this.acknowledgement = acknowledgement;
        this.repeatOf = repeatOf;
        this.status = status;
        this.firstAnsweredAt = firstAnsweredAt;
        this.awaitingAnswerSince = awaitingAnswerSince;
        this.entries = new ArrayList<>(entries);
    }

    /**
     * Step 1: records a complaint in state {@link ComplaintStatus#RECEIVED} and records
     * {@link ComplaintEvent.Received}.
     *
     * @param id              the new id; not null
     * @param tenant          the tenant; not null
     * @param customerId      the customer who complains; not null
     * @param channel         the channel it came in on; not null
     * @param category        what it is about; not null
     * @param text            what the customer says, at most 4000 characters; not blank (stripped)
     * @param receivedBy      the staff member who took it; null when the customer filed it alone
     * @param at              when it was received; not null
     * @param acknowledgement the acknowledgement given to the customer, at most 1000 characters; not blank
     * @param repeatOf        the earlier complaint of the customer in the same category it repeats; may be null
     * @return the new, unstored complaint (version 0 until stored)
     * @throws ValidationException naming the field if an argument breaks a rule
     */
    public static Complaint receive(ComplaintId id, TenantId tenant, CustomerId customerId, Channel channel,
                                    ComplaintCategory category, String text, StaffId receivedBy, Instant at,
                                    String acknowledgement, ComplaintId repeatOf) {
        Checks.notNull(id, "complaintId");
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customerId, "customerId");
        Checks.notNull(channel, "channel");
        Checks.notNull(category, "category");
        String words = Checks.required(text, "text", Checks.TEXT_MAX);
        Checks.notNull(at, "at");
        String ack = Checks.required(acknowledgement, "acknowledgement", ACKNOWLEDGEMENT_MAX);
        if (id.equals(repeatOf)) {
            throw new ValidationException("repeatOf", "must be another complaint", repeatOf);
        }
        Complaint c = new Complaint(id, tenant, 0, customerId, channel, category, words, receivedBy, at, ack, repeatOf,
                ComplaintStatus.RECEIVED, null, at, List.of());
        c.entries.add(new Entry(new ComplaintStep(at, receivedBy, ComplaintStepKind.RECEIVED, ack), null));
        c.events.add(new ComplaintEvent.Received(tenant, id, at, customerId, channel, category, ack, repeatOf,
                receivedBy));
        return c;
    }

    /**
     * Rebuilds a stored complaint, replaying its steps.
     *
     * @param r the record; not null
     * @return the complaint at the record's version, with no recorded events
     * @throws ValidationException if the record breaks a rule of the model
     */
    public static Complaint restore(ComplaintRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        ComplaintStatus status = Enums.parse(ComplaintStatus.class, r.status(), "status");
        List<Entry> entries = new ArrayList<>();
        for (ComplaintStepRecord s : r.steps()) {
            StaffId by = s.by() == null ? null : StaffId.of(s.by());
            ComplaintStepKind kind = Enums.parse(ComplaintStepKind.class, s.what(), "steps.what");
            Object value = switch (kind) {
                case EXPECTATION -> new Expectation(Enums.parse(ExpectedRemedy.class, s.code(), "steps.code"),
                        s.text(), s.at(), by);
                case ACTION -> new ComplaintAction(s.at(), by, s.text(),
                        s.workOrderId() == null ? null : WorkOrderId.of(s.workOrderId()));
                case ANSWERED -> new ComplaintAnswer(s.at(), by, s.text());
                case FOLLOWED_UP -> new HandlingFollowUp(s.at(), by,
                        Checks.notNull(s.score(), "steps.score"), s.text());
                default -> null;
            };
            entries.add(new Entry(new ComplaintStep(s.at(), by, kind, s.text()), value));
        }
        if (entries.isEmpty() || entries.get(0).step().what() != ComplaintStepKind.RECEIVED) {
            throw new ValidationException("steps", "must start with the step that received the complaint", r.steps());
        }
        if (status.awaitsAnswer() != (r.awaitingAnswerSince() != null)) {
            throw new ValidationException("awaitingAnswerSince", "must be set exactly while the complaint awaits an "
                    + "answer", r.awaitingAnswerSince());
        }
        boolean answered = entries.stream().anyMatch(e -> e.value() instanceof ComplaintAnswer);
        if (answered != (r.firstAnsweredAt() != null) || (!status.awaitsAnswer() && !answered)) {
            throw new ValidationException("firstAnsweredAt", "must be set exactly when the complaint was answered",
                    r.firstAnsweredAt());
        }
        return new Complaint(ComplaintId.of(r.id()), TenantId.of(r.tenant()), r.version(),
                CustomerId.of(r.customerId()), Enums.parse(Channel.class, r.channel(), "channel"),
                Enums.parse(ComplaintCategory.class, r.category(), "category"),
                Checks.required(r.text(), "text", Checks.TEXT_MAX),
                r.receivedBy() == null ? null : StaffId.of(r.receivedBy()), r.receivedAt(),
                Checks.required(r.acknowledgement(), "acknowledgement", ACKNOWLEDGEMENT_MAX),
                r.repeatOf() == null ? null : ComplaintId.of(r.repeatOf()), status, r.firstAnsweredAt(),
                r.awaitingAnswerSince(), entries);
    }

    /** @return the record of this complaint at its next version, for storing */
    public ComplaintRecord toRecord() {
        List<ComplaintStepRecord> steps = entries.stream().map(Complaint::stepRecord).toList();
        return new ComplaintRecord(id.value(), tenant.value(), version + 1, customerId.value(), channel.name(),
                category.name(), text, receivedBy == null ? null : receivedBy.value(), receivedAt, acknowledgement,
                status.name(), repeatOf != null, repeatOf == null ? null : repeatOf.value(), firstAnsweredAt,
                awaitingAnswerSince, steps);
    }

    private static ComplaintStepRecord stepRecord(Entry e) {
        ComplaintStep s = e.step();
        String by = s.by() == null ? null : s.by().value();
        if (e.value() instanceof Expectation x) {
            return new ComplaintStepRecord(s.at(), by, s.what().name(), x.detail(), x.remedy().name(), null, null);
        }
        if (e.value() instanceof ComplaintAction a) {
            return new ComplaintStepRecord(s.at(), by, s.what().name(), a.what(), null,
                    a.workOrderId() == null ? null : a.workOrderId().value(), null);
        }
        if (e.value() instanceof HandlingFollowUp f) {
            return new ComplaintStepRecord(s.at(), by, s.what().name(), f.comment(), null, null, f.score());
        }
        return new ComplaintStepRecord(s.at(), by, s.what().name(), s.note(), null, null, null);
    }

    // ------------------------------------------------------------------ business verbs

    /**
     * Step 2: records (or revises) the expectation behind the complaint. Allowed while it awaits an
     * answer; moves {@code RECEIVED → UNDER_INVESTIGATION}.
     *
     * @param remedy the remedy the customer expects; not null
     * @param detail what exactly they expect, at most 4000 characters; not blank
     * @param by     who recorded it; null when the customer stated it alone
     * @param at     when; not before the latest step
     * @throws ValidationException        naming the field if an argument breaks a rule
     * @throws IllegalTransitionException if the complaint has been answered or closed
     */
    public void recordExpectation(ExpectedRemedy remedy, String detail, StaffId by, Instant at) {
        Expectation e = new Expectation(remedy, detail, notBeforeLastStep(at), by);
        if (!status.acceptsExpectation()) {
            throw refused("record expectation");
        }
        investigate();
        entries.add(new Entry(new ComplaintStep(at, by, ComplaintStepKind.EXPECTATION, e.detail()), e));
        events.add(new ComplaintEvent.ExpectationRecorded(tenant, id, at, remedy, e.detail(), by));
    }

    /**
     * Step 3: records something done to calm the complaint. Allowed while it is open; moves
     * {@code RECEIVED → UNDER_INVESTIGATION} and leaves other states as they are (a remedy may be
     * carried out after the answer).
     *
     * @param what        what was done, at most 4000 characters; not blank
     * @param workOrderId the work order opened for it; may be null
     * @param by          who acted; not null
     * @param at          when; not before the latest step
     * @throws ValidationException        naming the field if an argument breaks a rule
     * @throws IllegalTransitionException if the complaint is closed
     */
    public void recordAction(String what, WorkOrderId workOrderId, StaffId by, Instant at) {
        ComplaintAction a = new ComplaintAction(notBeforeLastStep(at), by, what, workOrderId);
        if (!status.acceptsActions()) {
            throw refused("record action");
        }
        if (status == ComplaintStatus.RECEIVED) {
            investigate();
        }
        entries.add(new Entry(new ComplaintStep(at, by, ComplaintStepKind.ACTION, a.what()), a));
        events.add(new ComplaintEvent.ActionTaken(tenant, id, at, a.what(), workOrderId, by));
    }

    /**
     * Step 4: answers the customer with a solution: {@code RECEIVED} or
     * {@code UNDER_INVESTIGATION → ANSWERED}. The first answer fixes the time to answer.
     *
     * @param text the answer, at most 4000 characters; not blank
     * @param by   who answered; not null
     * @param at   when; not before the latest step
     * @throws ValidationException        naming the field if an argument breaks a rule
     * @throws IllegalTransitionException if the complaint is answered already, followed up or closed
     */
    public void answer(String text, StaffId by, Instant at) {
        ComplaintAnswer a = new ComplaintAnswer(notBeforeLastStep(at), by, text);
        check(ComplaintStatus.ANSWERED, "answer");
        status = ComplaintStatus.ANSWERED;
        awaitingAnswerSince = null;
        if (firstAnsweredAt == null) {
            firstAnsweredAt = at;
        }
        entries.add(new Entry(new ComplaintStep(at, by, ComplaintStepKind.ANSWERED, a.text()), a));
        events.add(new ComplaintEvent.Answered(tenant, id, at, Duration.between(receivedAt, firstAnsweredAt), by));
    }

    /**
     * Step 5: records the customer's satisfaction with the handling: {@code ANSWERED → FOLLOWED_UP}.
     *
     * @param score   1 to 5
     * @param comment the customer's words; may be null
     * @param by      who asked; null when the customer answered alone
     * @param at      when; not before the latest step
     * @throws ValidationException        on {@code score} if it is outside 1 to 5, or naming another field
     * @throws IllegalTransitionException if the complaint is not answered (or already followed up, or closed)
     */
    public void followUp(int score, String comment, StaffId by, Instant at) {
        HandlingFollowUp f = new HandlingFollowUp(notBeforeLastStep(at), by, score, comment);
        check(ComplaintStatus.FOLLOWED_UP, "follow up");
        status = ComplaintStatus.FOLLOWED_UP;
        entries.add(new Entry(new ComplaintStep(at, by, ComplaintStepKind.FOLLOWED_UP, f.comment()), f));
        events.add(new ComplaintEvent.FollowedUp(tenant, id, at, score, by));
    }

    /**
     * The customer is not satisfied with the answer: {@code ANSWERED} or
     * {@code FOLLOWED_UP → UNDER_INVESTIGATION}. The complaint waits for a new answer from now on.
     *
     * @param reason why, at most 4000 characters; may be null
     * @param by     who reopened it; null when the customer did
     * @param at     when; not before the latest step
     * @throws IllegalTransitionException if the complaint is not answered, or closed
     */
    public void reopen(String reason, StaffId by, Instant at) {
        String why = Checks.optional(reason, "reason", Checks.TEXT_MAX);
        notBeforeLastStep(at);
        if (status != ComplaintStatus.ANSWERED && status != ComplaintStatus.FOLLOWED_UP) {
            throw refused("reopen");
        }
        status = ComplaintStatus.UNDER_INVESTIGATION;
        awaitingAnswerSince = at;
        entries.add(new Entry(new ComplaintStep(at, by, ComplaintStepKind.REOPENED, why), null));
        events.add(new ComplaintEvent.Reopened(tenant, id, at, why, by));
    }

    /**
     * Closes an answered complaint: {@code ANSWERED} or {@code FOLLOWED_UP → CLOSED}, final. A
     * complaint that has not been answered cannot be closed.
     *
     * @param by who closes it; null when the system does
     * @param at when; not before the latest step
     * @throws IllegalTransitionException if the complaint has not been answered ("close without an
     *                                    answer"), or is closed already
     */
    public void close(StaffId by, Instant at) {
        notBeforeLastStep(at);
        if (status.awaitsAnswer()) {
            throw refused("close without an answer (answer the customer first)");
        }
        check(ComplaintStatus.CLOSED, "close");
        status = ComplaintStatus.CLOSED;
        entries.add(new Entry(new ComplaintStep(at, by, ComplaintStepKind.CLOSED, null), null));
        events.add(new ComplaintEvent.Closed(tenant, id, at, by));
    }

    // ------------------------------------------------------------------ accessors

    /** @return the id */
    public ComplaintId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version: 0 before it is first stored, one more per stored change */
    public long version() {
        return version;
    }

    /** @return the customer who complained */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the channel it came in on */
    public Channel channel() {
        return channel;
    }

    /** @return what it is about */
    public ComplaintCategory category() {
        return category;
    }

    /** @return what the customer said */
    public String text() {
        return text;
    }

    /** @return the staff member who received it, if one did */
    public Optional<StaffId> receivedBy() {
        return Optional.ofNullable(receivedBy);
    }

    /** @return when it was received */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return the acknowledgement the customer was given when it was received */
    public String acknowledgement() {
        return acknowledgement;
    }

    /** @return the current state */
    public ComplaintStatus status() {
        return status;
    }

    /**
     * @return whether it repeats an earlier complaint of the same customer in the same category,
     *         as judged by the repeat window in force when it was received
     */
    public boolean isRepeat() {
        return repeatOf != null;
    }

    /** @return the earlier complaint it repeats, if it is a repeat */
    public Optional<ComplaintId> repeatOf() {
        return Optional.ofNullable(repeatOf);
    }

    /** @return the latest expectation recorded, if any */
    public Optional<Expectation> expectation() {
        List<Expectation> all = expectations();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** @return every expectation recorded, oldest first; unmodifiable */
    public List<Expectation> expectations() {
        return values(Expectation.class);
    }

    /** @return every action taken, oldest first; unmodifiable */
    public List<ComplaintAction> actions() {
        return values(ComplaintAction.class);
    }

    /** @return every answer given (more than one if it was reopened), oldest first; unmodifiable */
    public List<ComplaintAnswer> answers() {
        return values(ComplaintAnswer.class);
    }

    /** @return the answer in force: the latest, unless the complaint was reopened since */
    public Optional<ComplaintAnswer> answer() {
        List<ComplaintAnswer> all = answers();
        return status.awaitsAnswer() || all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** @return every follow-up of the customer's satisfaction, oldest first; unmodifiable */
    public List<HandlingFollowUp> followUps() {
        return values(HandlingFollowUp.class);
    }

    /** @return every step of the handling, oldest first; unmodifiable */
    public List<ComplaintStep> steps() {
        return entries.stream().map(Entry::step).toList();
    }

    /** @return when the customer was first answered, if they were */
    public Optional<Instant> firstAnsweredAt() {
        return Optional.ofNullable(firstAnsweredAt);
    }

    /** @return the time from receipt to the first answer, if it was answered; never negative */
    public Optional<Duration> timeToAnswer() {
        return firstAnsweredAt().map(a -> Duration.between(receivedAt, a));
    }

    /** @return since when it waits for an answer (its receipt, or its latest reopening), while it does */
    public Optional<Instant> awaitingAnswerSince() {
        return Optional.ofNullable(awaitingAnswerSince);
    }

    /**
     * @param target how long an answer may take; not null, positive
     * @return when an answer is due, while the complaint waits for one
     */
    public Optional<Instant> answerDueBy(Duration target) {
        Objects.requireNonNull(target, "target must not be null");
        return awaitingAnswerSince().map(since -> since.plus(target));
    }

    /**
     * @param now    the current time; not null
     * @param target how long an answer may take; not null
     * @return whether it waits for an answer and its due time is before {@code now}
     */
    public boolean isAnswerOverdue(Instant now, Duration target) {
        Objects.requireNonNull(now, "now must not be null");
        return answerDueBy(target).map(due -> due.isBefore(now)).orElse(false);
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<ComplaintEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "Complaint[" + id + ", " + category + ", " + status + ", v" + version + "]";
    }

    // ------------------------------------------------------------------ persistence support

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    private <T> List<T> values(Class<T> type) {
        return entries.stream().map(Entry::value).filter(type::isInstance).map(type::cast).toList();
    }

    /** Refuses, without changing anything, a move that needs the complaint to accept actions. */
    void requireAcceptsActions(String move) {
        if (!status.acceptsActions()) {
            throw refused(move);
        }
    }

    private Instant notBeforeLastStep(Instant at) {
        return Checks.notBefore(at, entries.get(entries.size() - 1).step().at(), "at");
    }

    private void investigate() {
        if (status == ComplaintStatus.RECEIVED) {
            status = ComplaintStatus.UNDER_INVESTIGATION;
        }
    }

    private void check(ComplaintStatus next, String move) {
        if (!status.canTransitionTo(next)) {
            throw refused(move);
        }
    }

    private IllegalTransitionException refused(String move) {
        return new IllegalTransitionException(AGGREGATE, id.value(), status.name(),
                move + " (allowed moves: " + status.successors() + ")");
    }
}
