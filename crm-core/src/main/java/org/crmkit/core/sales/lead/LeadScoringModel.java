package org.crmkit.core.sales.lead;

import java.time.Instant;

/**
 * Scores leads. Replaceable: give {@link Leads} your own model to weigh leads your way. A model
 * explains every score it gives through the score's reasons (use {@link LeadScore#of} to keep
 * the total within 0 to 100).
 *
 * <p>Implementations must be thread-safe and deterministic for a given lead and instant, and
 * must not change the lead.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface LeadScoringModel {

    /**
     * @param lead the lead; not null
     * @param now  the moment of scoring (for rules that depend on time); not null
     * @return the lead's score; never null
     */
    LeadScore score(Lead lead, Instant now);

    /**
     * The standard model. Points, which add up to at most 100:
     * <ul>
     *   <li>{@code email}: 20 when an e-mail address is given;</li>
     *   <li>{@code phone}: 15 when a phone number is given;</li>
     *   <li>{@code organisation}: 15 when the person speaks for an organisation;</li>
     *   <li>{@code interest}: 20 when the person stated an interest;</li>
     *   <li>{@code campaign}: 10 when the lead came from a campaign;</li>
     *   <li>{@code recent-contact}: 20 when the lead was contacted in the last 14 days, or 10 in
     *       the last 30 days (so a lead's score falls as it goes cold: rescore from time to
     *       time).</li>
     * </ul>
     *
     * @return the standard model; stateless and thread-safe
     */
    static LeadScoringModel standard() {
        return StandardLeadScoringModel.INSTANCE;
    }
}
