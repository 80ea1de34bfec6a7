package org.crmkit.core.sales.lead;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.sales.LeadRecord;
import org.crmkit.spi.sales.LeadScoreReasonRecord;
import org.crmkit.spi.sales.LeadStatusChangeRecord;

/** Maps leads to and from their SPI records. Not API. */
final class LeadRecords {
    private LeadRecords() {
    }

    static LeadRecord toRecord(Lead l, long version) {
        return new LeadRecord(l.id().value(), l.tenant().value(), version,
                l.campaignId().map(c -> c.value()).orElse(null), l.personName(),
                l.email().map(e -> e.value()).orElse(null), l.phone().map(p -> p.value()).orElse(null),
                l.organisation().orElse(null), l.interest().orElse(null), l.status().name(),
                l.disqualificationReason().orElse(null), l.score().total(),
                l.score().reasons().stream()
                        .map(r -> new LeadScoreReasonRecord(r.rule(), r.points(), r.explanation())).toList(),
                l.lastContactedAt().orElse(null), l.customerId().map(c -> c.value()).orElse(null),
                l.opportunityId().map(o -> o.value()).orElse(null), l.owner().value(),
                l.history().stream().map(h -> new LeadStatusChangeRecord(h.from() == null ? null : h.from().name(),
                        h.to().name(), h.at(), h.by().value(), h.reason())).toList(),
                l.createdAt(), l.updatedAt());
    }

    static LeadScore score(LeadRecord r) {
        return new LeadScore(r.scoreTotal(), r.scoreReasons().stream()
                .map(s -> new ScoreReason(s.rule(), s.points(), s.explanation())).toList());
    }

    static LeadStatusChange change(LeadStatusChangeRecord r) {
        return new LeadStatusChange(r.from() == null ? null : LeadStatus.parse(r.from()), LeadStatus.parse(r.to()),
                r.at(), StaffId.of(r.by()), r.reason());
    }
}
