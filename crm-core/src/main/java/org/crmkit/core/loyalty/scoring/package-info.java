/**
 * Loyalty scores and churn risk (domain §8): how attached a customer is, from what they do, feel and
 * intend, and how likely they are to have stopped buying.
 *
 * <ul>
 *   <li>{@link org.crmkit.core.loyalty.scoring.LoyaltyScore} scores plain
 *       {@link org.crmkit.core.loyalty.scoring.LoyaltyInputs} (behavioural, attitudinal, cognitive) on
 *       0..100 with configurable {@link org.crmkit.core.loyalty.scoring.LoyaltyWeights}, explains itself
 *       ({@link org.crmkit.core.loyalty.scoring.LoyaltyScoreExplanation}) and, where it can, gives the
 *       Dick and Basu (1994) {@link org.crmkit.core.loyalty.scoring.LoyaltyClass}.</li>
 *   <li>{@link org.crmkit.core.loyalty.scoring.ChurnRisk} is {@code 1 − P(alive)} of a fitted BG/NBD or
 *       Pareto/NBD model, or a marked recency fallback, sorted into
 *       {@link org.crmkit.core.loyalty.scoring.ChurnRiskBands}.</li>
 *   <li>{@link org.crmkit.core.loyalty.scoring.LoyaltyScoring} gathers the inputs of one customer from
 *       stored orders and surveys, read-only, and computes both.</li>
 * </ul>
 *
 * <p>The formulas, defaults and their reasons are in {@code docs/loyalty.md}.
 *
 * @since 0.1
 */
package org.crmkit.core.loyalty.scoring;
