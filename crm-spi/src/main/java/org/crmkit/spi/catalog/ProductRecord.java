package org.crmkit.spi.catalog;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.MoneyRecord;

/**
 * A product of one tenant's catalogue as the host supplies it: what it is, what it costs by list
 * price, how it can be configured and what it is made of. Immutable.
 *
 * @param tenant          the tenant whose catalogue holds the product; not blank
 * @param productId       the product's id, unique within the tenant; not blank
 * @param sku             the stock-keeping unit; not blank
 * @param name            the display name; not blank
 * @param listPrice       the price per unit when no price list applies; not null, not negative
 * @param options         the options the product can be configured with, codes unique; not null, may be empty
 * @param billOfMaterials the components of one unit; not null, may be empty
 * @param active          false for a product that can no longer be quoted
 * @since 0.1
 */
public record ProductRecord(String tenant, String productId, String sku, String name, MoneyRecord listPrice,
                            List<ProductOptionRecord> options, List<BomComponentRecord> billOfMaterials,
                            boolean active) {

    public ProductRecord {
        notBlank(tenant, "tenant");
        notBlank(productId, "productId");
        notBlank(sku, "sku");
        notBlank(name, "name");
        notNull(listPrice, "listPrice");
        if (listPrice.amount().signum() < 0) {
            throw new ValidationException("listPrice", "must not be negative", listPrice.amount().toPlainString());
        }
        options = copy(options, "options");
        billOfMaterials = copy(billOfMaterials, "billOfMaterials");
        Set<String> codes = new HashSet<>();
        for (ProductOptionRecord option : options) {
            if (!codes.add(option.code())) {
                throw new ValidationException("options", "must have unique codes", option.code());
            }
        }
    }

    /**
     * @param code an option code; may be null
     * @return the option with that code, or empty
     */
    public Optional<ProductOptionRecord> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
