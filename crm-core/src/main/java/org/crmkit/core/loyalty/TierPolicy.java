package org.crmkit.core.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;

/**
 * The tiers of the club and how a member is placed in one (domain §8). A member's tier is never
 * stored: it is a function of the ledger and the moment asked about, {@link #tierOf(List, Instant)}:
 * the highest tier whose threshold the member's measure reaches. The measure is given by the
 * {@link TierBasis}:
 * <ul>
 *   <li>{@link TierBasis#LIFETIME_POINTS}: the sum of the points of every earning posted at or
 *       before that moment whose order was not reversed by then;</li>
 *   <li>{@link TierBasis#ROLLING_SPEND}: the sum of the spend ({@link PointsEntry#amount()}) of the
 *       earnings posted in the window {@code (moment − window, moment]} (UTC calendar arithmetic) in
 *       the policy's currency, without those reversed by then; spend in other currencies does not count.</li>
 * </ul>
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TierPolicy {

    private final TierBasis basis;
    private final Currency currency;
    private final Period window;
    private final List<Tier> tiers;

    private TierPolicy(TierBasis basis, Currency currency, Period window, List<Tier> tiers) {
        Codes.notNull(tiers, "tiers");
        if (tiers.isEmpty()) {
            throw new ValidationException("tiers", "must not be empty");
        }
        List<Tier> sorted = tiers.stream().map(t -> Codes.notNull(t, "tiers[]"))
                .sorted(Comparator.comparing(Tier::threshold)).toList();
        if (sorted.get(0).threshold().signum() != 0) {
            throw new ValidationException("tiers", "must have a tier from 0 on", sorted.get(0).threshold());
        }
        Set<String> names = new HashSet<>();
        Set<BigDecimal> thresholds = new HashSet<>();
        for (Tier t : sorted) {
            if (!names.add(t.name())) {
                throw new ValidationException("tiers", "must have unique names", t.name());
            }
            if (!thresholds.add(t.threshold().stripTrailingZeros())) {
                throw new ValidationException("tiers", "must have unique thresholds", t.threshold());
            }
        }
        this.basis = basis;
        this.currency = currency;
        this.window = window;
        this.tiers = sorted;
    }

    /**
     * @param tiers the tiers, in any order; one must start at 0; names and thresholds unique
     * @return a policy on {@link TierBasis#LIFETIME_POINTS}
     * @throws ValidationException on {@code tiers} if they break a rule
     */
    public static TierPolicy byLifetimePoints(List<Tier> tiers) {
        return new TierPolicy(TierBasis.LIFETIME_POINTS, null, null, tiers);
    }

    /**
     * @param currencyCode the currency spend is counted in; thresholds are in its units
     * @param window       the rolling window, for example {@code Period.ofMonths(12)}; positive
     * @param tiers        the tiers, in any order; one must start at 0; names and thresholds unique
     * @return a policy on {@link TierBasis#ROLLING_SPEND}
     */
    public static TierPolicy byRollingSpend(String currencyCode, Period window, List<Tier> tiers) {
        Currency c = Money.currency(currencyCode);
        if (window == null || window.isNegative() || window.isZero()) {
            throw new ValidationException("window", "must be a positive period", window);
        }
        return new TierPolicy(TierBasis.ROLLING_SPEND, c, window, tiers);
    }

    /**
     * @return the standard policy, on lifetime points: {@code MEMBER} from 0 (no discount,
     *         {@code STANDARD} service), {@code SILVER} from 1,000 points (5 %, {@code STANDARD}),
     *         {@code GOLD} from 5,000 points (10 %, {@code PRIORITY}); every tier earns ×1
     */
    public static TierPolicy standard() {
        return byLifetimePoints(List.of(
                Tier.of("MEMBER", "0", TierBenefits.of("0", "STANDARD")),
                Tier.of("SILVER", "1000", TierBenefits.of("5", "STANDARD")),
                Tier.of("GOLD", "5000", TierBenefits.of("10", "PRIORITY"))));
    }

    /** @return what members are measured by */
    public TierBasis basis() {
        return basis;
    }

    /** @return the currency spend is counted in, for {@link TierBasis#ROLLING_SPEND} */
    public Optional<Currency> currency() {
        return Optional.ofNullable(currency);
    }

    /** @return the rolling window, for {@link TierBasis#ROLLING_SPEND} */
    public Optional<Period> window() {
        return Optional.ofNullable(window);
    }

    /** @return the tiers, lowest threshold first; unmodifiable */
    public List<Tier> tiers() {
        return tiers;
    }

    /** @return the tier every member starts in (threshold 0) */
    public Tier lowest() {
        return tiers.get(0);
    }

    /** @return the tier of that name (case-insensitive), if the policy has one */
    public Optional<Tier> tier(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return tiers.stream().filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /**
     * @param entries a ledger, oldest first; not null
     * @param asOf    the moment; not null
     * @return the member's measure at {@code asOf}: points, or spend in currency units
     */
    public BigDecimal measure(List<PointsEntry> entries, Instant asOf) {
        Objects.requireNonNull(entries, "entries must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        Set<UUID> reversed = new HashSet<>();
        for (PointsEntry e : entries) {
            if (e.kind() == PointsEntryKind.REVERSE && !e.at().isAfter(asOf)) {
                reversed.add(e.lotId());
            }
        }
        Instant from = window == null ? null : asOf.atZone(ZoneOffset.UTC).minus(window).toInstant();
        BigDecimal sum = BigDecimal.ZERO;
        for (PointsEntry e : entries) {
            if (e.kind() != PointsEntryKind.EARN || e.at().isAfter(asOf) || reversed.contains(e.id())) {
                continue;
            }
            if (basis == TierBasis.LIFETIME_POINTS) {
                sum = sum.add(BigDecimal.valueOf(e.points()));
            } else if (e.at().isAfter(from) && e.amount() != null && e.amount().currency().equals(currency)) {
                sum = sum.add(e.amount().amount());
            }
        }
        return sum;
    }

    /**
     * @param entries a ledger, oldest first; not null
     * @param asOf    the moment; not null
     * @return the highest tier whose threshold {@link #measure} reaches
     */
    public Tier tierOf(List<PointsEntry> entries, Instant asOf) {
        BigDecimal m = measure(entries, asOf);
        Tier found = tiers.get(0);
        for (Tier t : tiers) {
            if (m.compareTo(t.threshold()) >= 0) {
                found = t;
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "TierPolicy[" + basis + (currency == null ? "" : " " + currency + " " + window) + ", "
                + tiers.stream().map(t -> t.name() + " from " + t.threshold().toPlainString()).toList() + "]";
    }
}
