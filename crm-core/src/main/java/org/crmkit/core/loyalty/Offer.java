package org.crmkit.core.loyalty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.core.common.Enums;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.OfferRecord;

/**
 * A member-only offer of the customer club (domain §8: member prices, member-only services),
 * possibly from a partner merchant. It is shown to active members whose tier is one of its tiers
 * (every tier if it names none) on the days from {@code validFrom} to {@code validTo}, both included.
 *
 * <p>State: {@code ACTIVE → WITHDRAWN} ({@link OfferStatus}). Not thread-safe: a working copy for
 * one unit of work. Obtain offers through {@link CustomerClub}.
 *
 * @since 0.1
 */
public final class Offer {

    static final String AGGREGATE = "club offer";
    private static final int TITLE_MAX = 200;

    private final OfferId id;
    private final TenantId tenant;
    private long version;
    private final String title;
    private final String description;
    private final Set<String> tiers;
    private final LocalDate validFrom;
    private final LocalDate validTo;
    private final PartnerCode partner;
    private OfferStatus status;
    private final Instant createdAt;
    private Instant withdrawnAt;
    private final List<OfferEvent> events = new ArrayList<>();

    private Offer(OfferId id, TenantId tenant, long version, String title, String description, Set<String> tiers,
                  LocalDate validFrom, LocalDate validTo, PartnerCode partner, OfferStatus status, Instant createdAt,
                  Instant withdrawnAt) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.title = title;
        this.description = description;
        this.tiers = tiers;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.partner = partner;
        this.status = status;
        this.createdAt = createdAt;
        this.withdrawnAt = withdrawnAt;
    }

    /**
     * Publishes an offer.
     *
     * @param title       what is offered; not blank, at most 200 characters
     * @param description more about it; may be null
     * @param tiers       the names of the tiers it is for; empty for every member; not null
     * @param validFrom   the first day; not null
     * @param validTo     the last day; not before {@code validFrom}
     * @param partner     the partner merchant offering it; may be null
     * @throws ValidationException naming the field if an argument is invalid
     */
    public static Offer publish(OfferId id, TenantId tenant, String title, String description, Set<String> tiers,
                                LocalDate validFrom, LocalDate validTo, PartnerCode partner, Instant at) {
        Codes.notNull(id, "offerId");
        Codes.notNull(tenant, "tenant");
        Codes.notNull(at, "at");
        Offer o = new Offer(id, tenant, 0, title(title), description(description), tiers(tiers),
                Codes.notNull(validFrom, "validFrom"), validTo(validFrom, validTo), partner, OfferStatus.ACTIVE, at,
                null);
        o.events.add(new OfferEvent.Published(tenant, id, at, o.title));
        return o;
    }

    /**
     * Rebuilds a stored offer.
     *
     * @throws ValidationException if the record breaks a rule of the model
     */
    public static Offer restore(OfferRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        OfferStatus status = Enums.parse(OfferStatus.class, r.status(), "status");
        if ((status == OfferStatus.WITHDRAWN) != (r.withdrawnAt() != null)) {
            throw new ValidationException("withdrawnAt", "must be set exactly when the offer was withdrawn",
                    r.withdrawnAt());
        }
        return new Offer(OfferId.of(r.id()), TenantId.of(r.tenant()), r.version(), title(r.title()),
                description(r.description()), tiers(new java.util.HashSet<>(r.tiers())), r.validFrom(),
                validTo(r.validFrom(), r.validTo()), r.partner() == null ? null : new PartnerCode(r.partner()), status,
                r.createdAt(), r.withdrawnAt());
    }

    /** @return the record of this offer at its next version, for storing */
    public OfferRecord toRecord() {
        return new OfferRecord(id.value(), tenant.value(), version + 1, title, description, List.copyOf(tiers),
                validFrom, validTo, partner == null ? null : partner.value(), status.name(), createdAt, withdrawnAt);
    }

    /**
     * The offer is withdrawn: {@code ACTIVE → WITHDRAWN}.
     *
     * @throws IllegalTransitionException if it was withdrawn already
     */
    public void withdraw(Instant at) {
        Codes.notNull(at, "at");
        if (!status.canTransitionTo(OfferStatus.WITHDRAWN)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(), "withdraw (allowed: "
                    + status.successors() + ")");
        }
        status = OfferStatus.WITHDRAWN;
        withdrawnAt = at;
        events.add(new OfferEvent.Withdrawn(tenant, id, at));
    }

    /**
     * @param tier the member's tier; not null
     * @param date the day; not null
     * @return whether a member in {@code tier} may take the offer on {@code date}: it is active,
     *         valid that day, and for every tier or for that one
     */
    public boolean isFor(Tier tier, LocalDate date) {
        Codes.notNull(tier, "tier");
        Codes.notNull(date, "date");
        return status == OfferStatus.ACTIVE && !date.isBefore(validFrom) && !date.isAfter(validTo)
                && (tiers.isEmpty() || tiers.contains(tier.name()));
    }

    /** @return the id */
    public OfferId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version, 0 before it is first stored */
    public long version() {
        return version;
    }

    /** @return what is offered */
    public String title() {
        return title;
    }

    /** @return more about it, if given */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the names of the tiers it is for, sorted; empty for every member; unmodifiable */
    public Set<String> tiers() {
        return tiers;
    }

    /** @return the first day it is valid */
    public LocalDate validFrom() {
        return validFrom;
    }

    /** @return the last day it is valid */
    public LocalDate validTo() {
        return validTo;
    }

    /** @return the partner merchant offering it, if any */
    public Optional<PartnerCode> partner() {
        return Optional.ofNullable(partner);
    }

    /** @return the current state */
    public OfferStatus status() {
        return status;
    }

    /** @return when it was published */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it was withdrawn, if it was */
    public Optional<Instant> withdrawnAt() {
        return Optional.ofNullable(withdrawnAt);
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<OfferEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "Offer[" + id + ", " + title + ", " + validFrom + ".." + validTo + ", " + status + ", v" + version + "]";
    }

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    private static String title(String title) {
        if (title == null || title.isBlank() || title.strip().length() > TITLE_MAX) {
            throw new ValidationException("title", "must be 1 to " + TITLE_MAX + " characters, not blank", title);
        }
        return title.strip();
    }

    private static String description(String description) {
        return description == null || description.isBlank() ? null : description.strip();
    }

    private static Set<String> tiers(Set<String> tiers) {
        Codes.notNull(tiers, "tiers");
        Set<String> out = new TreeSet<>();
        for (String t : tiers) {
            out.add(Codes.code(t, "tiers"));
        }
        return Collections.unmodifiableSet(out);
    }

    private static LocalDate validTo(LocalDate validFrom, LocalDate validTo) {
        Codes.notNull(validTo, "validTo");
        if (validFrom != null && validTo.isBefore(validFrom)) {
            throw new ValidationException("validTo", "must not be before validFrom", validTo);
        }
        return validTo;
    }
}
