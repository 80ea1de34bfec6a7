package org.crmkit.spi.catalog;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.math.BigDecimal;

import org.crmkit.spi.ValidationException;

/**
 * One line of a product's bill of materials: a component product and how many of it one unit of
 * the product is made of. Immutable.
 *
 * @param componentProductId the component's product id in the same tenant; not blank
 * @param quantity           how many units of the component one unit needs; positive
 * @since 0.1
 */
public record BomComponentRecord(String componentProductId, BigDecimal quantity) {

    public BomComponentRecord {
        notBlank(componentProductId, "componentProductId");
        notNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new ValidationException("quantity", "must be positive", quantity.toPlainString());
        }
    }
}
