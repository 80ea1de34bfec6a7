package org.crmkit.spi.fulfillment;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.MoneyRecord;

/**
 * One line of a {@link FulfillmentRequest}: what the back office must deliver and at what price.
 * Immutable and thread-safe.
 *
 * @param sku       the stock-keeping unit the back office knows the product by; not blank
 * @param name      the product's name as sold; not blank
 * @param quantity  how many units; at least 1
 * @param unitPrice the net price of one unit, as agreed in the quote; not null
 * @since 0.1
 */
public record FulfillmentLine(String sku, String name, int quantity, MoneyRecord unitPrice) {

    public FulfillmentLine {
        notBlank(sku, "line.sku");
        notBlank(name, "line.name");
        if (quantity < 1) {
            throw new ValidationException("line.quantity", "must be at least 1", quantity);
        }
        notNull(unitPrice, "line.unitPrice");
    }
}
