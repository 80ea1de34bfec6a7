package org.crmkit.core.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;

/**
 * A customer of the company (domain §2-§4): a person, a business, a channel partner or an
 * internal unit, with its contact points, attributes, consents, relationship level, lifecycle
 * stage and owner.
 *
 * <p>The customer belongs to the company, not to the salesperson: {@link #reassignOwner} keeps
 * the full history of owners, and every interaction any department records stays on the
 * customer's timeline.
 *
 * <p>A customer changes only through its business verbs ({@link #reassignOwner},
 * {@link #recordInteraction}, {@link #grantConsent}, ...). Each verb validates its input, throws
 * a {@link ValidationException} naming the field if it is bad (leaving the customer unchanged),
 * and records a {@link CustomerEvent}. Obtain customers from
 * {@link Customers#register(RegisterCustomer)} and change them with
 * {@link Customers#change(CustomerId, java.util.function.Consumer)}, which stores the change
 * and its timeline entries in one unit of work.
 *
 * <p>Not thread-safe: a {@code Customer} is a working copy for one unit of work.
 *
 * @since 0.1
 */
public final class Customer {

    private final CustomerId id;
    private final TenantId tenant;
    private long version;
    private final CustomerType type;
    private String name;
    private Organisation organisation;
    private RelationshipLevel relationshipLevel;
    private LifecycleStage lifecycleStage;
    private final List<ContactPoint> contactPoints;
    private final List<PostalAddress> postalAddresses;
    private final Map<String, Attribute> attributes;
    private final List<Consent> consents;
    private final List<OwnerAssignment> ownerHistory;
    private final Instant createdAt;
    private Instant updatedAt;

    private final Clock clock;
    private final IdGenerator ids;
    private final List<CustomerEvent> events = new ArrayList<>();
    private final List<TimelineEntry> newEntries = new ArrayList<>();
    private boolean stateChanged;

    private Customer(CustomerState s, Clock clock, IdGenerator ids) {
        this.id = s.id();
        this.tenant = s.tenant();
        this.version = s.version();
        this.type = s.type();
        this.name = s.name();
        this.organisation = s.organisation();
        this.relationshipLevel = s.relationshipLevel();
        this.lifecycleStage = s.lifecycleStage();
        this.contactPoints = new ArrayList<>(s.contactPoints());
        this.postalAddresses = new ArrayList<>(s.postalAddresses());
        this.attributes = new LinkedHashMap<>();
        for (Attribute a : s.attributes()) {
            if (attributes.put(key(a.category(), a.name()), a) != null) {
                throw new ValidationException("attributes", "must not hold " + a.category() + " '" + a.name() + "' twice");
            }
        }
        this.consents = new ArrayList<>(s.consents());
        this.ownerHistory = new ArrayList<>(s.ownerHistory());
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        checkInvariants();
    }

    // ------------------------------------------------------------------ factories

