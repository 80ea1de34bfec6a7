package org.crmkit.core.sales.order;

import java.math.BigDecimal;
import java.util.List;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;

/**
 * One line of an order, copied from the accepted quote: a product, how many, and what it costs.
 * Immutable and thread-safe.
 *
 * @param productId the catalogue's id of the product; not blank
 * @param sku       the stock-keeping unit the back office knows the product by; not blank
 * @param name      the product's name as sold; not blank
 * @param options   the codes of the options chosen for the product, in the order chosen; not null,
 *                  may be empty, no blank code
 * @param quantity  how many units; positive; trailing zeros are stripped ({@code 2.50} becomes
 *                  {@code 2.5}, never an exponent)
 * @param unitPrice the net price of one unit; not null
 * @param net       the line's net amount, after any discount the quote granted; not null
 * @param tax       the tax on the line; not null, not negative
 * @param gross     {@code net} plus {@code tax}; not null
 * @since 0.1
 */
public record OrderLine(String productId, String sku, String name, List<String> options, BigDecimal quantity,
                        Money unitPrice, Money net, Money tax, Money gross) {

    /**
     * @throws ValidationException naming the field if a rule is broken: blank text, a quantity
     *                             that is not positive, negative amounts, mixed currencies, or a gross amount that
     *                             is not net plus tax
     */
    public OrderLine {
        requireText(productId, "productId");
        requireText(sku, "sku");
        requireText(name, "name");
        if (options == null) {
            throw new ValidationException("options", "must not be null");
        }
        for (int i = 0; i < options.size(); i++) {
            requireText(options.get(i), "options[" + i + "]");
        }
        options = List.copyOf(options);
        if (quantity == null) {
            throw new ValidationException("quantity", "must not be null");
        }
        if (quantity.signum() <= 0) {
            throw new ValidationException("quantity", "must be positive", quantity.toPlainString());
        }
        quantity = quantity.stripTrailingZeros();
        if (quantity.scale() < 0) {
            quantity = quantity.setScale(0);
        }
        requireAmount(unitPrice, "unitPrice");
        requireAmount(net, "net");
        requireAmount(tax, "tax");
        requireAmount(gross, "gross");
        unitPrice.requireSameCurrency(net);
        unitPrice.requireSameCurrency(tax);
        unitPrice.requireSameCurrency(gross);
        if (!net.plus(tax).equals(gross)) {
            throw new ValidationException("gross", "must be net plus tax (" + net.plus(tax) + ")", gross);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be blank", value);
        }
    }

    private static void requireAmount(Money value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        if (value.signum() < 0) {
            throw new ValidationException(field, "must not be negative", value);
        }
    }
}
