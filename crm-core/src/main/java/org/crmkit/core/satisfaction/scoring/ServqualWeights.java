package org.crmkit.core.satisfaction.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * The relative importance of SERVQUAL dimensions, on any positive scale (points out of 100, shares
 * summing to 1, ranks...): only the ratios between weights matter. A dimension without a weight does
 * not count toward the weighted gap. Immutable and thread-safe.
 *
 * @param weights a positive weight per dimension; not empty, unmodifiable, in dimension order
 * @since 0.1
 */
public record ServqualWeights(Map<ServqualDimension, BigDecimal> weights) {

    /**
     * @throws ValidationException on "weights" when empty, on "weights[dimension]" for a weight that is
     *                             not positive
     */
    public ServqualWeights {
        Objects.requireNonNull(weights, "weights must not be null");
        if (weights.isEmpty()) {
            throw new ValidationException("weights", "must give at least one dimension a weight");
        }
        EnumMap<ServqualDimension, BigDecimal> copy = new EnumMap<>(ServqualDimension.class);
        for (Map.Entry<ServqualDimension, BigDecimal> e : weights.entrySet()) {
            ServqualDimension d = Objects.requireNonNull(e.getKey(), "dimension must not be null");
            BigDecimal w = Objects.requireNonNull(e.getValue(), "weight must not be null");
            if (w.signum() <= 0) {
                throw new ValidationException("weights[" + d.displayName() + "]", "must be positive", w.toPlainString());
            }
            copy.put(d, w);
        }
        weights = Collections.unmodifiableMap(copy);
    }

    /**
     * @param weights a positive weight per dimension; not null, not empty
     * @return the weights; never null
     * @throws ValidationException as the constructor
     */
    public static ServqualWeights of(Map<ServqualDimension, BigDecimal> weights) {
        return new ServqualWeights(weights);
    }
}
