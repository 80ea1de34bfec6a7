/**
 * The customer club (domain §8, §9): membership with one member card across every store and
 * channel, a points ledger, tiers with their benefits, member-only offers and partner merchants.
 *
 * <ul>
 *   <li>{@link org.crmkit.core.loyalty.CustomerClub} is the service: enrolment, earning (from
 *       delivered orders, with the card in a store or channel, at a partner), redeeming (points, or
 *       cash at a {@link org.crmkit.core.loyalty.RedemptionRate}), reversal of cancelled or returned
 *       orders, expiry, tiers, partners and offers, configured by a
 *       {@link org.crmkit.core.loyalty.LoyaltyProgram}.</li>
 *   <li>{@link org.crmkit.core.loyalty.ClubMembership} keeps the ledger: every entry is kept, the
 *       balance is their sum and never negative, every posting is idempotent by key, and points are
 *       taken and expired oldest first (see its class comment for the algorithm).</li>
 *   <li>{@link org.crmkit.core.loyalty.TierPolicy} derives a member's
 *       {@link org.crmkit.core.loyalty.Tier} from the ledger (lifetime points or rolling spend);
 *       the tier is never stored, only its announced changes.</li>
 *   <li>{@link org.crmkit.core.loyalty.PartnerMerchant} and {@link org.crmkit.core.loyalty.Offer}
 *       are small aggregates of their own.</li>
 * </ul>
 *
 * @since 0.1
 */
package org.crmkit.core.loyalty;