    /**
     * Registers a new customer: validates the command, normalises its contact points, starts the
     * relationship in {@link LifecycleStage#EXPLORATION}, and records
     * {@link CustomerEvent.Registered}. The customer is not stored yet (its version is 0).
     *
     * @throws ValidationException naming the field, if the command breaks a rule
     */
    static Customer register(RegisterCustomer command, CustomerId id, TenantId tenant, Clock clock,
                             IdGenerator ids) {
        if (command == null) {
            throw new ValidationException("command", "must not be null");
        }
        if (command.type() == null) {
            throw new ValidationException("type", "must be one of B2C, B2B, CHANNEL, INTERNAL");
        }
        String name = Texts.required(command.name(), "name", 500);
        StaffId owner = staff(command.owner(), "owner");
        StaffId registeredBy = staff(command.registeredBy(), "registeredBy");
        checkOrganisation(command.type(), command.organisation());
        if (command.defaultCountryCode() < 0 || command.defaultCountryCode() > 999) {
            throw new ValidationException("defaultCountryCode", "must be between 1 and 999, or 0 for none",
                    command.defaultCountryCode());
        }
        Instant now = now(clock);

        List<ContactPoint> points = new ArrayList<>();
        for (int i = 0; i < command.emails().size(); i++) {
            EmailAddress email = EmailAddress.parse(command.emails().get(i), "emails[" + i + "]");
            addUnique(points, ContactPoint.email(email, null, false), "emails[" + i + "]");
        }
        for (int i = 0; i < command.phones().size(); i++) {
            String field = "phones[" + i + "]";
            PhoneNumber phone = PhoneNumber.parse(command.phones().get(i), command.defaultCountryCode(), field);
            addUnique(points, ContactPoint.phone(phone, null, false), field);
        }
        List<ContactPoint> withPrimaries = new ArrayList<>();
        for (ContactPoint p : points) {
            boolean first = withPrimaries.stream().noneMatch(q -> q.kind() == p.kind());
            withPrimaries.add(p.withPrimary(first));
        }
        List<PostalAddress> addresses = new ArrayList<>();
        int primaryAddress = -1;
        for (int i = 0; i < command.postalAddresses().size(); i++) {
            String field = "postalAddresses[" + i + "]";
            PostalAddress a = command.postalAddresses().get(i);
            if (a == null) {
                throw new ValidationException(field, "must not be null");
            }
            if (addresses.stream().anyMatch(a::samePlaceAs)) {
                throw new ValidationException(field, "must not be given twice", a.toMultilineString());
            }
            if (a.primary()) {
                if (primaryAddress >= 0) {
                    throw new ValidationException(field, "must not be primary: postalAddresses["
                            + primaryAddress + "] already is");
                }
                primaryAddress = i;
            }
            addresses.add(a);
        }
        int primary = Math.max(primaryAddress, 0);
        for (int i = 0; i < addresses.size(); i++) {
            addresses.set(i, addresses.get(i).withPrimary(i == primary));
        }

        CustomerState state = new CustomerState(id, tenant, 0, command.type(), name, command.organisation(),
                command.relationshipLevel() == null ? RelationshipLevel.BASIC : command.relationshipLevel(),
                LifecycleStage.EXPLORATION, withPrimaries, addresses, List.of(), List.of(),
                List.of(new OwnerAssignment(owner, now, null, registeredBy, "registered")), now, now);
        Customer c = new Customer(state, clock, ids);
        c.events.add(new CustomerEvent.Registered(tenant, id, now, c.type, name, owner, registeredBy));
        c.entry(now, TimelineKind.REGISTERED, null, registeredBy, null,
                "Registered as " + (c.type == CustomerType.INTERNAL ? "an " : "a ") + c.type + " customer, owned by "
                        + owner, null);
        return c;
    }

    /**
     * Rebuilds a customer from its stored state, checking every invariant. Records no event.
     *
     * @throws ValidationException if the state breaks an invariant
     */
    static Customer restore(CustomerState state, Clock clock, IdGenerator ids) {
        return new Customer(Objects.requireNonNull(state, "state must not be null"), clock, ids);
    }

    // ------------------------------------------------------------------ verbs

    /**
     * Changes the display name.
     *
     * @param newName the new name; not blank, at most 500 characters
     * @param by      who made the change
     */
    public void rename(String newName, StaffId by) {
        String n = Texts.required(newName, "name", 500);
        requireStaff(by, "by");
        if (n.equals(name)) {
            return;
        }
        Instant now = touch();
        String old = name;
        name = n;
        events.add(new CustomerEvent.Renamed(tenant, id, now, old, n, by));
    }

