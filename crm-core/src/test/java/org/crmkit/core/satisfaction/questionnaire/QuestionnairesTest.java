package org.crmkit.core.satisfaction.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.satisfaction.scoring.ServqualDimension;
import org.crmkit.core.service.WorkOrderId;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class QuestionnairesTest {

    private static final Instant JAN_10 = Instant.parse("2026-01-10T10:00:00Z");
    private static final Subject AGENT = Subject.staff(StaffId.of("agent-7"));

    private final SurveyFixture f = new SurveyFixture();
    private final Questionnaires questionnaires = f.questionnaires;

    // ------------------------------------------------------------------ definitions

    @Test
    void aQuestionnaireIsDraftedPublishedAndRetired() {
        Questionnaire draft = questionnaires.draft("after-service", "How did we do?",
                SurveyFixture.afterServiceQuestions());
        assertThat(draft.status()).isEqualTo(QuestionnaireStatus.DRAFT);
        assertThat(draft.revision()).isEqualTo(1);
        assertThat(draft.version()).isEqualTo(1);
        Questionnaire published = questionnaires.publish(draft.id());
        assertThat(published.status()).isEqualTo(QuestionnaireStatus.PUBLISHED);
        assertThat(published.publishedAt()).contains(f.clock.instant());
        Questionnaire retired = questionnaires.retire(draft.id());
        assertThat(retired.status()).isEqualTo(QuestionnaireStatus.RETIRED);
        assertThat(retired.version()).isEqualTo(3);
        assertThat(f.published).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Drafted", "Published", "Retired");
    }

    @Test
    void theStatusTableAllowsOnlyDraftPublishedRetired() {
        assertThat(QuestionnaireStatus.DRAFT.successors())
                .containsExactlyInAnyOrder(QuestionnaireStatus.PUBLISHED, QuestionnaireStatus.RETIRED);
        assertThat(QuestionnaireStatus.PUBLISHED.successors()).containsExactly(QuestionnaireStatus.RETIRED);
        assertThat(QuestionnaireStatus.RETIRED.successors()).isEmpty();
        assertThat(QuestionnaireStatus.PUBLISHED.canTransitionTo(QuestionnaireStatus.DRAFT)).isFalse();
        assertThat(QuestionnaireStatus.RETIRED.canTransitionTo(null)).isFalse();
    }

    @Test
    void aRefusedMoveNamesTheAggregateAndChangesNothing() {
        Questionnaire q = f.publishedAfterService();
        questionnaires.retire(q.id());
        int events = f.published.size();
        assertThatThrownBy(() -> questionnaires.publish(q.id())).isInstanceOfSatisfying(
                IllegalTransitionException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("questionnaire");
                    assertThat(e.id()).isEqualTo(q.id().value());
                    assertThat(e.state()).isEqualTo("RETIRED");
                    assertThat(e.move()).startsWith("publish");
                });
        assertThatThrownBy(() -> questionnaires.retire(q.id())).isInstanceOf(IllegalTransitionException.class);
        assertThat(questionnaires.get(q.id()).version()).isEqualTo(3);
        assertThat(f.published).hasSize(events);
    }

    @Test
    void onlyADraftsQuestionsMayChange() {
        Questionnaire draft = questionnaires.draft("web", "Web survey", List.of());
        Question q = Question.required("overall", "Satisfied?", QuestionScale.CSAT_1_5, Measure.csat());
        Questionnaire changed = questionnaires.change(draft.id(), "Web site survey", List.of(q));
        assertThat(changed.questions()).containsExactly(q);
        assertThat(questionnaires.get(draft.id()).title()).isEqualTo("Web site survey");
        questionnaires.publish(draft.id());
        assertThatThrownBy(() -> questionnaires.change(draft.id(), "Other", List.of()))
                .isInstanceOf(IllegalTransitionException.class).extracting("state").isEqualTo("PUBLISHED");
        assertThat(questionnaires.get(draft.id()).questions()).containsExactly(q);
    }

    @Test
    void anEmptyDraftCannotBePublished() {
        Questionnaire draft = questionnaires.draft("web", "Web survey", List.of());
        assertThatThrownBy(() -> questionnaires.publish(draft.id())).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("questions");
        assertThat(questionnaires.get(draft.id()).status()).isEqualTo(QuestionnaireStatus.DRAFT);
    }

    @Test
    void revisingDraftsTheNextRevisionAndPublishingItRetiresTheOneBefore() {
        Questionnaire r1 = f.publishedAfterService();
        Questionnaire r2 = questionnaires.revise(r1.id());
        assertThat(r2.revision()).isEqualTo(2);
        assertThat(r2.key()).isEqualTo("after-service");
        assertThat(r2.status()).isEqualTo(QuestionnaireStatus.DRAFT);
        assertThat(r2.questions()).isEqualTo(r1.questions());
        assertThatThrownBy(() -> questionnaires.revise(r1.id())).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("questionnaireId");
        questionnaires.publish(r2.id());
        assertThat(questionnaires.get(r1.id()).status()).isEqualTo(QuestionnaireStatus.RETIRED);
        assertThat(questionnaires.published("after-service")).get().extracting(Questionnaire::id).isEqualTo(r2.id());
        assertThat(questionnaires.revisions("after-service")).extracting(Questionnaire::revision).containsExactly(1, 2);
        assertThat(f.events(QuestionnaireEvent.Retired.class)).singleElement()
                .extracting(QuestionnaireEvent.Retired::questionnaireId).isEqualTo(r1.id());
    }

    @Test
    void aKeyIsDraftedOnce() {
        f.publishedAfterService();
        assertThatThrownBy(() -> questionnaires.draft("after-service", "Again", List.of()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("key");
        assertThat(questionnaires.revisions("after-service")).hasSize(1);
    }

    @Test
    void badDefinitionsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Question.required("overall", "Satisfied?", QuestionScale.NPS_0_10, Measure.csat()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("measure");
        assertThatThrownBy(() -> Question.required("reliable", "Reliable?", QuestionScale.CSAT_1_5,
                Measure.of(ServqualDimension.RELIABILITY))).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("measure");
        assertThatThrownBy(() -> Question.required("no spaces", "Q?", QuestionScale.YES_NO, Measure.custom("x")))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("code");
        assertThatThrownBy(() -> Measure.custom("bad name")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("measure");
        Question q = Question.required("q", "Q?", QuestionScale.YES_NO, Measure.repurchaseIntention());
        assertThatThrownBy(() -> questionnaires.draft("web", "Web", List.of(q, q)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("questions[1].code");
        assertThatThrownBy(() -> questionnaires.draft("Web Survey", "Web", List.of(q)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("key");
        assertThatThrownBy(() -> questionnaires.draft("web", " ", List.of(q)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("title");
        assertThat(questionnaires.revisions("web")).isEmpty();
    }

    @Test
    void aDefinitionRoundTripsThroughStorage() {
        Questionnaire q = f.publishedAfterService();
        Questionnaire read = questionnaires.get(q.id());
        assertThat(read.questions()).isEqualTo(SurveyFixture.afterServiceQuestions());
        assertThat(read.toRecord()).isEqualTo(q.toRecord());
        assertThat(Measure.parse("SERVICE_QUALITY_CRITERION", "COURTESY").dimension())
                .isEqualTo(ServqualDimension.ASSURANCE);
    }

    // ------------------------------------------------------------------ responses

    @Test
    void aResponseIsStoredWithItsCustomerSubjectsAndChannel() {
        Questionnaire q = f.publishedAfterService();
        CustomerId li = f.customer("Li Wei");
        OrderId order = OrderId.of(UUID.randomUUID());
        WorkOrderId workOrder = WorkOrderId.of(UUID.randomUUID());
        f.clock.set(JAN_10);
        SurveyResponse r = questionnaires.submit(new SubmitResponse(q.id(), li,
                List.of(Subject.workOrder(workOrder), Subject.order(order), AGENT, Subject.product("WM-1200"), AGENT),
                Channel.PHONE, List.of(Answer.score("overall", 4), Answer.score("recommend", 9),
                Answer.pair("reliable", 6, 5), Answer.pair("courtesy", 5, 7), Answer.yesNo("again", true),
                Answer.text("remarks", "Quick and friendly"))));
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.subjects()).hasSize(4);
        SurveyResponse read = questionnaires.getResponse(r.id());
        assertThat(read.toRecord()).isEqualTo(r.toRecord());
        assertThat(read.submittedAt()).isEqualTo(JAN_10);
        assertThat(read.channel()).isEqualTo(Channel.PHONE);
        assertThat(read.questionnaireKey()).isEqualTo("after-service");
        assertThat(read.answer("courtesy")).contains(Answer.pair("courtesy", 5, 7));
        assertThat(questionnaires.responses(ResponseSelection.about(AGENT))).extracting(SurveyResponse::id)
                .containsExactly(r.id());
        assertThat(questionnaires.responses(ResponseSelection.about(Subject.product("WM-1200")))).hasSize(1);
        assertThat(questionnaires.responses(ResponseSelection.about(Subject.order(order)))).hasSize(1);
        assertThat(questionnaires.responses(ResponseSelection.ofCustomer(li).channel(Channel.PHONE))).hasSize(1);
        assertThat(questionnaires.responses(ResponseSelection.about(Subject.product("other")))).isEmpty();
        assertThat(questionnaires.responses(ResponseSelection.all().channel(Channel.WEB))).isEmpty();
        assertThat(f.events(QuestionnaireEvent.ResponseSubmitted.class)).singleElement().satisfies(e -> {
            assertThat(e.responseId()).isEqualTo(r.id());
            assertThat(e.customerId()).isEqualTo(li);
            assertThat(e.answers()).isEqualTo(6);
        });
    }

    @Test
    void optionalQuestionsMayBeLeftOut() {
        Questionnaire q = f.publishedAfterService();
        SurveyResponse r = f.submitAt(JAN_10, q, f.customer("Li Wei"), List.of(), Answer.score("overall", 1));
        assertThat(questionnaires.getResponse(r.id()).answers()).containsExactly(Answer.score("overall", 1));
    }

    @Test
    void anAnswerToAnUnknownQuestionIsRefused() {
        refused("answers[1].question", Answer.score("overall", 4), Answer.score("speed", 4));
    }

    @Test
    void aScoreOutsideTheQuestionsScaleIsRefused() {
        refused("answers[0].score", Answer.score("overall", 6));
        refused("answers[0].score", Answer.score("overall", 0));
        refused("answers[1].score", Answer.score("overall", 5), Answer.score("recommend", 11));
        refused("answers[1].expectation", Answer.score("overall", 5), Answer.pair("reliable", 8, 5));
        refused("answers[1].perception", Answer.score("overall", 5), Answer.pair("courtesy", 4, 0));
    }

    @Test
    void anAnswerThatDoesNotFitTheScaleIsRefused() {
        refused("answers[0].score", Answer.text("overall", "good"));
        refused("answers[1].score", Answer.score("overall", 5), Answer.score("reliable", 5));
        refused("answers[1].perception", Answer.score("overall", 5),
                new Answer("courtesy", null, 5, null, null, null));
        refused("answers[1].yes", Answer.score("overall", 5), Answer.text("again", "yes"));
        refused("answers[1].score", Answer.score("overall", 5), Answer.score("remarks", 3));
    }

    @Test
    void aMissingRequiredAnswerIsRefused() {
        refused("answers", Answer.score("recommend", 10));
        refused("answers");
    }

    @Test
    void aQuestionAnsweredTwiceIsRefused() {
        refused("answers[1].question", Answer.score("overall", 5), Answer.score("overall", 4));
    }

    @Test
    void aDraftOrRetiredQuestionnaireTakesNoResponse() {
        CustomerId li = f.customer("Li Wei");
        Questionnaire draft = questionnaires.draft("web", "Web", SurveyFixture.afterServiceQuestions());
        assertThatThrownBy(() -> f.submitAt(JAN_10, draft, li, List.of(), Answer.score("overall", 5)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("questionnaireId");
        questionnaires.publish(draft.id());
        questionnaires.retire(draft.id());
        assertThatThrownBy(() -> f.submitAt(JAN_10, draft, li, List.of(), Answer.score("overall", 5)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("RETIRED")
                .extracting("field").isEqualTo("questionnaireId");
        assertThat(questionnaires.responses(ResponseSelection.all())).isEmpty();
        assertThat(f.events(QuestionnaireEvent.ResponseSubmitted.class)).isEmpty();
    }

    @Test
    void anUnknownCustomerOrQuestionnaireIsRefused() {
        Questionnaire q = f.publishedAfterService();
        CustomerId stranger = CustomerId.of(UUID.randomUUID());
        assertThatThrownBy(() -> f.submitAt(JAN_10, q, stranger, List.of(), Answer.score("overall", 5)))
                .isInstanceOf(NoSuchCustomerException.class);
        SubmitResponse unknown = new SubmitResponse(QuestionnaireId.of(UUID.randomUUID()), f.customer("Li"),
                List.of(), Channel.WEB, List.of(Answer.score("overall", 5)));
        assertThatThrownBy(() -> questionnaires.submit(unknown)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("questionnaireId");
        assertThat(questionnaires.responses(ResponseSelection.all())).isEmpty();
    }

    @Test
    void badSubjectsAndMissingPartsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new Subject(SubjectKind.ORDER, "not-a-uuid")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("subject");
        assertThatThrownBy(() -> Subject.product(" ")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("subject");
        assertThatThrownBy(() -> new SubmitResponse(QuestionnaireId.of(UUID.randomUUID()), null, List.of(),
                Channel.WEB, List.of())).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("customerId");
        assertThatThrownBy(() -> new SubmitResponse(QuestionnaireId.of(UUID.randomUUID()),
                CustomerId.of(UUID.randomUUID()), List.of(), null, List.of()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("channel");
        assertThatThrownBy(() -> Answer.text("remarks", "  ")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("text");
    }

    @Test
    void aResponseCannotBeChangedOnceSubmitted() {
        Questionnaire q = f.publishedAfterService();
        SurveyResponse r = f.submitAt(JAN_10, q, f.customer("Li Wei"), List.of(AGENT), Answer.score("overall", 2));
        assertThat(Arrays.stream(SurveyResponse.class.getDeclaredFields())
                .filter(fd -> !Modifier.isStatic(fd.getModifiers()))
                .allMatch(fd -> Modifier.isFinal(fd.getModifiers()))).isTrue();
        assertThat(Arrays.stream(SurveyResponse.class.getMethods())
                .filter(m -> m.getDeclaringClass() == SurveyResponse.class && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType() == void.class)).isEmpty();
        assertThatThrownBy(() -> r.answers().add(Answer.score("overall", 5)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.subjects().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(questionnaires.getResponse(r.id()).answers()).containsExactly(Answer.score("overall", 2));
    }

    @Test
    void everyCallIsConfinedToItsTenant() {
        Questionnaire q = f.publishedAfterService();
        f.submitAt(JAN_10, q, f.customer("Li Wei"), List.of(AGENT), Answer.score("overall", 5));
        Questionnaires other = new Questionnaires(TenantId.of("globex"), f.storage, f.clock, f.ids,
                f.published::add);
        assertThat(other.find(q.id())).isEmpty();
        assertThat(other.revisions("after-service")).isEmpty();
        assertThat(other.responses(ResponseSelection.all())).isEmpty();
        assertThat(other.csat(ResponseSelection.all())).isEmpty();
        assertThatThrownBy(() -> other.retire(q.id())).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("questionnaireId");
        assertThat(questionnaires.get(q.id()).status()).isEqualTo(QuestionnaireStatus.PUBLISHED);
        Questionnaire theirs = other.draft("after-service", "Theirs", List.of());
        assertThat(theirs.id()).isNotEqualTo(q.id());
        assertThat(questionnaires.get(q.id()).title()).isEqualTo("How did we do?");
    }

    private void refused(String field, Answer... answers) {
        Questionnaire q = questionnaires.published("after-service").orElseGet(f::publishedAfterService);
        CustomerId li = f.customer("Li Wei");
        int events = f.published.size();
        assertThatThrownBy(() -> f.submitAt(JAN_10, q, li, List.of(AGENT), answers))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo(field);
        assertThat(questionnaires.responses(ResponseSelection.all())).isEmpty();
        assertThat(f.published).hasSize(events);
    }
}
