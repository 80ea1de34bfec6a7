package org.crmkit.core.satisfaction.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.satisfaction.scoring.CustomerSatisfactionScore;
import org.crmkit.core.satisfaction.scoring.ExpectationPerception;
import org.crmkit.core.satisfaction.scoring.NetPromoterScore;
import org.crmkit.core.satisfaction.scoring.RatingScale;
import org.crmkit.core.satisfaction.scoring.Servqual;
import org.crmkit.core.satisfaction.scoring.ServqualDimension;
import org.crmkit.core.satisfaction.scoring.ServqualRating;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of trends and scores over random stored responses: the buckets partition the responses
 * in the range, and every score of stored responses is the scoring class's score of the same numbers.
 */
class StoredScorePropertiesTest {

    private static final Instant EPOCH = Instant.parse("2025-12-01T00:00:00Z");

    /** One response decoded from one number: minute of submission over ~200 days, CSAT 1..5, NPS 0..10 or none, a SERVQUAL pair. */
    private record Spec(long minute, int csat, Integer nps, int expectation, int perception) {
        static Spec decode(long v) {
            long minute = v % (200L * 24 * 60);
            long rest = v / (200L * 24 * 60);
            int csat = (int) (rest % 5) + 1;
            rest /= 5;
            int nps = (int) (rest % 12);
            rest /= 12;
            int expectation = (int) (rest % 7) + 1;
            int perception = (int) (rest / 7 % 7) + 1;
            return new Spec(minute, csat, nps == 11 ? null : nps, expectation, perception);
        }

        Instant at() {
            return EPOCH.plus(Duration.ofMinutes(minute));
        }
    }

    private static final Gen<List<Long>> RESPONSES = lists()
            .of(integers().between(0, Integer.MAX_VALUE).map(Integer::longValue)).ofSizeBetween(0, 30);

    @Test
    void trendBucketsPartitionTheResponsesInTheRangeAndScoreLikeTheScoringClasses() {
        qt().withExamples(60).withFixedSeed(20261123L)
                .forAll(RESPONSES, integers().between(0, 3), integers().between(0, 150), integers().between(1, 120))
                .checkAssert((codes, period, startDay, days) -> {
                    SurveyFixture f = new SurveyFixture();
                    Questionnaire q = f.publishedAfterService();
                    CustomerId customer = f.customer("Li Wei");
                    List<Spec> specs = new ArrayList<>();
                    for (long code : codes) {
                        Spec s = Spec.decode(code);
                        specs.add(s);
                        List<Answer> answers = new ArrayList<>(List.of(Answer.score("overall", s.csat()),
                                Answer.pair("reliable", s.expectation(), s.perception())));
                        if (s.nps() != null) {
                            answers.add(Answer.score("recommend", s.nps()));
                        }
                        f.submitAt(s.at(), q, customer, List.of(), answers.toArray(Answer[]::new));
                    }
                    LocalDate from = LocalDate.ofInstant(EPOCH, ZoneOffset.UTC).plusDays(startDay);
                    LocalDate to = from.plusDays(days);
                    Trend<CustomerSatisfactionScore> trend = f.questionnaires.trends().trend(Metric.CSAT,
                            Period.values()[period], ResponseSelection.ofCustomer(customer), from, to);

                    List<Spec> inRange = specs.stream().filter(s -> !s.at().isBefore(from.atStartOfDay(ZoneOffset.UTC)
                            .toInstant()) && s.at().isBefore(to.atStartOfDay(ZoneOffset.UTC).toInstant())).toList();
                    assertThat(trend.responses()).isEqualTo(inRange.size());
                    assertThat(trend.buckets().get(0).from()).isEqualTo(from);
                    assertThat(trend.buckets().get(trend.buckets().size() - 1).to()).isEqualTo(to);
                    for (int i = 1; i < trend.buckets().size(); i++) {
                        assertThat(trend.buckets().get(i).from()).isEqualTo(trend.buckets().get(i - 1).to());
                    }
                    for (TrendBucket<CustomerSatisfactionScore> b : trend.buckets()) {
                        List<Integer> scores = inRange.stream().filter(s -> {
                            LocalDate day = LocalDate.ofInstant(s.at(), ZoneOffset.UTC);
                            return !day.isBefore(b.from()) && day.isBefore(b.to());
                        }).map(Spec::csat).toList();
                        assertThat(b.responses()).isEqualTo(scores.size());
                        assertThat(b.score()).isEqualTo(scores.isEmpty() ? java.util.Optional.empty()
                                : java.util.Optional.of(CustomerSatisfactionScore.of(scores)));
                    }

                    ResponseSelection range = ResponseSelection.ofCustomer(customer).submittedBetween(
                            from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant());
                    List<Integer> nps = inRange.stream().map(Spec::nps).filter(n -> n != null).toList();
                    assertThat(f.questionnaires.nps(range)).isEqualTo(nps.isEmpty() ? java.util.Optional.empty()
                            : java.util.Optional.of(NetPromoterScore.of(nps)));
                    List<SurveyResponse> stored = f.questionnaires.responses(range);
                    assertThat(stored).hasSize(inRange.size());
                    if (!stored.isEmpty()) {
                        List<ExpectationPerception.Rating> pairs = stored.stream().map(r -> r.answer("reliable")
                                .orElseThrow()).map(a -> new ExpectationPerception.Rating("reliable",
                                a.expectation(), a.perception())).toList();
                        assertThat(f.questionnaires.expectationPerception(range))
                                .contains(ExpectationPerception.of(RatingScale.SERVQUAL, pairs));
                        List<ServqualRating> ratings = stored.stream().map(r -> ServqualRating.of(r.id().toString(),
                                ServqualDimension.RELIABILITY, "reliable", r.answer("reliable").orElseThrow()
                                        .expectation(), r.answer("reliable").orElseThrow().perception())).toList();
                        assertThat(f.questionnaires.servqual(range)).contains(Servqual.score(ratings));
                    } else {
                        assertThat(f.questionnaires.servqual(range)).isEmpty();
                    }
                });
    }
}
