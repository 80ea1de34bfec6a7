package org.crmkit.core.sales.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The model of {@link LeadScoringModel#standard()}. Not API. */
final class StandardLeadScoringModel implements LeadScoringModel {

    static final StandardLeadScoringModel INSTANCE = new StandardLeadScoringModel();

    private StandardLeadScoringModel() {
    }

    @Override
    public LeadScore score(Lead lead, Instant now) {
        List<ScoreReason> reasons = new ArrayList<>();
        if (lead.email().isPresent()) {
            reasons.add(new ScoreReason("email", 20, "e-mail address given"));
        }
        if (lead.phone().isPresent()) {
            reasons.add(new ScoreReason("phone", 15, "phone number given"));
        }
        if (lead.organisation().isPresent()) {
            reasons.add(new ScoreReason("organisation", 15, "speaks for an organisation"));
        }
        if (lead.interest().isPresent()) {
            reasons.add(new ScoreReason("interest", 20, "stated an interest"));
        }
        if (lead.campaignId().isPresent()) {
            reasons.add(new ScoreReason("campaign", 10, "came from a campaign"));
        }
        lead.lastContactedAt().ifPresent(at -> {
            Duration since = Duration.between(at, now);
            if (since.compareTo(Duration.ofDays(14)) <= 0) {
                reasons.add(new ScoreReason("recent-contact", 20, "contacted in the last 14 days"));
            } else if (since.compareTo(Duration.ofDays(30)) <= 0) {
                reasons.add(new ScoreReason("recent-contact", 10, "contacted in the last 30 days"));
            }
        });
        return LeadScore.of(reasons);
    }
}