    /**
     * Makes another staff member responsible for the customer. The previous owner's period is
     * closed and kept in {@link #ownerHistory()}; the change goes on the timeline.
     *
     * @param newOwner the new owner; must differ from the current one
     * @param by       who decided it (a manager routing the customer, say)
     * @param reason   why; may be null
     * @throws ValidationException on field {@code owner} if {@code newOwner} already owns the customer
     */
    public void reassignOwner(StaffId newOwner, StaffId by, String reason) {
        requireStaff(newOwner, "owner");
        requireStaff(by, "by");
        String why = Texts.optional(reason, "reason", 1000);
        StaffId previous = owner();
        if (previous.equals(newOwner)) {
            throw new ValidationException("owner", "must differ from the current owner", newOwner.value());
        }
        int last = ownerHistory.size() - 1;
        Instant start = ownerHistory.get(last).from();
        if (now(clock).isBefore(start)) {
            throw new ValidationException("owner", "cannot change before the current owner's period began at "
                    + start + " (is the clock behind?)");
        }
        Instant now = touch();
        ownerHistory.set(last, ownerHistory.get(last).endAt(now));
        ownerHistory.add(new OwnerAssignment(newOwner, now, null, by, why));
        events.add(new CustomerEvent.OwnerReassigned(tenant, id, now, previous, newOwner, by, why));
        entry(now, TimelineKind.OWNER_REASSIGNED, null, by, null,
                "Owner changed from " + previous + " to " + newOwner + (why == null ? "" : ": " + why), null);
    }

    /**
     * Records an interaction on the customer's timeline. The timeline is append-only and apart
     * from the customer's own state: recording an interaction changes neither the customer's
     * version nor its {@link #updatedAt()}, so departments recording interactions at the same
     * time never conflict with each other or with changes to the customer.
     *
     * @param interaction what happened; its time, if given, must not be in the future
     * @return the timeline entry it became
     */
    public TimelineEntry recordInteraction(Interaction interaction) {
        if (interaction == null) {
            throw new ValidationException("interaction", "must not be null");
        }
        Instant now = now(clock);
        Instant at = interaction.when().orElse(now);
        if (at.isAfter(now)) {
            throw new ValidationException("interaction.occurredAt", "must not be in the future", at);
        }
        TimelineEntry e = entry(at, TimelineKind.INTERACTION, interaction.channel(), interaction.staff(),
                interaction.department(), interaction.summary(), interaction.outcome());
        events.add(new CustomerEvent.InteractionRecorded(tenant, id, now, e.id(), interaction.channel(),
                interaction.staff(), interaction.department()));
        return e;
    }

    /**
     * Records that the customer granted consent to be contacted on {@code channel} for
     * {@code purpose}. Granting again renews the consent with the new evidence.
     *
     * @param channel  an outbound channel (not {@link Channel#IN_PERSON})
     * @param purpose  the purpose; not null
     * @param evidence how the consent was obtained; not blank
     */
    public void grantConsent(Channel channel, Purpose purpose, String evidence) {
        Consent c = recordConsent(channel, purpose, ConsentStatus.GRANTED, evidence);
        events.add(new CustomerEvent.ConsentGranted(tenant, id, c.at(), channel, purpose, c.evidence()));
    }

    /**
     * Records that the customer withdrew consent to be contacted on {@code channel} for
     * {@code purpose}. From now on messages for that purpose on that channel are refused.
     * Withdrawing a consent never granted is recorded too (an explicit opt-out).
     *
     * @param channel  an outbound channel
     * @param purpose  the purpose; not null
     * @param evidence how the withdrawal was received; not blank
     */
    public void withdrawConsent(Channel channel, Purpose purpose, String evidence) {
        Consent c = recordConsent(channel, purpose, ConsentStatus.WITHDRAWN, evidence);
        events.add(new CustomerEvent.ConsentWithdrawn(tenant, id, c.at(), channel, purpose, c.evidence()));
    }

    private Consent recordConsent(Channel channel, Purpose purpose, ConsentStatus status, String evidence) {
        Consent c = new Consent(channel, purpose, status, now(clock), evidence);
        touch();
        consents.add(c);
        boolean granted = status == ConsentStatus.GRANTED;
        entry(c.at(), granted ? TimelineKind.CONSENT_GRANTED : TimelineKind.CONSENT_WITHDRAWN, channel, null, null,
                "Consent " + (granted ? "granted" : "withdrawn") + " for " + purpose + " on " + channel + " ("
                        + c.evidence() + ")", null);
        return c;
    }

