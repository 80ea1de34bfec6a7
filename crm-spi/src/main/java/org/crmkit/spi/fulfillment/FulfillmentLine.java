package org.crmkit.spi.fulfillment;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.math.BigDecimal;
import java.util.List;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.MoneyRecord;

/**
 * One line of a {@link FulfillmentRequest}: what the back office must deliver and at what price.
 * Immutable and thread-safe.
 *
 * @param sku       the stock-keeping unit the back office knows the product by; not blank
 * @param name      the product's name as sold; not blank
 * @param options   the codes of the options the customer chose for the product (a colour, a
 *                  size), in the order chosen; not null, may be empty
 * @param quantity  how many units (a decimal, for goods sold by length or weight); positive
 * @param unitPrice the net price of one unit, as agreed in the quote; not null
 * @since 0.1
 */
public record FulfillmentLine(String sku, String name, List<String> options, BigDecimal quantity,
                              MoneyRecord unitPrice) {

    public FulfillmentLine {
        notBlank(sku, "line.sku");
        notBlank(name, "line.name");
        options = copy(options, "line.options");
        notNull(quantity, "line.quantity");
        if (quantity.signum() <= 0) {
            throw new ValidationException("line.quantity", "must be positive", quantity.toPlainString());
        }
        notNull(unitPrice, "line.unitPrice");
    }
}
