package org.crmkit.core.satisfaction.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

import org.crmkit.spi.ValidationException;

/**
 * SERVQUAL service-quality gaps (Parasuraman, Zeithaml &amp; Berry 1988): for each dimension present in
 * the ratings, the mean expectation, the mean perception and their gap ({@code perception −
 * expectation}, negative when the service falls short); the unweighted overall gap, the mean of the
 * dimension gaps; and, with {@link ServqualWeights}, the weighted overall gap
 * {@code Σ w_d·gap_d / Σ w_d} over the weighted dimensions present.
 *
 * <p>Ratings given by one of the ten criteria count toward the dimension the criterion folds into;
 * {@link #criteria()} also reports them per criterion. Every figure is computed exactly from the whole
 * numbers and decimal weights and rounded once to the nearest double. Immutable and thread-safe.
 *
 * @param dimensions  one entry per dimension present, in {@link ServqualDimension} order; not empty
 * @param criteria    one entry per criterion that ratings were given by, in
 *                    {@link ServiceQualityCriterion} order; may be empty
 * @param overallGap  the mean of the dimension gaps
 * @param weightedGap the weighted mean of the dimension gaps, when weights were given
 * @since 0.1
 */
public record Servqual(List<DimensionGap> dimensions, List<CriterionGap> criteria, double overallGap,
                       OptionalDouble weightedGap) {

    /** Copies the lists. */
    public Servqual {
        dimensions = List.copyOf(Objects.requireNonNull(dimensions, "dimensions must not be null"));
        criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria must not be null"));
        Objects.requireNonNull(weightedGap, "weightedGap must not be null");
        if (dimensions.isEmpty()) {
            throw new ValidationException("dimensions", "must not be empty");
        }
    }

    /**
     * The means of one dimension over its ratings.
     *
     * @param dimension   the dimension; not null
     * @param ratings     how many ratings count toward it; positive
     * @param expectation the mean expectation, in [1, 7]
     * @param perception  the mean perception, in [1, 7]
     * @param gap         {@code perception − expectation}, computed exactly, in [-6, 6]
     * @since 0.1
     */
    public record DimensionGap(ServqualDimension dimension, long ratings, double expectation, double perception,
                               double gap) {
    }

    /**
     * The means of the ratings given by one of the ten criteria.
     *
     * @param criterion   the criterion; not null
     * @param ratings     how many ratings were given by it; positive
     * @param expectation the mean expectation
     * @param perception  the mean perception
     * @param gap         {@code perception − expectation}, computed exactly
     * @since 0.1
     */
    public record CriterionGap(ServiceQualityCriterion criterion, long ratings, double expectation,
                               double perception, double gap) {
    }

    /**
     * Scores ratings without weights.
     *
     * @param ratings the ratings; not null, not empty
     * @return the gaps; {@link #weightedGap()} empty; never null
     * @throws ValidationException on "ratings" when empty
     */
    public static Servqual score(List<ServqualRating> ratings) {
        return compute(ratings, null);
    }

    /**
     * Scores ratings and weighs the dimension gaps.
     *
     * @param ratings the ratings; not null, not empty
     * @param weights the weights; not null
     * @return the gaps with {@link #weightedGap()} set; never null
     * @throws ValidationException on "ratings" when empty, on "weights" when no dimension present in the
     *                             ratings has a weight
     */
    public static Servqual score(List<ServqualRating> ratings, ServqualWeights weights) {
        return compute(ratings, Objects.requireNonNull(weights, "weights must not be null"));
    }

    /** @return the gap of a dimension present in the ratings, if it is */
    public OptionalDouble gapOf(ServqualDimension dimension) {
        return dimensions.stream().filter(d -> d.dimension() == dimension)
                .mapToDouble(DimensionGap::gap).findFirst();
    }

    private static Servqual compute(List<ServqualRating> ratings, ServqualWeights weights) {
        Objects.requireNonNull(ratings, "ratings must not be null");
        if (ratings.isEmpty()) {
            throw new ValidationException("ratings", "must not be empty");
        }
        Map<ServqualDimension, long[]> byDimension = new EnumMap<>(ServqualDimension.class);
        Map<ServiceQualityCriterion, long[]> byCriterion = new EnumMap<>(ServiceQualityCriterion.class);
        for (ServqualRating r : ratings) {
            Objects.requireNonNull(r, "rating must not be null");
            add(byDimension.computeIfAbsent(r.dimension(), k -> new long[3]), r);
            if (r.criterion() != null) {
                add(byCriterion.computeIfAbsent(r.criterion(), k -> new long[3]), r);
            }
        }
        List<DimensionGap> dimensions = new ArrayList<>();
        Fraction gapSum = Fraction.ZERO;
        Fraction weightedSum = Fraction.ZERO;
        Fraction weightSum = Fraction.ZERO;
        for (Map.Entry<ServqualDimension, long[]> e : byDimension.entrySet()) {
            long[] s = e.getValue();
            Fraction gap = Fraction.of(s[2] - s[1], s[0]);
            gapSum = gapSum.plus(gap);
            if (weights != null && weights.weights().containsKey(e.getKey())) {
                Fraction w = Fraction.of(weights.weights().get(e.getKey()));
                weightedSum = weightedSum.plus(w.times(gap));
                weightSum = weightSum.plus(w);
            }
            dimensions.add(new DimensionGap(e.getKey(), s[0], Fraction.of(s[1], s[0]).toDouble(),
                    Fraction.of(s[2], s[0]).toDouble(), gap.toDouble()));
        }
        List<CriterionGap> criteria = new ArrayList<>();
        byCriterion.forEach((c, s) -> criteria.add(new CriterionGap(c, s[0], Fraction.of(s[1], s[0]).toDouble(),
                Fraction.of(s[2], s[0]).toDouble(), Fraction.of(s[2] - s[1], s[0]).toDouble())));
        double overall = gapSum.dividedBy(Fraction.of(dimensions.size(), 1)).toDouble();
        OptionalDouble weighted = OptionalDouble.empty();
        if (weights != null) {
            if (weightSum.isZero()) {
                throw new ValidationException("weights", "must give a weight to at least one dimension in the "
                        + "ratings (" + String.join(", ", dimensions.stream()
                        .map(d -> d.dimension().displayName()).toList()) + ")");
            }
            weighted = OptionalDouble.of(weightedSum.dividedBy(weightSum).toDouble());
        }
        return new Servqual(dimensions, criteria, overall, weighted);
    }

    private static void add(long[] sums, ServqualRating r) {
        sums[0]++;
        sums[1] += r.expectation();
        sums[2] += r.perception();
    }
}
