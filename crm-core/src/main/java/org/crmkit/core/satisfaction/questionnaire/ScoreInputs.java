package org.crmkit.core.satisfaction.questionnaire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.crmkit.core.satisfaction.scoring.ExpectationPerception;
import org.crmkit.core.satisfaction.scoring.ServqualRating;
import org.crmkit.spi.storage.StorageException;

/**
 * The numbers the scoring classes take, read from stored responses through their questionnaires'
 * question definitions. Not API.
 */
record ScoreInputs(List<Integer> csat, List<Integer> nps, List<ExpectationPerception.Rating> pairs,
                   List<ServqualRating> servqual) {

    /**
     * @param responses   the responses
     * @param definitions every revision the responses answered, by id
     */
    static ScoreInputs of(Collection<SurveyResponse> responses, Map<QuestionnaireId, Questionnaire> definitions) {
        List<Integer> csat = new ArrayList<>();
        List<Integer> nps = new ArrayList<>();
        List<ExpectationPerception.Rating> pairs = new ArrayList<>();
        List<ServqualRating> servqual = new ArrayList<>();
        for (SurveyResponse r : responses) {
            Questionnaire q = definitions.get(r.questionnaireId());
            for (Answer a : r.answers()) {
                Question question = q.question(a.question()).orElseThrow(() -> new StorageException(
                        "survey response " + r.id() + " answers question '" + a.question() + "', which revision "
                                + q.revision() + " of '" + q.key() + "' does not have", null));
                Measure m = question.measure();
                switch (m.kind()) {
                    case CSAT -> csat.add(a.score());
                    case RECOMMENDATION -> nps.add(a.score());
                    case SERVQUAL_DIMENSION -> servqual.add(ServqualRating.of(r.id().toString(), m.dimension(),
                            question.code(), a.expectation(), a.perception()));
                    case SERVICE_QUALITY_CRITERION -> servqual.add(ServqualRating.of(r.id().toString(),
                            m.criterion(), question.code(), a.expectation(), a.perception()));
                    default -> {
                    }
                }
                if (question.scale().isPair()) {
                    pairs.add(new ExpectationPerception.Rating(question.code(), a.expectation(), a.perception()));
                }
            }
        }
        return new ScoreInputs(List.copyOf(csat), List.copyOf(nps), List.copyOf(pairs), List.copyOf(servqual));
    }
}
