package org.crmkit.core.customer;

import org.crmkit.core.common.Enums;

/**
 * Kotler's five levels of relationship a company can run with a customer (domain §3), from the
 * least to the most involved.
 *
 * @since 0.1
 */
public enum RelationshipLevel {
    /** Sells, and does not follow up. */
    BASIC("sells, and does not follow up"),
    /** Sells, and invites the customer to call with questions or problems. */
    REACTIVE("sells, and invites the customer to call with questions or problems"),
    /** Calls the customer soon after the sale to check the product met expectations. */
    ACCOUNTABLE("calls soon after the sale to check the product met expectations, and asks for improvements"),
    /** Contacts the customer from time to time with improved uses or new products. */
    PROACTIVE("contacts the customer from time to time with improved uses or new products"),
    /** Works continuously with the customer to find ways to deliver better value. */
    PARTNERSHIP("works continuously with the customer to deliver better value");

    private final String description;

    RelationshipLevel(String description) {
        this.description = description;
    }

    /** @return what the company does at this level, in plain words */
    public String description() {
        return description;
    }

    /** @throws org.crmkit.spi.ValidationException on field {@code relationshipLevel} if unknown */
    public static RelationshipLevel parse(String name) {
        return Enums.parse(RelationshipLevel.class, name, "relationshipLevel");
    }
}
