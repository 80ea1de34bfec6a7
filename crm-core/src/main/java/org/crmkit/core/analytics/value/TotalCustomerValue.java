package org.crmkit.core.analytics.value;

import java.math.BigDecimal;

/**
 * What an offer is worth to the customer (Kotler; domain §5), in one money unit: product, service,
 * personnel and image value. Each part is >= 0.
 *
 * @param product   the value of the product itself
 * @param service   the value of the services that come with it
 * @param personnel the value the company's people add
 * @param image     the value of the brand and company image
 * @since 0.1
 */
public record TotalCustomerValue(BigDecimal product, BigDecimal service, BigDecimal personnel, BigDecimal image) {

    /** Validates that every part is present and >= 0. */
    public TotalCustomerValue {
        Money.nonNegative("product", product);
        Money.nonNegative("service", service);
        Money.nonNegative("personnel", personnel);
        Money.nonNegative("image", image);
    }

    /** @return the parts given as plain decimal text, for example {@code of("100", "20", "10", "5")} */
    public static TotalCustomerValue of(String product, String service, String personnel, String image) {
        return new TotalCustomerValue(Money.parse("product", product), Money.parse("service", service), Money.parse("personnel", personnel),
                Money.parse("image", image));
    }

    /** @return product + service + personnel + image, exact */
    public BigDecimal total() {
        return product.add(service).add(personnel).add(image);
    }
}
