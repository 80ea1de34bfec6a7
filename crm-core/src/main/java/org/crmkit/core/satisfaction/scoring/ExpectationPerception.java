package org.crmkit.core.satisfaction.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * The expectation-versus-perception model of satisfaction: satisfaction is perceived performance
 * minus expectation. Per item, {@code satisfaction = mean(perceived) − mean(expected)} over the
 * item's ratings (equal to the mean of the per-rating differences); overall, the mean of the item
 * satisfactions, each item counting once. Positive means expectations were exceeded.
 *
 * <p>Every figure is computed exactly and rounded once to the nearest double. Immutable and
 * thread-safe.
 *
 * @param scale   the scale both expectation and perception were rated on; not null
 * @param items   one entry per item, in order of first appearance; not empty, unmodifiable
 * @param overall the mean of the items' satisfaction
 * @since 0.1
 */
public record ExpectationPerception(RatingScale scale, List<ItemSatisfaction> items, double overall) {

    /** Validates the components and copies the list. */
    public ExpectationPerception {
        Objects.requireNonNull(scale, "scale must not be null");
        items = List.copyOf(Objects.requireNonNull(items, "items must not be null"));
        if (items.isEmpty()) {
            throw new ValidationException("items", "must not be empty");
        }
    }

    /**
     * One customer's expectation of an item and perception of what they got.
     *
     * @param item      the item (a question, an attribute of the service); not blank
     * @param expected  the expectation, on the scale
     * @param perceived the perception, on the scale
     * @since 0.1
     */
    public record Rating(String item, int expected, int perceived) {
        /** @throws ValidationException on "item" when blank */
        public Rating {
            if (item == null || item.isBlank()) {
                throw new ValidationException("item", "must not be blank", item);
            }
        }
    }

    /**
     * The satisfaction with one item.
     *
     * @param item         the item; not blank
     * @param ratings      how many ratings it had; positive
     * @param expected     mean expectation
     * @param perceived    mean perception
     * @param satisfaction {@code perceived − expected}, computed exactly
     * @since 0.1
     */
    public record ItemSatisfaction(String item, long ratings, double expected, double perceived,
                                   double satisfaction) {
    }

    /**
     * Scores a set of ratings.
     *
     * @param scale   the scale of every rating; not null
     * @param ratings the ratings; not null, not empty
     * @return the per-item and overall satisfaction; never null
     * @throws ValidationException on "expected" or "perceived" ("ratings[i].expected: 9 is outside 1..7")
     *                             for a value off the scale, on "ratings" when empty
     */
    public static ExpectationPerception of(RatingScale scale, List<Rating> ratings) {
        Objects.requireNonNull(scale, "scale must not be null");
        Objects.requireNonNull(ratings, "ratings must not be null");
        if (ratings.isEmpty()) {
            throw new ValidationException("ratings", "must not be empty");
        }
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (int i = 0; i < ratings.size(); i++) {
            Rating r = Objects.requireNonNull(ratings.get(i), "rating must not be null");
            try {
                scale.check("expected", r.expected());
                scale.check("perceived", r.perceived());
            } catch (ValidationException e) {
                throw e.withFieldPrefix("ratings[" + i + "].");
            }
            long[] s = sums.computeIfAbsent(r.item(), k -> new long[3]);
            s[0]++;
            s[1] += r.expected();
            s[2] += r.perceived();
        }
        List<ItemSatisfaction> items = new ArrayList<>();
        Fraction total = Fraction.ZERO;
        for (Map.Entry<String, long[]> e : sums.entrySet()) {
            long[] s = e.getValue();
            Fraction satisfaction = Fraction.of(s[2] - s[1], s[0]);
            total = total.plus(satisfaction);
            items.add(new ItemSatisfaction(e.getKey(), s[0], Fraction.of(s[1], s[0]).toDouble(),
                    Fraction.of(s[2], s[0]).toDouble(), satisfaction.toDouble()));
        }
        return new ExpectationPerception(scale, items, total.dividedBy(Fraction.of(items.size(), 1)).toDouble());
    }
}
