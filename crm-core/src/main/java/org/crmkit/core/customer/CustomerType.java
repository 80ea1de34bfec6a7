package org.crmkit.core.customer;

import org.crmkit.core.common.Enums;

/**
 * The four kinds of customer (domain §2).
 *
 * @since 0.1
 */
public enum CustomerType {
    /** Individuals or households buying final products. */
    B2C(false),
    /** Businesses that add the product to their own and sell on. */
    B2B(true),
    /** Dealers, distributors, agents and franchise stores that resell or represent the product. */
    CHANNEL(true),
    /** People or units inside the enterprise who use its products or services. */
    INTERNAL(false);

    private final boolean organisational;

    CustomerType(boolean organisational) {
        this.organisational = organisational;
    }

    /**
     * @return whether customers of this type are organisations and must carry organisation details
     *         (B2B and channel customers); individuals (B2C) must not, internal customers may
     */
    public boolean requiresOrganisation() {
        return organisational;
    }

    /** @throws org.crmkit.spi.ValidationException on field {@code type} if {@code name} is unknown */
    public static CustomerType parse(String name) {
        return Enums.parse(CustomerType.class, name, "type");
    }
}