    /**
     * Changes the relationship level (domain §3). Setting the current level again changes nothing.
     *
     * @param level  the new level; not null
     * @param by     who decided it
     * @param reason why; may be null
     */
    public void changeRelationshipLevel(RelationshipLevel level, StaffId by, String reason) {
        if (level == null) {
            throw new ValidationException("relationshipLevel", "must not be null");
        }
        requireStaff(by, "by");
        String why = Texts.optional(reason, "reason", 1000);
        if (level == relationshipLevel) {
            return;
        }
        Instant now = touch();
        RelationshipLevel old = relationshipLevel;
        relationshipLevel = level;
        events.add(new CustomerEvent.RelationshipLevelChanged(tenant, id, now, old, level, by, why));
        entry(now, TimelineKind.RELATIONSHIP_LEVEL_CHANGED, null, by, null,
                "Relationship level changed from " + old + " to " + level + (why == null ? "" : ": " + why), null);
    }

    /**
     * Moves the relationship to another lifecycle stage (domain §4), if
     * {@link LifecycleStage#canTransitionTo} allows it. Setting the current stage again changes nothing.
     *
     * @param stage  the new stage; not null
     * @param reason the figures or judgement behind the move; may be null
     * @throws IllegalTransitionException if the move is not allowed; the customer is unchanged
     */
    public void changeLifecycleStage(LifecycleStage stage, String reason) {
        if (stage == null) {
            throw new ValidationException("lifecycleStage", "must not be null");
        }
        String why = Texts.optional(reason, "reason", 2000);
        if (stage == lifecycleStage) {
            return;
        }
        if (!lifecycleStage.canTransitionTo(stage)) {
            throw new IllegalTransitionException("customer", id.value(), lifecycleStage.name(),
                    "lifecycle stage to " + stage + " (allowed: " + lifecycleStage.successors() + ")");
        }
        Instant now = touch();
        LifecycleStage old = lifecycleStage;
        lifecycleStage = stage;
        events.add(new CustomerEvent.LifecycleStageChanged(tenant, id, now, old, stage, why));
        entry(now, TimelineKind.LIFECYCLE_STAGE_CHANGED, null, null, null,
                "Lifecycle stage changed from " + old + " to " + stage + (why == null ? "" : ": " + why), null);
    }

    /**
     * Adds an e-mail address. The first address is primary; a new primary demotes the old one.
     *
     * @throws ValidationException on field {@code email} if the customer already has this address
     */
    public void addEmail(EmailAddress email, String label, boolean primary) {
        if (email == null) {
            throw new ValidationException("email", "must not be null");
        }
        addContactPoint(ContactPoint.email(email, label, primary), "email");
    }

    /**
     * Adds a phone number. The first number is primary; a new primary demotes the old one.
     *
     * @throws ValidationException on field {@code phone} if the customer already has this number
     */
    public void addPhone(PhoneNumber phone, String label, boolean primary) {
        if (phone == null) {
            throw new ValidationException("phone", "must not be null");
        }
        addContactPoint(ContactPoint.phone(phone, label, primary), "phone");
    }

    /**
     * Removes an e-mail address or phone number. If it was primary, the next one of its kind
     * becomes primary.
     *
     * @param kind  e-mail or phone
     * @param value the address or number, in any form {@link EmailAddress#parse} or
     *              {@link PhoneNumber#parse} accepts
     * @throws ValidationException on field {@code contactPoint} if the customer has no such contact point
     */
    public void removeContactPoint(ContactKind kind, String value) {
        if (kind == null) {
            throw new ValidationException("contactPoint.kind", "must not be null");
        }
        String normalised = new ContactPoint(kind, value, null, false).value();
        int index = indexOf(contactPoints, kind, normalised);
        if (index < 0) {
            throw new ValidationException("contactPoint", "must be one of the customer's contact points", normalised);
        }
        Instant now = touch();
        ContactPoint removed = contactPoints.remove(index);
        if (removed.primary()) {
            for (int i = 0; i < contactPoints.size(); i++) {
                if (contactPoints.get(i).kind() == kind) {
                    contactPoints.set(i, contactPoints.get(i).withPrimary(true));
                    break;
                }
            }
        }
        events.add(new CustomerEvent.ContactPointRemoved(tenant, id, now, removed));
    }

