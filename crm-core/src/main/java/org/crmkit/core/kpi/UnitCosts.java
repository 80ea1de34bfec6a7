package org.crmkit.core.kpi;

import java.util.Map;
import java.util.Optional;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;

/**
 * The cost of goods of one unit of a product, supplied by the caller (the host's ERP keeps unit
 * costs; the product catalogue SPI does not). Used by the sales gross margin method
 * ({@link Kpis#salesGrossMargin}). Implementations must be thread-safe for the duration of a call.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface UnitCosts {

    /**
     * @param productId the catalogue's product id; not null
     * @return the cost of one unit, in the currency of the orders evaluated; empty when unknown
     *         (the line is then reported without a cost and left out of the margin)
     */
    Optional<Money> unitCost(String productId);

    /**
     * @param costs product id to unit cost; not null, no null keys or values, no negative cost
     * @return a lookup over a copy of {@code costs}
     * @throws ValidationException on {@code unitCosts} if a cost is negative or null
     */
    static UnitCosts of(Map<String, Money> costs) {
        if (costs == null) {
            throw new ValidationException("unitCosts", "must not be null");
        }
        costs.forEach((product, cost) -> {
            if (product == null || cost == null) {
                throw new ValidationException("unitCosts", "must not contain null product ids or costs");
            }
            if (cost.signum() < 0) {
                throw new ValidationException("unitCosts", "must not contain a negative cost for " + product, cost);
            }
        });
        Map<String, Money> copy = Map.copyOf(costs);
        return productId -> Optional.ofNullable(copy.get(productId));
    }
}
