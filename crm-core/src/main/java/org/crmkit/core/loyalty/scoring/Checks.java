package org.crmkit.core.loyalty.scoring;

import java.util.List;

import org.crmkit.core.satisfaction.scoring.RatingScale;
import org.crmkit.spi.ValidationException;

/** Validation shared by the scoring values. Not API. */
final class Checks {
    private Checks() {
    }

    /** @return {@code value} if it is finite and in [min, max] */
    static double between(String field, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new ValidationException(field, "must be finite and between " + min + " and " + max, value);
        }
        return value;
    }

    /** @return {@code value} if it is finite and not negative */
    static double nonNegative(String field, double value) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw new ValidationException(field, "must be finite and not negative", value);
        }
        return value;
    }

    /** @return {@code value} if it is finite and positive */
    static double positive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0.0) {
            throw new ValidationException(field, "must be finite and positive", value);
        }
        return value;
    }

    /** @return an unmodifiable copy of {@code answers}, each checked against {@code scale} */
    static List<Integer> answers(String field, List<Integer> answers, RatingScale scale) {
        if (answers == null) {
            throw new ValidationException(field, "must not be null (use an empty list)");
        }
        for (int i = 0; i < answers.size(); i++) {
            Integer a = answers.get(i);
            if (a == null) {
                throw new ValidationException(field + "[" + i + "]", "must not be null");
            }
            scale.check(field + "[" + i + "]", a);
        }
        return List.copyOf(answers);
    }

    /** @return the mean of non-empty {@code answers} */
    static double mean(List<Integer> answers) {
        long sum = 0;
        for (int a : answers) {
            sum += a;
        }
        return (double) sum / answers.size();
    }

    /** @return {@code value} if it is finite, above 0 and at most {@code max} */
    static double aboveZeroAtMost(String field, double value, double max) {
        if (!Double.isFinite(value) || value <= 0.0 || value > max) {
            throw new ValidationException(field, "must be above 0 and at most " + max, value);
        }
        return value;
    }

    /** @return {@code value} if it is not null */
    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }
}
