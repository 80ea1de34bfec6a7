package org.crmkit.core.customer;

import org.crmkit.core.common.Enums;

/**
 * The three families of customer data (domain §2).
 *
 * @since 0.1
 */
public enum AttributeCategory {
    /** Region, organisation, products owned. */
    EXTERNAL,
    /** Age, gender, income, personality, lifestyle, values. */
    INTERNAL,
    /** What, when, how often, how much, through which channel the customer buys. */
    CONSUMPTION;

    /** @throws org.crmkit.spi.ValidationException on field {@code attribute.category} if unknown */
    public static AttributeCategory parse(String name) {
        return Enums.parse(AttributeCategory.class, name, "attribute.category");
    }
}