    /**
     * Adds a postal address. The first address is primary; a new primary demotes the old one.
     *
     * @throws ValidationException on field {@code postalAddress} if the customer already has an
     *                             address at the same place
     */
    public void addPostalAddress(PostalAddress address) {
        if (address == null) {
            throw new ValidationException("postalAddress", "must not be null");
        }
        if (postalAddresses.stream().anyMatch(a -> a.samePlaceAs(address))) {
            throw new ValidationException("postalAddress", "must not duplicate an address the customer has",
                    address.toMultilineString());
        }
        Instant now = touch();
        boolean primary = address.primary() || postalAddresses.isEmpty();
        if (primary) {
            postalAddresses.replaceAll(a -> a.withPrimary(false));
        }
        PostalAddress added = address.withPrimary(primary);
        postalAddresses.add(added);
        events.add(new CustomerEvent.PostalAddressAdded(tenant, id, now, added));
    }

    /**
     * Sets an attribute, adding it or replacing the value it had. Setting the same value again
     * changes nothing.
     *
     * @param category the family of data (domain §2)
     * @param name     the attribute's name
     * @param value    the typed value
     */
    public void recordAttribute(AttributeCategory category, String name, AttributeValue value) {
        Attribute a = new Attribute(category, name, value);
        String key = key(category, a.name());
        if (a.equals(attributes.get(key))) {
            return;
        }
        if (!attributes.containsKey(key) && attributes.size() >= 1000) {
            throw new ValidationException("attributes", "must hold at most 1000 attributes per customer");
        }
        Instant now = touch();
        attributes.put(key, a);
        events.add(new CustomerEvent.AttributeRecorded(tenant, id, now, a));
    }

    /**
     * Removes an attribute.
     *
     * @throws ValidationException on field {@code attribute.name} if the customer has no such attribute
     */
    public void removeAttribute(AttributeCategory category, String name) {
        if (category == null) {
            throw new ValidationException("attribute.category", "must not be null");
        }
        String n = Attribute.checkName(name);
        if (attributes.remove(key(category, n)) == null) {
            throw new ValidationException("attribute.name", "must name an attribute of the customer in " + category, n);
        }
        Instant now = touch();
        events.add(new CustomerEvent.AttributeRemoved(tenant, id, now, category, n));
    }

    /**
     * Records on the timeline that a message was sent to the customer. Like an interaction, this
     * changes neither the version nor {@link #updatedAt()}.
     *
     * @param messageId      the message's id
     * @param channel        the channel it went out on
     * @param purpose        its purpose
     * @param subject        its subject or first words, for the timeline
     * @param deliveryStatus what the channel reported
     * @param by             who sent it
     */
    public void recordMessageSent(UUID messageId, Channel channel, Purpose purpose, String subject,
                                  String deliveryStatus, StaffId by) {
        if (messageId == null) {
            throw new ValidationException("messageId", "must not be null");
        }
        if (channel == null) {
            throw new ValidationException("channel", "must not be null");
        }
        if (purpose == null) {
            throw new ValidationException("purpose", "must not be null");
        }
        requireStaff(by, "by");
        String what = Texts.required(subject, "subject", 1000);
        String status = Texts.required(deliveryStatus, "deliveryStatus", 100);
        Instant now = now(clock);
        events.add(new CustomerEvent.MessageSent(tenant, id, now, messageId, channel, purpose, status));
        entry(now, TimelineKind.MESSAGE_SENT, channel, by, null, purpose + " message sent: " + what,
                status + ", message " + messageId);
    }

