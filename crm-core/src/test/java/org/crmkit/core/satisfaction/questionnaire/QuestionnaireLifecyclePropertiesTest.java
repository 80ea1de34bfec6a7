package org.crmkit.core.satisfaction.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.List;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of verbs on one questionnaire key never break its rules: at most one published
 * revision, refused verbs change nothing, responses are accepted exactly by the published revision,
 * and published or retired revisions keep their questions.
 */
class QuestionnaireLifecyclePropertiesTest {

    private static final Instant AT = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void randomVerbSequencesKeepTheLifecycleRules() {
        qt().withExamples(150).withFixedSeed(5L)
                .forAll(lists().of(integers().between(0, 5 * 8 - 1)).ofSizeBetween(1, 25))
                .checkAssert(actions -> {
                    SurveyFixture f = new SurveyFixture();
                    Questionnaires qs = f.questionnaires;
                    CustomerId li = f.customer("Li Wei");
                    qs.draft("web", "Web", SurveyFixture.afterServiceQuestions());
                    int accepted = 0;
                    for (int a : actions) {
                        List<Questionnaire> revisions = qs.revisions("web");
                        Questionnaire target = revisions.get(a / 5 % revisions.size());
                        List<Questionnaire> before = revisions;
                        boolean changed = true;
                        try {
                            switch (a % 5) {
                                case 0 -> qs.publish(target.id());
                                case 1 -> qs.retire(target.id());
                                case 2 -> qs.revise(target.id());
                                case 3 -> qs.change(target.id(), "Changed", SurveyFixture.afterServiceQuestions()
                                        .subList(0, 3));
                                default -> {
                                    f.submitAt(AT, target, li, List.of(), Answer.score("overall", 5));
                                    assertThat(target.status()).isEqualTo(QuestionnaireStatus.PUBLISHED);
                                    accepted++;
                                }
                            }
                        } catch (IllegalTransitionException | ValidationException e) {
                            changed = false;
                        }
                        List<Questionnaire> after = qs.revisions("web");
                        if (!changed) {
                            assertThat(after).extracting(Questionnaire::toRecord)
                                    .isEqualTo(before.stream().map(Questionnaire::toRecord).toList());
                            if (a % 5 == 4) {
                                assertThat(target.status()).isNotEqualTo(QuestionnaireStatus.PUBLISHED);
                            }
                        }
                        assertThat(after.stream().filter(q -> q.status() == QuestionnaireStatus.PUBLISHED))
                                .hasSizeLessThanOrEqualTo(1);
                        assertThat(after.stream().filter(q -> q.status() == QuestionnaireStatus.DRAFT))
                                .hasSizeLessThanOrEqualTo(1);
                        for (Questionnaire q : after) {
                            before.stream().filter(b -> b.id().equals(q.id())
                                    && b.status() != QuestionnaireStatus.DRAFT).findFirst()
                                    .ifPresent(b -> assertThat(q.questions()).isEqualTo(b.questions()));
                            assertThat(q.status().compareTo(before.stream().filter(b -> b.id().equals(q.id()))
                                    .map(Questionnaire::status).findFirst().orElse(QuestionnaireStatus.DRAFT)))
                                    .isGreaterThanOrEqualTo(0);
                        }
                    }
                    assertThat(qs.responses(ResponseSelection.all())).hasSize(accepted);
                });
    }
}
