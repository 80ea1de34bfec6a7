package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One delivered order line in the sales points method: {@code points = points per unit × quantity};
 * a product not in the {@link PointsTable} earns none. Immutable.
 *
 * @param orderId       the order; not null
 * @param deliveredOn   the day it was delivered; not null
 * @param productId     the product; not null
 * @param quantity      units sold; not null
 * @param pointsPerUnit the table's points per unit; empty if the product is not in the table
 * @param points        the line's points; zero if not in the table
 * @since 0.1
 */
public record PointsLine(UUID orderId, LocalDate deliveredOn, String productId, BigDecimal quantity,
                         Optional<BigDecimal> pointsPerUnit, BigDecimal points) {

    /** Validates the components as described above. */
    public PointsLine {
        Objects.requireNonNull(orderId, "orderId must not be null");
        Objects.requireNonNull(deliveredOn, "deliveredOn must not be null");
        Objects.requireNonNull(productId, "productId must not be null");
        Objects.requireNonNull(quantity, "quantity must not be null");
        Objects.requireNonNull(pointsPerUnit, "pointsPerUnit must not be null");
        Objects.requireNonNull(points, "points must not be null");
    }
}
