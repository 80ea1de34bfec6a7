package org.crmkit.core.satisfaction.scoring;

import org.crmkit.spi.ValidationException;

/**
 * A closed range of whole-number answers, such as 0..10 for the recommendation question of the Net
 * Promoter Score. Immutable and thread-safe.
 *
 * @param min the lowest answer allowed
 * @param max the highest answer allowed; greater than {@code min}
 * @since 0.1
 */
public record RatingScale(int min, int max) {

    /** The 0..10 "how likely are you to recommend" scale of the Net Promoter Score. */
    public static final RatingScale NPS = new RatingScale(0, 10);
    /** The 1..5 satisfaction scale of CSAT (5 = very satisfied). */
    public static final RatingScale CSAT = new RatingScale(1, 5);
    /** The 1..7 agreement scale of SERVQUAL (1 = strongly disagree, 7 = strongly agree). */
    public static final RatingScale SERVQUAL = new RatingScale(1, 7);

    /**
     * @throws ValidationException on "max" when {@code max <= min}
     */
    public RatingScale {
        if (max <= min) {
            throw new ValidationException("max", "must be greater than min " + min, max);
        }
    }

    /**
     * @param value an answer
     * @return whether the answer lies on this scale
     */
    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    /**
     * Refuses an answer off this scale.
     *
     * @param field what the answer is, for the exception (for example {@code "score"}); not null
     * @param value the answer
     * @return {@code value}
     * @throws ValidationException on {@code field} with the rule "V is outside MIN..MAX"
     */
    public int check(String field, int value) {
        if (!contains(value)) {
            throw new ValidationException(field, value + " is outside " + this);
        }
        return value;
    }

    /** @return {@code "min..max"}, for example {@code "0..10"} */
    @Override
    public String toString() {
        return min + ".." + max;
    }
}