    /**
     * Records on the timeline that a message was refused before sending. Like an interaction, this
     * changes neither the version nor {@link #updatedAt()}.
     *
     * @param refusal the consent policy's refusal
     * @param by      who tried to send it
     */
    public void recordMessageRefused(ContactDecision.Refused refusal, StaffId by) {
        if (refusal == null) {
            throw new ValidationException("refusal", "must not be null");
        }
        requireStaff(by, "by");
        Instant now = now(clock);
        events.add(new CustomerEvent.MessageRefused(tenant, id, now, refusal.channel(), refusal.purpose(),
                refusal.reason()));
        entry(now, TimelineKind.MESSAGE_REFUSED, refusal.channel(), by, null,
                refusal.purpose() + " message on " + refusal.channel() + " refused: " + refusal.explanation(),
                refusal.reason().name());
    }

    // ------------------------------------------------------------------ policies and queries

    /**
     * The consent policy: may the company contact this customer on {@code channel} for
     * {@code purpose}? Only if the latest consent decision for exactly that channel and purpose is
     * a grant, and the customer has an address for the channel.
     *
     * @return the decision, saying why when it is a refusal; never null
     */
    public ContactDecision contactDecision(Channel channel, Purpose purpose) {
        if (channel == null) {
            throw new ValidationException("channel", "must not be null");
        }
        if (purpose == null) {
            throw new ValidationException("purpose", "must not be null");
        }
        if (!channel.isOutbound()) {
            return new ContactDecision.Refused(channel, purpose, ContactDecision.Reason.NOT_AN_OUTBOUND_CHANNEL,
                    "messages cannot be sent " + channel);
        }
        ConsentStatus status = consentStatus(channel, purpose);
        if (status == ConsentStatus.NONE) {
            return new ContactDecision.Refused(channel, purpose, ContactDecision.Reason.NO_CONSENT,
                    "the customer has not consented to " + purpose + " messages by " + channel);
        }
        if (status == ConsentStatus.WITHDRAWN) {
            return new ContactDecision.Refused(channel, purpose, ContactDecision.Reason.CONSENT_WITHDRAWN,
                    "the customer withdrew consent to " + purpose + " messages by " + channel);
        }
        Optional<String> address = addressFor(channel);
        if (address.isEmpty()) {
            return new ContactDecision.Refused(channel, purpose, ContactDecision.Reason.NO_ADDRESS,
                    "the customer has no address for " + channel);
        }
        return new ContactDecision.Allowed(channel, purpose, address.get());
    }

    /** @return the consent in force for {@code channel} and {@code purpose}: the latest decision, or NONE */
    public ConsentStatus consentStatus(Channel channel, Purpose purpose) {
        for (int i = consents.size() - 1; i >= 0; i--) {
            if (consents.get(i).covers(channel, purpose)) {
                return consents.get(i).status();
            }
        }
        return ConsentStatus.NONE;
    }

    private Optional<String> addressFor(Channel channel) {
        return switch (channel) {
            case EMAIL -> primary(ContactKind.EMAIL);
            case SMS, PHONE -> primary(ContactKind.PHONE);
            case LETTER -> postalAddresses.stream().filter(PostalAddress::primary).findFirst()
                    .map(PostalAddress::toMultilineString);
            case WEB -> Optional.of(id.toString());
            case IN_PERSON -> Optional.empty();
        };
    }

    private Optional<String> primary(ContactKind kind) {
        return contactPoints.stream().filter(p -> p.kind() == kind && p.primary()).map(ContactPoint::value)
                .findFirst();
    }

    // ------------------------------------------------------------------ accessors

    /** @return the customer's id */
    public CustomerId id() {
        return id;
    }

    /** @return the tenant the customer belongs to */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version this working copy was read at; 0 if never stored */
    public long version() {
        return version;
    }

    /** @return the customer type */
    public CustomerType type() {
        return type;
    }

    /** @return the display name */
    public String name() {
        return name;
    }

    /** @return the organisation's details, for organisational customers */
    public Optional<Organisation> organisation() {
        return Optional.ofNullable(organisation);
    }

    /** @return the relationship level */
    public RelationshipLevel relationshipLevel() {
        return relationshipLevel;
    }

    /** @return the lifecycle stage */
    public LifecycleStage lifecycleStage() {
        return lifecycleStage;
    }

