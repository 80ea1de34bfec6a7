package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * The points a salesperson earns per unit sold of each product, for the sales points method
 * (domain §11; {@link Kpis#salesPoints}). A product not in the table earns no points; its lines
 * are still reported. Immutable and thread-safe.
 *
 * @param pointsPerUnit product id to points per unit; not null, no blank ids, no negative points
 * @since 0.1
 */
public record PointsTable(Map<String, BigDecimal> pointsPerUnit) {

    /** Validates the components as described above. */
    public PointsTable {
        if (pointsPerUnit == null) {
            throw new ValidationException("pointsPerUnit", "must not be null");
        }
        pointsPerUnit.forEach((product, points) -> {
            if (product == null || product.isBlank()) {
                throw new ValidationException("pointsPerUnit", "must not contain a blank product id", product);
            }
            if (points == null || points.signum() < 0) {
                throw new ValidationException("pointsPerUnit", "must give " + product + " zero or more points",
                        points);
            }
        });
        pointsPerUnit = Map.copyOf(pointsPerUnit);
    }

    /** @return the table of {@code pointsPerUnit} */
    public static PointsTable of(Map<String, BigDecimal> pointsPerUnit) {
        return new PointsTable(pointsPerUnit);
    }

    /** @return the points per unit of the product, if it is in the table */
    public Optional<BigDecimal> pointsFor(String productId) {
        return Optional.ofNullable(pointsPerUnit.get(productId));
    }
}
