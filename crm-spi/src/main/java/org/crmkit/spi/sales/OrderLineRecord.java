package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.math.BigDecimal;
import java.util.List;

import org.crmkit.spi.ValidationException;

/**
 * One line of an {@link OrderRecord}, copied from the accepted quote.
 *
 * @param productId the catalogue's id of the product; not blank
 * @param sku       the stock-keeping unit; not blank
 * @param name      the product's name as sold; not blank
 * @param options   the codes of the chosen options, in the order chosen; not null, may be empty
 * @param quantity  how many units; positive, kept with the scale given (the domain strips trailing zeros)
 * @param unitPrice the net price of one unit; not null
 * @param net       the line's net amount (after any discount); not null
 * @param tax       the tax on the line; not null
 * @param gross     net plus tax; not null
 * @since 0.1
 */
public record OrderLineRecord(
        String productId, String sku, String name, List<String> options, BigDecimal quantity, MoneyRecord unitPrice,
        MoneyRecord net,
        MoneyRecord tax, MoneyRecord gross) {

    public OrderLineRecord {
        notBlank(productId, "line.productId");
        notBlank(sku, "line.sku");
        notBlank(name, "line.name");
        options = copy(options, "line.options");
        notNull(quantity, "line.quantity");
        if (quantity.signum() <= 0) {
            throw new ValidationException("line.quantity", "must be positive", quantity.toPlainString());
        }
        notNull(unitPrice, "line.unitPrice");
        notNull(net, "line.net");
        notNull(tax, "line.tax");
        notNull(gross, "line.gross");
    }
}