    /** @return the staff member currently responsible for the customer */
    public StaffId owner() {
        return ownerHistory.get(ownerHistory.size() - 1).owner();
    }

    /** @return every owner the customer has had, oldest first, the current one last; unmodifiable */
    public List<OwnerAssignment> ownerHistory() {
        return Collections.unmodifiableList(ownerHistory);
    }

    /** @return e-mail addresses and phone numbers; unmodifiable */
    public List<ContactPoint> contactPoints() {
        return Collections.unmodifiableList(contactPoints);
    }

    /** @return the e-mail addresses, primary first */
    public List<EmailAddress> emails() {
        return contactPoints.stream().filter(p -> p.kind() == ContactKind.EMAIL)
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .map(p -> new EmailAddress(p.value())).toList();
    }

    /** @return the phone numbers, primary first */
    public List<PhoneNumber> phones() {
        return contactPoints.stream().filter(p -> p.kind() == ContactKind.PHONE)
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .map(p -> new PhoneNumber(p.value())).toList();
    }

    /** @return the postal addresses; unmodifiable */
    public List<PostalAddress> postalAddresses() {
        return Collections.unmodifiableList(postalAddresses);
    }

    /** @return every attribute, in the order first set; unmodifiable */
    public List<Attribute> attributes() {
        return List.copyOf(attributes.values());
    }

    /** @return the attribute's value, if the customer has it */
    public Optional<AttributeValue> attribute(AttributeCategory category, String name) {
        return Optional.ofNullable(attributes.get(key(category, name))).map(Attribute::value);
    }

    /** @return every consent decision, oldest first; unmodifiable */
    public List<Consent> consents() {
        return Collections.unmodifiableList(consents);
    }

    /** @return when the customer was registered */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when the customer last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return the events recorded on this working copy since it was registered or read; unmodifiable */
    public List<CustomerEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    /** @return timeline entries made on this working copy and not yet stored; unmodifiable */
    public List<TimelineEntry> newTimelineEntries() {
        return Collections.unmodifiableList(newEntries);
    }

    @Override
    public String toString() {
        return "Customer[" + id + ", " + type + ", '" + name + "', v" + version + "]";
    }

    // ------------------------------------------------------------------ persistence support

    CustomerState state() {
        return new CustomerState(id, tenant, version, type, name, organisation, relationshipLevel, lifecycleStage,
                List.copyOf(contactPoints), List.copyOf(postalAddresses), List.copyOf(attributes.values()),
                List.copyOf(consents), List.copyOf(ownerHistory), createdAt, updatedAt);
    }

    /** @return whether anything (state or timeline) is waiting to be stored */
    boolean hasChanges() {
        return stateChanged || !events.isEmpty() || !newEntries.isEmpty();
    }

    /** @return whether the customer's own state changed, which needs a new version */
    boolean hasStateChanges() {
        return stateChanged;
    }

    void markStored(long storedVersion) {
        version = storedVersion;
        stateChanged = false;
        events.clear();
        newEntries.clear();
    }

    // ------------------------------------------------------------------ internals

    private void addContactPoint(ContactPoint point, String field) {
        if (indexOf(contactPoints, point.kind(), point.value()) >= 0) {
            throw new ValidationException(field, "must not duplicate a contact point the customer has", point.value());
        }
        Instant now = touch();
        boolean primary = point.primary() || contactPoints.stream().noneMatch(p -> p.kind() == point.kind());
        if (primary) {
            contactPoints.replaceAll(p -> p.kind() == point.kind() ? p.withPrimary(false) : p);
        }
        ContactPoint added = point.withPrimary(primary);
        contactPoints.add(added);
        events.add(new CustomerEvent.ContactPointAdded(tenant, id, now, added));
    }

    private static void addUnique(List<ContactPoint> points, ContactPoint p, String field) {
        if (indexOf(points, p.kind(), p.value()) >= 0) {
            throw new ValidationException(field, "must not be given twice", p.value());
        }
        points.add(p);
    }

