package org.crmkit.core.satisfaction.questionnaire;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.crmkit.core.common.Enums;
import org.crmkit.core.satisfaction.scoring.ServiceQualityCriterion;
import org.crmkit.core.satisfaction.scoring.ServqualDimension;
import org.crmkit.spi.ValidationException;

/**
 * What a question measures: CSAT, recommendation (NPS), intention to buy again, a SERVQUAL dimension,
 * one of the ten criteria of service quality, or a custom name. Immutable and thread-safe.
 *
 * @param kind      the kind; not null
 * @param dimension the dimension, for {@link MeasureKind#SERVQUAL_DIMENSION} and (the criterion's
 *                  dimension) {@link MeasureKind#SERVICE_QUALITY_CRITERION}; null otherwise
 * @param criterion the criterion, for {@link MeasureKind#SERVICE_QUALITY_CRITERION}; null otherwise
 * @param custom    the name, for {@link MeasureKind#CUSTOM}: a letter or digit, then up to 63 letters,
 *                  digits, {@code _}, {@code -} or {@code .}; null otherwise
 * @since 0.1
 */
public record Measure(MeasureKind kind, ServqualDimension dimension, ServiceQualityCriterion criterion,
                      String custom) {

    private static final Pattern CUSTOM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** @throws ValidationException on {@code measure} when the parts do not fit the kind */
    public Measure {
        if (kind == null) {
            throw new ValidationException("measure", "must not be null");
        }
        boolean fits = switch (kind) {
            case CSAT, RECOMMENDATION, REPURCHASE_INTENTION -> dimension == null && criterion == null && custom == null;
            case SERVQUAL_DIMENSION -> dimension != null && criterion == null && custom == null;
            case SERVICE_QUALITY_CRITERION -> criterion != null && dimension == criterion.dimension() && custom == null;
            case CUSTOM -> dimension == null && criterion == null && custom != null && CUSTOM.matcher(custom).matches();
        };
        if (!fits) {
            throw new ValidationException("measure", "must name exactly what a " + kind + " measure needs",
                    dimension + "/" + criterion + "/" + custom);
        }
    }

    /** @return satisfaction, scored as CSAT */
    public static Measure csat() {
        return new Measure(MeasureKind.CSAT, null, null, null);
    }

    /** @return willingness to recommend, scored as NPS */
    public static Measure recommendation() {
        return new Measure(MeasureKind.RECOMMENDATION, null, null, null);
    }

    /** @return intention to buy again */
    public static Measure repurchaseIntention() {
        return new Measure(MeasureKind.REPURCHASE_INTENTION, null, null, null);
    }

    /** @return a SERVQUAL dimension; not null */
    public static Measure of(ServqualDimension dimension) {
        Objects.requireNonNull(dimension, "dimension must not be null");
        return new Measure(MeasureKind.SERVQUAL_DIMENSION, dimension, null, null);
    }

    /** @return one of the ten criteria, counting toward its dimension; not null */
    public static Measure of(ServiceQualityCriterion criterion) {
        Objects.requireNonNull(criterion, "criterion must not be null");
        return new Measure(MeasureKind.SERVICE_QUALITY_CRITERION, criterion.dimension(), criterion, null);
    }

    /** @return a measure of the company's own naming, for example {@code "delivery-speed"} */
    public static Measure custom(String name) {
        return new Measure(MeasureKind.CUSTOM, null, null, name);
    }

    /**
     * Reads a stored measure.
     *
     * @param kind the kind's name
     * @param name the dimension, criterion or custom name; null for the other kinds
     * @throws ValidationException on {@code measure} or {@code measureName} if they do not name a measure
     */
    public static Measure parse(String kind, String name) {
        MeasureKind k = Enums.parse(MeasureKind.class, kind, "measure");
        return switch (k) {
            case SERVQUAL_DIMENSION -> of(Enums.parse(ServqualDimension.class, name, "measureName"));
            case SERVICE_QUALITY_CRITERION -> of(Enums.parse(ServiceQualityCriterion.class, name, "measureName"));
            case CUSTOM -> custom(name);
            default -> new Measure(k, null, null, null);
        };
    }

    /** @return the dimension, criterion or custom name as stored; empty for the other kinds */
    public Optional<String> name() {
        return switch (kind) {
            case SERVQUAL_DIMENSION -> Optional.of(dimension.name());
            case SERVICE_QUALITY_CRITERION -> Optional.of(criterion.name());
            case CUSTOM -> Optional.of(custom);
            default -> Optional.empty();
        };
    }

    /** @return whether a question measuring this may be asked on {@code scale} */
    public boolean fits(QuestionScale scale) {
        return switch (kind) {
            case CSAT -> scale == QuestionScale.CSAT_1_5;
            case RECOMMENDATION -> scale == QuestionScale.NPS_0_10;
            case REPURCHASE_INTENTION -> scale.isScore() || scale == QuestionScale.YES_NO;
            case SERVQUAL_DIMENSION, SERVICE_QUALITY_CRITERION -> scale.isPair();
            case CUSTOM -> true;
        };
    }

    @Override
    public String toString() {
        return kind + name().map(n -> "(" + n + ")").orElse("");
    }
}
