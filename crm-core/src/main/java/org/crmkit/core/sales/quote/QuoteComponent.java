package org.crmkit.core.sales.quote;

import java.math.BigDecimal;

import org.crmkit.spi.ValidationException;

/**
 * One component of a quoted product's bill of materials, as the catalogue listed it when the line
 * was added. Immutable and thread-safe.
 *
 * @param productId       the component's product id; not blank
 * @param quantityPerUnit how many of it one unit of the line's product needs; positive
 * @since 0.1
 */
public record QuoteComponent(String productId, BigDecimal quantityPerUnit) {

    public QuoteComponent {
        if (productId == null || productId.isBlank()) {
            throw new ValidationException("component.productId", "must not be blank", productId);
        }
        quantityPerUnit = Decimals.quantity(quantityPerUnit, "component.quantityPerUnit");
    }

    /**
     * @param lineQuantity the quantity of the line's product; positive
     * @return how many of this component the whole line needs, exactly
     */
    public BigDecimal quantityFor(BigDecimal lineQuantity) {
        return Decimals.normalise(quantityPerUnit.multiply(lineQuantity));
    }
}
