package org.crmkit.core.analytics.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * The current versus potential value matrix (domain §6). A customer's current value is <em>high</em>
 * when it is strictly above the current threshold, and likewise for potential value; the four
 * combinations are the {@link ValueQuadrant}s. A value equal to its threshold is low.
 *
 * <p>By default each threshold is the median of the customers' values (for an even count, the mean
 * of the two middle values). With many equal values (for example many customers with no spend in
 * the last period) the median may equal them all, and they are all low. Callers may set either
 * threshold.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ValueMatrix {

    private final double currentThreshold;
    private final double potentialThreshold;
    private final List<QuadrantAssignment> assignments;
    private final Map<String, QuadrantAssignment> byCustomer;

    private ValueMatrix(Collection<ValuePosition> positions, double currentThreshold, double potentialThreshold) {
        this.currentThreshold = currentThreshold;
        this.potentialThreshold = potentialThreshold;
        List<QuadrantAssignment> list = new ArrayList<>(positions.size());
        Map<String, QuadrantAssignment> map = new HashMap<>();
        for (ValuePosition p : positions) {
            QuadrantAssignment q = assign(p);
            if (map.put(p.customerId(), q) != null) {
                throw new ValidationException("customerId", "must be unique", p.customerId());
            }
            list.add(q);
        }
        this.assignments = Collections.unmodifiableList(list);
        this.byCustomer = map;
    }

    /**
     * Builds the matrix with both thresholds at the medians of the positions.
     *
     * @throws ValidationException on field {@code positions} if empty
     */
    public static ValueMatrix of(Collection<ValuePosition> positions) {
        List<ValuePosition> list = checked(positions);
        if (list.isEmpty()) {
            throw new ValidationException("positions", "must not be empty when the thresholds are medians");
        }
        return new ValueMatrix(list, median(list.stream().mapToDouble(ValuePosition::current).toArray()),
                median(list.stream().mapToDouble(ValuePosition::potential).toArray()));
    }

    /** Builds the matrix with the given thresholds (finite). */
    public static ValueMatrix of(Collection<ValuePosition> positions, double currentThreshold,
                                 double potentialThreshold) {
        if (!Double.isFinite(currentThreshold)) {
            throw new ValidationException("currentThreshold", "must be finite", currentThreshold);
        }
        if (!Double.isFinite(potentialThreshold)) {
            throw new ValidationException("potentialThreshold", "must be finite", potentialThreshold);
        }
        return new ValueMatrix(checked(positions), currentThreshold, potentialThreshold);
    }

    /** @return the median of the values (mean of the two middle ones for an even count); values not empty */
    public static double median(double[] values) {
        if (values == null || values.length == 0) {
            throw new ValidationException("values", "must not be empty");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : v[n / 2 - 1] / 2 + v[n / 2] / 2;
    }

    private static List<ValuePosition> checked(Collection<ValuePosition> positions) {
        if (positions == null) {
            throw new ValidationException("positions", "must not be null");
        }
        for (ValuePosition p : positions) {
            if (p == null) {
                throw new ValidationException("positions", "must not contain null");
            }
        }
        return List.copyOf(positions);
    }

    private QuadrantAssignment assign(ValuePosition p) {
        return new QuadrantAssignment(p, ValueQuadrant.of(p.current() > currentThreshold,
                p.potential() > potentialThreshold), currentThreshold, potentialThreshold);
    }

    /** @return the threshold above which current value is high */
    public double currentThreshold() {
        return currentThreshold;
    }

    /** @return the threshold above which potential value is high */
    public double potentialThreshold() {
        return potentialThreshold;
    }

    /** @return one assignment per position, in the order given; unmodifiable */
    public List<QuadrantAssignment> assignments() {
        return assignments;
    }

    /** @return the assignment of one customer */
    public Optional<QuadrantAssignment> assignment(String customerId) {
        return Optional.ofNullable(byCustomer.get(Objects.requireNonNull(customerId, "customerId must not be null")));
    }

    /** @return the quadrant a further customer with these values would get under this matrix's thresholds */
    public ValueQuadrant quadrantOf(double current, double potential) {
        return ValueQuadrant.of(current > currentThreshold, potential > potentialThreshold);
    }

    /** @return the number of customers per quadrant, every quadrant listed, in quadrant order */
    public Map<ValueQuadrant, Integer> counts() {
        Map<ValueQuadrant, Integer> counts = new EnumMap<>(ValueQuadrant.class);
        for (ValueQuadrant q : ValueQuadrant.values()) {
            counts.put(q, 0);
        }
        for (QuadrantAssignment a : assignments) {
            counts.merge(a.quadrant(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }
}
