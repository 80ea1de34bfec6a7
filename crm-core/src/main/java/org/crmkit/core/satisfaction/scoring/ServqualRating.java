package org.crmkit.core.satisfaction.scoring;

import java.util.Objects;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * One respondent's expectation and perception of one SERVQUAL item, both on the 1..7 scale
 * ({@link RatingScale#SERVQUAL}). The item belongs to a {@link ServqualDimension}, given either
 * directly or through one of the ten {@link ServiceQualityCriterion criteria}, which then decides the
 * dimension. Immutable and thread-safe.
 *
 * @param respondent  who answered; not blank
 * @param dimension   the dimension the item measures; not null
 * @param criterion   the criterion the item was given by, or null when it was given by dimension; when
 *                    set, its {@link ServiceQualityCriterion#dimension()} is {@code dimension}
 * @param item        the item (question) answered; not blank
 * @param expectation what the respondent expects of companies offering the service, 1..7
 * @param perception  what the respondent perceives of this company, 1..7
 * @since 0.1
 */
public record ServqualRating(String respondent, ServqualDimension dimension, ServiceQualityCriterion criterion,
                             String item, int expectation, int perception) {

    /**
     * @throws ValidationException naming the field for a blank text, a value off 1..7 or a criterion of
     *                             another dimension
     */
    public ServqualRating {
        if (respondent == null || respondent.isBlank()) {
            throw new ValidationException("respondent", "must not be blank", respondent);
        }
        Objects.requireNonNull(dimension, "dimension must not be null");
        if (criterion != null && criterion.dimension() != dimension) {
            throw new ValidationException("criterion", "folds into " + criterion.dimension().displayName()
                    + ", not " + dimension.displayName(), criterion.displayName());
        }
        if (item == null || item.isBlank()) {
            throw new ValidationException("item", "must not be blank", item);
        }
        RatingScale.SERVQUAL.check("expectation", expectation);
        RatingScale.SERVQUAL.check("perception", perception);
    }

    /**
     * A rating of an item given by its dimension.
     *
     * @param respondent  who answered; not blank
     * @param dimension   the dimension the item measures; not null
     * @param item        the item answered; not blank
     * @param expectation the expectation, 1..7
     * @param perception  the perception, 1..7
     * @return the rating; never null
     * @throws ValidationException as the constructor
     */
    public static ServqualRating of(String respondent, ServqualDimension dimension, String item,
                                    int expectation, int perception) {
        return new ServqualRating(respondent, dimension, null, item, expectation, perception);
    }

    /**
     * A rating of an item given by one of the ten criteria; it counts toward the criterion's dimension.
     *
     * @param respondent  who answered; not blank
     * @param criterion   the criterion the item measures; not null
     * @param item        the item answered; not blank
     * @param expectation the expectation, 1..7
     * @param perception  the perception, 1..7
     * @return the rating; never null
     * @throws ValidationException as the constructor
     */
    public static ServqualRating of(String respondent, ServiceQualityCriterion criterion, String item,
                                    int expectation, int perception) {
        Objects.requireNonNull(criterion, "criterion must not be null");
        return new ServqualRating(respondent, criterion.dimension(), criterion, item, expectation, perception);
    }

    /** @return the criterion the item was given by, if any */
    public Optional<ServiceQualityCriterion> givenCriterion() {
        return Optional.ofNullable(criterion);
    }

    /** @return {@code perception − expectation}, in -6..6 */
    public int gap() {
        return perception - expectation;
    }
}
