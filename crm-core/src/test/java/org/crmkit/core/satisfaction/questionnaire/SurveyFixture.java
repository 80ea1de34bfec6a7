package org.crmkit.core.satisfaction.questionnaire;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.satisfaction.scoring.ServiceQualityCriterion;
import org.crmkit.core.satisfaction.scoring.ServqualDimension;

/** In-memory storage, a clock the test sets, the questionnaires of one tenant and the events they published. */
final class SurveyFixture {

    /** A clock that stands where the test puts it. */
    static final class SetClock extends Clock {
        private Instant now;

        SetClock(Instant start) {
            now = start;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final SetClock clock = new SetClock(Instant.parse("2026-01-05T09:00:00Z"));
    final InMemoryStorage storage = InMemoryStorage.create();
    final List<DomainEvent> published = new ArrayList<>();
    final TenantId tenant = TenantId.of("acme");
    final IdGenerator ids = IdGenerator.timeOrdered(clock);
    final Customers customers = new Customers(tenant, storage, clock, ids, published::add);
    final Questionnaires questionnaires = new Questionnaires(tenant, storage, clock, ids, published::add);

    /** The questions of the after-service questionnaire: every scale and every kind of measure. */
    static List<Question> afterServiceQuestions() {
        return List.of(
                Question.required("overall", "How satisfied are you with the service?", QuestionScale.CSAT_1_5,
                        Measure.csat()),
                Question.optional("recommend", "How likely are you to recommend us to a friend or colleague?",
                        QuestionScale.NPS_0_10, Measure.recommendation()),
                Question.optional("reliable", "The service was performed right the first time.",
                        QuestionScale.SERVQUAL_1_7, Measure.of(ServqualDimension.RELIABILITY)),
                Question.optional("courtesy", "The staff were polite.", QuestionScale.SERVQUAL_1_7,
                        Measure.of(ServiceQualityCriterion.COURTESY)),
                Question.optional("clean", "The workshop looked clean.", QuestionScale.SERVQUAL_1_7,
                        Measure.custom("premises")),
                Question.optional("again", "Would you use our service again?", QuestionScale.YES_NO,
                        Measure.repurchaseIntention()),
                Question.optional("remarks", "Anything else?", QuestionScale.FREE_TEXT, Measure.custom("remarks")));
    }

    /** @return a new registered customer */
    CustomerId customer(String name) {
        return customers.register(RegisterCustomer.builder(CustomerType.B2C, name, "alice").build()).id();
    }

    /** @return the after-service questionnaire, drafted and published */
    Questionnaire publishedAfterService() {
        Questionnaire q = questionnaires.draft("after-service", "How did we do?", afterServiceQuestions());
        return questionnaires.publish(q.id());
    }

    /** @return the response, submitted at {@code at} */
    SurveyResponse submitAt(Instant at, Questionnaire q, CustomerId customer, List<Subject> subjects,
                            Answer... answers) {
        clock.set(at);
        return questionnaires.submit(new SubmitResponse(q.id(), customer, subjects, Channel.WEB, List.of(answers)));
    }

    /** @return the published events of a type, in order */
    <E> List<E> events(Class<E> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
