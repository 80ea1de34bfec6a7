package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import org.crmkit.spi.ValidationException;

/**
 * One line of an {@link OrderRecord}, copied from the accepted quote.
 *
 * @param productId the catalogue's id of the product; not blank
 * @param sku       the stock-keeping unit; not blank
 * @param name      the product's name as sold; not blank
 * @param quantity  how many units; at least 1
 * @param unitPrice the net price of one unit; not null
 * @param net       the line's net amount (after any discount); not null
 * @param tax       the tax on the line; not null
 * @param gross     net plus tax; not null
 * @since 0.1
 */
public record OrderLineRecord(
        String productId, String sku, String name, int quantity, MoneyRecord unitPrice, MoneyRecord net,
        MoneyRecord tax, MoneyRecord gross) {

    public OrderLineRecord {
        notBlank(productId, "line.productId");
        notBlank(sku, "line.sku");
        notBlank(name, "line.name");
        if (quantity < 1) {
            throw new ValidationException("line.quantity", "must be at least 1", quantity);
        }
        notNull(unitPrice, "line.unitPrice");
        notNull(net, "line.net");
        notNull(tax, "line.tax");
        notNull(gross, "line.gross");
    }
}
