package org.crmkit.tck.storage.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.service.FeedbackRecord;
import org.crmkit.spi.service.KnowledgeArticleRecord;
import org.crmkit.spi.service.PointsEntryRecord;
import org.crmkit.spi.service.SatisfactionSurveyRecord;
import org.crmkit.spi.service.SelfServiceSessionRecord;
import org.crmkit.spi.service.ServiceLevelBreachRecord;
import org.crmkit.spi.service.SurveyAnswerRecord;
import org.crmkit.spi.service.TierChangeRecord;
import org.crmkit.spi.service.WorkOrderRecord;
import org.crmkit.spi.service.WorkOrderStepRecord;

/**
 * Fixtures of the after-sales records (work orders, knowledge articles, self-service sessions,
 * satisfaction surveys, club memberships, feedback) for the record-store contract: per kind, one
 * record with every nullable component set and every list non-empty, and one minimal record.
 * Instants carry microseconds. Every call makes fresh ids.
 *
 * @since 0.1
 */
public final class AfterSalesSamples {

    private static final Instant T1 = Instant.parse("2026-03-01T09:15:30.123456Z");
    private static final Instant T2 = Instant.parse("2026-03-02T16:45:01.654321Z");
    private static final Instant T3 = Instant.parse("2026-03-04T08:00:00.000001Z");

    private AfterSalesSamples() {
    }

    /**
     * @param tenant the tenant every sample belongs to; a valid tenant id
     * @return two samples per after-sales kind, all at version 1 with fresh random ids
     */
    public static List<Sample<?>> all(String tenant) {
        return List.of(
                Sample.of(WorkOrderRecord.KIND, fullWorkOrder(tenant)),
                Sample.of(WorkOrderRecord.KIND, new WorkOrderRecord(id(), tenant, 1, id(), null, null, "Broken hinge",
                        null, "NORMAL", "OPEN", null, "CALL", List.of(), T1, null)),
                Sample.of(KnowledgeArticleRecord.KIND, new KnowledgeArticleRecord(id(), tenant, 1,
                        "Resetting the router", "Hold the reset button for 10 seconds, then wait.",
                        List.of("router", "reset", "wifi"), true, T1, "agent-7")),
                Sample.of(KnowledgeArticleRecord.KIND, new KnowledgeArticleRecord(id(), tenant, 1, "Draft",
                        "Body", List.of(), false, T1, null)),
                Sample.of(SelfServiceSessionRecord.KIND, new SelfServiceSessionRecord(id(), tenant, 1, id(), id(), id(),
                        "router keeps dropping wifi", id(), "NOT_SOLVED", id(), T1, T2, "agent-7")),
                Sample.of(SelfServiceSessionRecord.KIND, new SelfServiceSessionRecord(id(), tenant, 1, id(), null, null,
                        "reset", id(), "OFFERED", null, T1, null, null)),
                Sample.of(SatisfactionSurveyRecord.KIND, new SatisfactionSurveyRecord(id(), tenant, 1, id(), id(), id(),
                        id(), "SERVICE", "EMAIL", "ANSWERED", T1,
                        new SurveyAnswerRecord(4, "Quick and friendly", T2), T2)),
                Sample.of(SatisfactionSurveyRecord.KIND, new SatisfactionSurveyRecord(id(), tenant, 1, id(), null, null,
                        null, "DELIVERY", "WEB", "SENT", T1, null, null)),
                Sample.of(ClubMembershipRecord.KIND, fullMembership(tenant)),
                Sample.of(ClubMembershipRecord.KIND, new ClubMembershipRecord(id(), tenant, 1, id(),
                        card(),
                        "ACTIVE", T1, null, List.of(), List.of())),
                Sample.of(FeedbackRecord.KIND, new FeedbackRecord(id(), tenant, 1, id(), "COMPLAINT",
                        "The delivery came two days late.", "SURVEY", id(), id(), id(), "ROUTED_TO_MARKETING", T1,
                        "agent-7", T3)),
                Sample.of(FeedbackRecord.KIND, new FeedbackRecord(id(), tenant, 1, id(), "PRODUCT_IDEA",
                        "A blue one, please.", "DIRECT", null, null, null, "RECORDED", T1, null, T1)));
    }

    private static WorkOrderRecord fullWorkOrder(String tenant) {
        return new WorkOrderRecord(id(), tenant, 1, id(), id(), id(), "Washing machine leaks",
                "Water on the floor after every wash.", "URGENT", "RESOLVED", "agent-7", "ORDER",
                List.of(new WorkOrderStepRecord(T1, null, "OPENED", "from order"),
                        new WorkOrderStepRecord(T2, "lead-1", "ASSIGNED", "agent-7"),
                        new WorkOrderStepRecord(T3, "agent-7", "RESOLVED", "seal replaced")),
                T1, T3, "plumbing", T1.plusSeconds(3600), T2,
                T2, List.of(new ServiceLevelBreachRecord("RESPONSE", T1.plusSeconds(3600), T2),
                        new ServiceLevelBreachRecord("RESOLUTION", T2, T3)));
    }

    private static ClubMembershipRecord fullMembership(String tenant) {
        UUID earn = id();
        UUID order = id();
        return new ClubMembershipRecord(id(), tenant, 1, id(), card(), "LEFT", T1, T3, List.of(
                new PointsEntryRecord(earn, "EARN", 1290, order, "earn:" + order, T1, "order 1", "STORE", "NJ-01",
                        null, new MoneyRecord(new BigDecimal("1290.50"), "CNY"), T3, null, 0),
                new PointsEntryRecord(id(), "REDEEM", -100, null, "redeem:r-1", T2, "cash CNY 1.00", "PARTNER", null,
                        "CINEMA-1", new MoneyRecord(new BigDecimal("1.00"), "CNY"), null, null, 0),
                new PointsEntryRecord(id(), "REVERSE", -1190, order, "reverse:" + order, T2, "returned", "WEB",
                        null, null, null, null, earn, 100)),
                List.of(new TierChangeRecord("MEMBER", "SILVER", T1), new TierChangeRecord("SILVER", "MEMBER", T2)));
    }

    private static String card() {
        return "CLUB-" + Long.toHexString(UUID.randomUUID().getLeastSignificantBits()).toUpperCase(Locale.ROOT);
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
