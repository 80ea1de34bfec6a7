package org.crmkit.tck.storage.samples;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.service.QuestionRecord;
import org.crmkit.spi.service.QuestionnaireRecord;
import org.crmkit.spi.service.ResponseAnswerRecord;
import org.crmkit.spi.service.SubjectRecord;
import org.crmkit.spi.service.SurveyResponseRecord;

/**
 * Fixtures of the survey records (questionnaire revisions and survey responses) for the
 * record-store contract: per kind, one record with every nullable component set and every list
 * non-empty, and one minimal record. Instants carry microseconds. Every call makes fresh ids.
 *
 * @since 0.1
 */
public final class SurveySamples {

    private static final Instant T1 = Instant.parse("2026-04-01T08:30:00.123456Z");
    private static final Instant T2 = Instant.parse("2026-04-02T12:00:00.000001Z");
    private static final Instant T3 = Instant.parse("2026-06-30T23:59:59.999999Z");

    private SurveySamples() {
    }

    /**
     * @param tenant the tenant every sample belongs to; a valid tenant id
     * @return two samples per survey kind, all at version 1 with fresh random ids
     */
    public static List<Sample<?>> all(String tenant) {
        UUID questionnaire = id();
        return List.of(
                Sample.of(QuestionnaireRecord.KIND, new QuestionnaireRecord(questionnaire, tenant, 1, "after-service",
                        2, "How did we do?", "RETIRED", List.of(
                        new QuestionRecord("overall", "How satisfied are you with the service?", "CSAT_1_5", "CSAT",
                                null, true),
                        new QuestionRecord("recommend", "How likely are you to recommend us?", "NPS_0_10",
                                "RECOMMENDATION", null, false),
                        new QuestionRecord("courtesy", "Staff are polite.", "SERVQUAL_1_7",
                                "SERVICE_QUALITY_CRITERION", "COURTESY", false),
                        new QuestionRecord("again", "Would you buy from us again?", "YES_NO", "REPURCHASE_INTENTION",
                                null, false),
                        new QuestionRecord("remarks", "Anything else? «你好»", "FREE_TEXT", "CUSTOM", "remarks",
                                false)),
                        T1, T2, T3)),
                Sample.of(QuestionnaireRecord.KIND, new QuestionnaireRecord(id(), tenant, 1, "web", 1, "Draft",
                        "DRAFT", List.of(), T1, null, null)),
                Sample.of(SurveyResponseRecord.KIND, new SurveyResponseRecord(id(), tenant, 1, questionnaire,
                        "after-service", 2, id(), List.of(new SubjectRecord("WORK_ORDER", id().toString()),
                        new SubjectRecord("STAFF", "agent-7"), new SubjectRecord("PRODUCT", "WM-1200")),
                        "PHONE", T2, List.of(
                        new ResponseAnswerRecord("overall", 4, null, null, null, null),
                        new ResponseAnswerRecord("recommend", 0, null, null, null, null),
                        new ResponseAnswerRecord("courtesy", null, 6, 7, null, null),
                        new ResponseAnswerRecord("again", null, null, null, false, null),
                        new ResponseAnswerRecord("remarks", null, null, null, null,
                                "Quick, \"friendly\",\nand on time.")))),
                Sample.of(SurveyResponseRecord.KIND, new SurveyResponseRecord(id(), tenant, 1, id(), "web", 1, id(),
                        List.of(), "WEB", T1, List.of())));
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
