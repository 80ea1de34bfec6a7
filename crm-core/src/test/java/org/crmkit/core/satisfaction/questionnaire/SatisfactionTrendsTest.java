package org.crmkit.core.satisfaction.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.satisfaction.scoring.CustomerSatisfactionScore;
import org.crmkit.core.satisfaction.scoring.ExpectationPerception;
import org.crmkit.core.satisfaction.scoring.NetPromoterScore;
import org.crmkit.core.satisfaction.scoring.RatingScale;
import org.crmkit.core.satisfaction.scoring.ServiceQualityCriterion;
import org.crmkit.core.satisfaction.scoring.Servqual;
import org.crmkit.core.satisfaction.scoring.ServqualDimension;
import org.crmkit.core.satisfaction.scoring.ServqualRating;
import org.crmkit.core.satisfaction.scoring.ServqualWeights;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SatisfactionTrendsTest {

    private static final Subject AGENT_7 = Subject.staff(StaffId.of("agent-7"));
    private static final Subject AGENT_9 = Subject.staff(StaffId.of("agent-9"));
    private static final Subject WASHER = Subject.product("WM-1200");
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);

    private final SurveyFixture f = new SurveyFixture();
    private Questionnaire q;
    private CustomerId li;
    private CustomerId ana;

    @BeforeEach
    void publish() {
        q = f.publishedAfterService();
        li = f.customer("Li Wei");
        ana = f.customer("Ana Silva");
    }

    private SurveyResponse csat(String at, CustomerId who, List<Subject> about, int score) {
        return f.submitAt(Instant.parse(at), q, who, about, Answer.score("overall", score));
    }

    @Test
    void csatByMonthReportsAMonthWithoutResponsesAsEmptyNotZero() {
        csat("2026-01-10T10:00:00Z", li, List.of(AGENT_7), 5);
        csat("2026-01-31T23:59:59Z", ana, List.of(AGENT_7), 2);
        csat("2026-03-01T00:00:00Z", li, List.of(AGENT_7), 4);
        csat("2026-02-14T12:00:00Z", ana, List.of(AGENT_9), 1);
        csat("2026-04-01T00:00:00Z", li, List.of(AGENT_7), 1);
        csat("2025-12-31T23:59:59Z", li, List.of(AGENT_7), 1);

        Trend<CustomerSatisfactionScore> t = f.questionnaires.trends()
                .csatByMonth(ResponseSelection.about(AGENT_7), JAN_1, APR_1);

        assertThat(t.buckets()).extracting(TrendBucket::from)
                .containsExactly(JAN_1, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
        assertThat(t.buckets()).extracting(TrendBucket::responses).containsExactly(2L, 0L, 1L);
        assertThat(t.buckets().get(0).score()).contains(CustomerSatisfactionScore.ofCounts(1, 2));
        assertThat(t.buckets().get(1).isEmpty()).isTrue();
        assertThat(t.buckets().get(1).score()).isEmpty();
        assertThat(t.buckets().get(2).score()).contains(CustomerSatisfactionScore.ofCounts(1, 1));
        assertThat(t.buckets().get(2).to()).isEqualTo(APR_1);
        assertThat(t.responses()).isEqualTo(3);
        assertThat(t.metric()).isEqualTo("CSAT");
    }

    @Test
    void trendsArePerCustomerPerProductAndPerStaffMember() {
        csat("2026-01-10T10:00:00Z", li, List.of(AGENT_7, WASHER), 5);
        csat("2026-01-11T10:00:00Z", ana, List.of(AGENT_9, WASHER), 3);
        csat("2026-01-12T10:00:00Z", ana, List.of(AGENT_9), 4);
        var trends = f.questionnaires.trends();
        assertThat(trends.csatByMonth(ResponseSelection.ofCustomer(ana), JAN_1, APR_1).responses()).isEqualTo(2);
        assertThat(trends.csatByMonth(ResponseSelection.about(WASHER), JAN_1, APR_1).buckets().get(0).score())
                .contains(CustomerSatisfactionScore.ofCounts(1, 2));
        assertThat(trends.csatByMonth(ResponseSelection.about(AGENT_9), JAN_1, APR_1).buckets().get(0).score())
                .contains(CustomerSatisfactionScore.ofCounts(1, 2));
        assertThat(trends.csatByMonth(ResponseSelection.about(AGENT_9).customer(li), JAN_1, APR_1).responses())
                .isZero();
    }

    @Test
    void weeksRunFromMondayAndTheRangeClipsTheFirstAndLastBucket() {
        // 2026-01-07 is a Wednesday; the ISO weeks start on Mondays 12 and 19 January.
        csat("2026-01-07T00:00:00Z", li, List.of(), 5);
        csat("2026-01-11T23:59:59Z", li, List.of(), 5);
        csat("2026-01-12T00:00:00Z", li, List.of(), 1);
        csat("2026-01-21T08:00:00Z", li, List.of(), 4);
        Trend<CustomerSatisfactionScore> t = f.questionnaires.trends().trend(Metric.CSAT, Period.WEEK,
                ResponseSelection.all(), LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 22));
        assertThat(t.buckets()).extracting(TrendBucket::from).containsExactly(LocalDate.of(2026, 1, 7),
                LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 19));
        assertThat(t.buckets()).extracting(TrendBucket::to).containsExactly(LocalDate.of(2026, 1, 12),
                LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 22));
        assertThat(t.buckets()).extracting(TrendBucket::responses).containsExactly(2L, 1L, 1L);
    }

    @Test
    void daysAndQuartersFollowTheCalendar() {
        csat("2026-02-28T10:00:00Z", li, List.of(), 5);
        csat("2026-05-01T10:00:00Z", li, List.of(), 5);
        var trends = f.questionnaires.trends();
        Trend<CustomerSatisfactionScore> quarters = trends.trend(Metric.CSAT, Period.QUARTER, ResponseSelection.all(),
                LocalDate.of(2026, 2, 15), LocalDate.of(2027, 1, 1));
        assertThat(quarters.buckets()).extracting(TrendBucket::from).containsExactly(LocalDate.of(2026, 2, 15),
                APR_1, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1));
        assertThat(quarters.buckets()).extracting(TrendBucket::responses).containsExactly(1L, 1L, 0L, 0L);
        Trend<CustomerSatisfactionScore> days = trends.trend(Metric.CSAT, Period.DAY, ResponseSelection.all(),
                LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 2));
        assertThat(days.buckets()).extracting(TrendBucket::responses).containsExactly(0L, 1L, 0L);
    }

    @Test
    void daysFallInTheTrendsTimeZone() {
        // 23:30 UTC on 31 January is 07:30 on 1 February in Shanghai (UTC+8).
        csat("2026-01-31T23:30:00Z", li, List.of(), 5);
        assertThat(f.questionnaires.trends().csatByMonth(ResponseSelection.all(), JAN_1, APR_1).buckets())
                .extracting(TrendBucket::responses).containsExactly(1L, 0L, 0L);
        assertThat(f.questionnaires.trends(ZoneId.of("Asia/Shanghai"))
                .csatByMonth(ResponseSelection.all(), JAN_1, APR_1).buckets())
                .extracting(TrendBucket::responses).containsExactly(0L, 1L, 0L);
    }

    @Test
    void aResponseWithoutAnAnswerToTheMetricCountsButIsNotScored() {
        csat("2026-01-10T10:00:00Z", li, List.of(), 5);
        Trend<NetPromoterScore> t = f.questionnaires.trends().npsByMonth(ResponseSelection.all(), JAN_1, APR_1);
        assertThat(t.buckets().get(0).responses()).isEqualTo(1);
        assertThat(t.buckets().get(0).score()).isEmpty();
    }

    @Test
    void aBadRangeIsRefusedNamingTheField() {
        var trends = f.questionnaires.trends();
        assertThatThrownBy(() -> trends.csatByMonth(ResponseSelection.all(), APR_1, APR_1))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> trends.trend(Metric.CSAT, Period.DAY, ResponseSelection.all(), JAN_1,
                JAN_1.plusYears(20))).isInstanceOf(ValidationException.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> ResponseSelection.all().submittedBetween(Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"))).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("to");
    }

    @Test
    void scoresOfStoredResponsesAreTheScoringClassesOnTheSameNumbers() {
        // Ten recommendation answers as in docs/satisfaction.md: 5 promoters, 3 passives, 2 detractors.
        int[] nps = {10, 9, 9, 10, 9, 8, 7, 7, 3, 6};
        int[] csat = {5, 4, 4, 3, 5, 2, 4, 5, 1, 4};
        for (int i = 0; i < nps.length; i++) {
            f.submitAt(Instant.parse("2026-01-10T10:00:00Z").plusSeconds(i), q, i % 2 == 0 ? li : ana,
                    List.of(AGENT_7), Answer.score("overall", csat[i]), Answer.score("recommend", nps[i]),
                    Answer.pair("reliable", 6, 3 + i % 4), Answer.pair("courtesy", 5, 5 + i % 3),
                    Answer.pair("clean", 4, 4));
        }
        ResponseSelection all = ResponseSelection.about(AGENT_7);
        assertThat(f.questionnaires.nps(all)).get().extracting(NetPromoterScore::nps).isEqualTo(30.0);
        assertThat(f.questionnaires.csat(all)).contains(CustomerSatisfactionScore.of(
                java.util.Arrays.stream(csat).boxed().toList()));
        assertThat(f.questionnaires.csat(all)).get().extracting(CustomerSatisfactionScore::csat).isEqualTo(70.0);
        List<SurveyResponse> stored = f.questionnaires.responses(all);
        List<ServqualRating> ratings = stored.stream().flatMap(r -> List.of(
                ServqualRating.of(r.id().toString(), ServqualDimension.RELIABILITY, "reliable",
                        r.answer("reliable").orElseThrow().expectation(), r.answer("reliable").orElseThrow().perception()),
                ServqualRating.of(r.id().toString(), ServiceQualityCriterion.COURTESY, "courtesy",
                        r.answer("courtesy").orElseThrow().expectation(),
                        r.answer("courtesy").orElseThrow().perception())).stream()).toList();
        assertThat(f.questionnaires.servqual(all)).contains(Servqual.score(ratings));
        ServqualWeights weights = ServqualWeights.of(Map.of(ServqualDimension.RELIABILITY, new BigDecimal("30"),
                ServqualDimension.ASSURANCE, new BigDecimal("10")));
        assertThat(f.questionnaires.servqual(all, weights)).contains(Servqual.score(ratings, weights));
        assertThat(f.questionnaires.expectationPerception(all).orElseThrow().items())
                .extracting(ExpectationPerception.ItemSatisfaction::item)
                .containsExactly("reliable", "courtesy", "clean");
        assertThat(f.questionnaires.expectationPerception(all).orElseThrow().scale()).isEqualTo(RatingScale.SERVQUAL);
        assertThat(f.questionnaires.csat(ResponseSelection.about(AGENT_9))).isEmpty();
        assertThat(f.questionnaires.servqual(ResponseSelection.about(AGENT_9))).isEmpty();
    }
}
