package org.crmkit.core.satisfaction.questionnaire;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.crmkit.core.satisfaction.scoring.CustomerSatisfactionScore;
import org.crmkit.core.satisfaction.scoring.ExpectationPerception;
import org.crmkit.core.satisfaction.scoring.NetPromoterScore;
import org.crmkit.core.satisfaction.scoring.RatingScale;
import org.crmkit.core.satisfaction.scoring.Servqual;
import org.crmkit.core.satisfaction.scoring.ServqualWeights;

/**
 * A score computed from stored responses by one of the scoring classes of
 * {@code org.crmkit.core.satisfaction.scoring}, over the answers to the questions that feed it:
 *
 * <ul>
 *   <li>{@link #CSAT}: {@link CustomerSatisfactionScore#of} of the answers to {@link MeasureKind#CSAT} questions;</li>
 *   <li>{@link #NPS}: {@link NetPromoterScore#of} of the answers to {@link MeasureKind#RECOMMENDATION} questions;</li>
 *   <li>{@link #EXPECTATION_PERCEPTION}: {@link ExpectationPerception#of} on the 1..7 scale of every
 *       expectation/perception pair, one item per question code;</li>
 *   <li>{@link #SERVQUAL} and {@link #servqual(ServqualWeights)}: {@link Servqual#score} of the pairs of
 *       questions that measure a SERVQUAL dimension or one of the ten criteria, one respondent per
 *       response, one item per question code.</li>
 * </ul>
 *
 * <p>A metric with no answer to score gives no score (an empty {@code Optional}), never 0. Immutable
 * and thread-safe.
 *
 * @param <S> the score type
 * @since 0.1
 */
public final class Metric<S> {

    /** The customer satisfaction score. */
    public static final Metric<CustomerSatisfactionScore> CSAT = new Metric<>("CSAT",
            in -> in.csat().isEmpty() ? Optional.empty() : Optional.of(CustomerSatisfactionScore.of(in.csat())));

    /** The Net Promoter Score. */
    public static final Metric<NetPromoterScore> NPS = new Metric<>("NPS",
            in -> in.nps().isEmpty() ? Optional.empty() : Optional.of(NetPromoterScore.of(in.nps())));

    /** Satisfaction as perception minus expectation, per question and overall. */
    public static final Metric<ExpectationPerception> EXPECTATION_PERCEPTION = new Metric<>("EXPECTATION_PERCEPTION",
            in -> in.pairs().isEmpty() ? Optional.empty()
                    : Optional.of(ExpectationPerception.of(RatingScale.SERVQUAL, in.pairs())));

    /** The SERVQUAL gaps, unweighted. */
    public static final Metric<Servqual> SERVQUAL = new Metric<>("SERVQUAL",
            in -> in.servqual().isEmpty() ? Optional.empty() : Optional.of(Servqual.score(in.servqual())));

    private final String name;
    private final Function<ScoreInputs, Optional<S>> score;

    private Metric(String name, Function<ScoreInputs, Optional<S>> score) {
        this.name = name;
        this.score = score;
    }

    /**
     * The SERVQUAL gaps with the weighted gap.
     *
     * @param weights the dimensions' weights; not null
     * @return the metric; scoring it throws {@link org.crmkit.spi.ValidationException} on {@code weights}
     *         when no dimension rated has a weight
     */
    public static Metric<Servqual> servqual(ServqualWeights weights) {
        Objects.requireNonNull(weights, "weights must not be null");
        return new Metric<>("SERVQUAL_WEIGHTED",
                in -> in.servqual().isEmpty() ? Optional.empty() : Optional.of(Servqual.score(in.servqual(), weights)));
    }

    /** @return the metric's name, for example {@code "CSAT"} */
    public String name() {
        return name;
    }

    Optional<S> score(ScoreInputs inputs) {
        return score.apply(inputs);
    }

    @Override
    public String toString() {
        return name;
    }
}