    private static int indexOf(List<ContactPoint> points, ContactKind kind, String value) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).kind() == kind && points.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private TimelineEntry entry(Instant at, TimelineKind kind, Channel channel, StaffId staff, String department,
                                String summary, String outcome) {
        TimelineEntry e = new TimelineEntry(ids.next(), id, at, kind, channel, staff, department, summary, outcome);
        newEntries.add(e);
        return e;
    }

    /** Marks the customer's state changed (a new version) and returns the time of the change. */
    private Instant touch() {
        stateChanged = true;
        Instant now = now(clock);
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
        return now;
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String key(AttributeCategory category, String name) {
        return category.name() + ":" + name;
    }

    private static StaffId staff(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be blank", value);
        }
        try {
            return new StaffId(value.strip());
        } catch (ValidationException e) {
            throw new ValidationException(field, e.rule(), value);
        }
    }

    private static void requireStaff(StaffId staff, String field) {
        if (staff == null) {
            throw new ValidationException(field, "must not be null");
        }
    }

    private static void checkOrganisation(CustomerType type, Organisation organisation) {
        if (type.requiresOrganisation() && organisation == null) {
            throw new ValidationException("organisation", "must be given for " + type + " customers");
        }
        if (type == CustomerType.B2C && organisation != null) {
            throw new ValidationException("organisation", "must be absent for B2C customers (individuals)");
        }
    }

    private void checkInvariants() {
        if (id == null) {
            throw new ValidationException("id", "must not be null");
        }
        if (tenant == null) {
            throw new ValidationException("tenant", "must not be null");
        }
        if (version < 0) {
            throw new ValidationException("version", "must not be negative", version);
        }
        if (type == null) {
            throw new ValidationException("type", "must not be null");
        }
        Texts.required(name, "name", 500);
        checkOrganisation(type, organisation);
        if (relationshipLevel == null) {
            throw new ValidationException("relationshipLevel", "must not be null");
        }
        if (lifecycleStage == null) {
            throw new ValidationException("lifecycleStage", "must not be null");
        }
        if (ownerHistory.isEmpty()) {
            throw new ValidationException("ownerHistory", "must name at least the current owner");
        }
        for (int i = 0; i < ownerHistory.size(); i++) {
            boolean last = i == ownerHistory.size() - 1;
            if (ownerHistory.get(i).isCurrent() != last) {
                throw new ValidationException("ownerHistory[" + i + "]",
                        last ? "must be open (the current owner)" : "must be closed (a former owner)");
            }
            if (!last && !ownerHistory.get(i).until().equals(ownerHistory.get(i + 1).from())) {
                throw new ValidationException("ownerHistory[" + (i + 1) + "].from",
                        "must be when the previous owner's period ended, " + ownerHistory.get(i).until());
            }
        }
        for (int i = 0; i < contactPoints.size(); i++) {
            if (indexOf(contactPoints, contactPoints.get(i).kind(), contactPoints.get(i).value()) != i) {
                throw new ValidationException("contactPoints[" + i + "]", "must not repeat a contact point",
                        contactPoints.get(i).value());
            }
        }
        for (int i = 0; i < postalAddresses.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (postalAddresses.get(j).samePlaceAs(postalAddresses.get(i))) {
                    throw new ValidationException("postalAddresses[" + i + "]", "must not repeat an address");
                }
            }
        }
        for (ContactKind kind : ContactKind.values()) {
            long total = contactPoints.stream().filter(p -> p.kind() == kind).count();
            long primaries = contactPoints.stream().filter(p -> p.kind() == kind && p.primary()).count();
            if (total > 0 && primaries != 1) {
                throw new ValidationException("contactPoints", "must have exactly one primary " + kind);
            }
        }
        if (!postalAddresses.isEmpty() && postalAddresses.stream().filter(PostalAddress::primary).count() != 1) {
            throw new ValidationException("postalAddresses", "must have exactly one primary address");
        }
        if (createdAt == null || updatedAt == null) {
            throw new ValidationException(createdAt == null ? "createdAt" : "updatedAt", "must not be null");
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new ValidationException("updatedAt", "must not be before createdAt " + createdAt, updatedAt);
        }
    }
}
