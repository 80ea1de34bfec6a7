package org.crmkit.core.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.common.Enums;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.PartnerMerchantRecord;

/**
 * A partner merchant of the customer club (domain §8): members show their card there, earn points
 * at the partner's own rate and, if the partner takes them, redeem points. Entries posted there
 * carry the partner's code ({@link Touchpoint#partner()}).
 *
 * <p>State: {@code ACTIVE → ENDED} ({@link PartnerStatus}). Not thread-safe: a working copy for one
 * unit of work. Obtain partners through {@link CustomerClub}.
 *
 * @since 0.1
 */
public final class PartnerMerchant {

    static final String AGGREGATE = "partner merchant";
    private static final int NAME_MAX = 200;

    private final PartnerId id;
    private final TenantId tenant;
    private long version;
    private final PartnerCode code;
    private final String name;
    private final long pointsPerUnit;
    private final boolean redeemAllowed;
    private PartnerStatus status;
    private final Instant registeredAt;
    private Instant endedAt;
    private final List<PartnerEvent> events = new ArrayList<>();

    private PartnerMerchant(PartnerId id, TenantId tenant, long version, PartnerCode code, String name,
                            long pointsPerUnit, boolean redeemAllowed, PartnerStatus status, Instant registeredAt,
                            Instant endedAt) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.code = code;
        this.name = name;
        this.pointsPerUnit = pointsPerUnit;
        this.redeemAllowed = redeemAllowed;
        this.status = status;
        this.registeredAt = registeredAt;
        this.endedAt = endedAt;
    }

    /**
     * A merchant becomes a partner of the club.
     *
     * @param name          the merchant's name; not blank, at most 200 characters
     * @param pointsPerUnit points per whole currency unit spent there; 0 or more
     * @param redeemAllowed whether members may redeem points there
     * @throws ValidationException naming the field if an argument is invalid
     */
    public static PartnerMerchant register(PartnerId id, TenantId tenant, PartnerCode code, String name,
                                           long pointsPerUnit, boolean redeemAllowed, Instant at) {
        Codes.notNull(id, "partnerId");
        Codes.notNull(tenant, "tenant");
        Codes.notNull(code, "partner");
        Codes.notNull(at, "at");
        PartnerMerchant p = new PartnerMerchant(id, tenant, 0, code, name(name), perUnit(pointsPerUnit),
                redeemAllowed, PartnerStatus.ACTIVE, at, null);
        p.events.add(new PartnerEvent.Registered(tenant, id, at, code, p.name));
        return p;
    }

    /**
     * Rebuilds a stored partner.
     *
     * @throws ValidationException if the record breaks a rule of the model
     */
    public static PartnerMerchant restore(PartnerMerchantRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        PartnerStatus status = Enums.parse(PartnerStatus.class, r.status(), "status");
        if ((status == PartnerStatus.ENDED) != (r.endedAt() != null)) {
            throw new ValidationException("endedAt", "must be set exactly when the partnership ended", r.endedAt());
        }
        return new PartnerMerchant(PartnerId.of(r.id()), TenantId.of(r.tenant()), r.version(),
                new PartnerCode(r.code()), name(r.name()), perUnit(r.pointsPerUnit()), r.redeemAllowed(), status,
                r.registeredAt(), r.endedAt());
    }

    /** @return the record of this partner at its next version, for storing */
    public PartnerMerchantRecord toRecord() {
        return new PartnerMerchantRecord(id.value(), tenant.value(), version + 1, code.value(), name, pointsPerUnit,
                redeemAllowed, status.name(), registeredAt, endedAt);
    }

    /**
     * The partnership ends: {@code ACTIVE → ENDED}. Points earned there are kept.
     *
     * @throws IllegalTransitionException if it ended already
     */
    public void end(Instant at) {
        Codes.notNull(at, "at");
        if (!status.canTransitionTo(PartnerStatus.ENDED)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(), "end (allowed: "
                    + status.successors() + ")");
        }
        status = PartnerStatus.ENDED;
        endedAt = at;
        events.add(new PartnerEvent.Ended(tenant, id, at));
    }

    /**
     * @param spend what the member spent there; not null
     * @return {@code pointsPerUnit} per whole currency unit of {@code spend}, rounded down; 0 for
     *         nothing or less spent
     */
    public long pointsFor(Money spend) {
        Codes.notNull(spend, "spend");
        BigDecimal whole = spend.amount().setScale(0, RoundingMode.FLOOR);
        if (whole.signum() <= 0) {
            return 0;
        }
        try {
            return whole.multiply(BigDecimal.valueOf(pointsPerUnit)).longValueExact();
        } catch (ArithmeticException e) {
            throw new ValidationException("spend", "must earn at most " + Long.MAX_VALUE + " points", spend);
        }
    }

    /** @return the id */
    public PartnerId id() {
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

    /** @return the partner's code, unique in the tenant */
    public PartnerCode code() {
        return code;
    }

    /** @return the merchant's name */
    public String name() {
        return name;
    }

    /** @return points per whole currency unit spent there */
    public long pointsPerUnit() {
        return pointsPerUnit;
    }

    /** @return whether members may redeem points there */
    public boolean redeemAllowed() {
        return redeemAllowed;
    }

    /** @return the current state */
    public PartnerStatus status() {
        return status;
    }

    /** @return when the partnership started */
    public Instant registeredAt() {
        return registeredAt;
    }

    /** @return when the partnership ended, if it did */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<PartnerEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "PartnerMerchant[" + code + ", " + name + ", " + status + ", v" + version + "]";
    }

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
            throw new ValidationException("name", "must be 1 to " + NAME_MAX + " characters, not blank", name);
        }
        return name.strip();
    }

    private static long perUnit(long pointsPerUnit) {
        if (pointsPerUnit < 0) {
            throw new ValidationException("pointsPerUnit", "must not be negative", pointsPerUnit);
        }
        return pointsPerUnit;
    }
}
