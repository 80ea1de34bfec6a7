package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.common.Money;

/**
 * One delivered order line in the sales gross margin method: revenue (the line's net amount, after
 * discount, before tax), cost of goods ({@code unit cost × quantity}) and margin
 * ({@code revenue − cost}); cost and margin are empty when the unit cost is unknown. Immutable.
 *
 * @param orderId     the order; not null
 * @param deliveredOn the day it was delivered; not null
 * @param productId   the product; not null
 * @param quantity    units sold; not null
 * @param revenue     the line's net amount; not null
 * @param unitCost    the caller's unit cost; empty if unknown
 * @param cost        unit cost × quantity, rounded half up to the currency; empty if unknown
 * @param margin      revenue − cost; empty if unknown
 * @since 0.1
 */
public record MarginLine(UUID orderId, LocalDate deliveredOn, String productId, BigDecimal quantity, Money revenue,
                         Optional<Money> unitCost, Optional<Money> cost, Optional<Money> margin) {

    /** Validates the components as described above. */
    public MarginLine {
        Objects.requireNonNull(orderId, "orderId must not be null");
        Objects.requireNonNull(deliveredOn, "deliveredOn must not be null");
        Objects.requireNonNull(productId, "productId must not be null");
        Objects.requireNonNull(quantity, "quantity must not be null");
        Objects.requireNonNull(revenue, "revenue must not be null");
        Objects.requireNonNull(unitCost, "unitCost must not be null");
        Objects.requireNonNull(cost, "cost must not be null");
        Objects.requireNonNull(margin, "margin must not be null");
    }

    /** @return whether the unit cost was known */
    public boolean costed() {
        return cost.isPresent();
    }
}
