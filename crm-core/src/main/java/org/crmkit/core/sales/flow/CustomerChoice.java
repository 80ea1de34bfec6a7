package org.crmkit.core.sales.flow;

import java.util.Objects;

import org.crmkit.core.customer.CustomerId;

/**
 * What a lead's conversion does about the customer: link the lead to an existing customer (usually
 * one of the {@linkplain LeadConversion#matches matches} offered), or register a new one from the
 * lead's contact details.
 *
 * @since 0.1
 */
public sealed interface CustomerChoice {

    /** @return link the lead to that existing customer */
    static CustomerChoice linkTo(CustomerId customer) {
        return new LinkTo(customer);
    }

    /** @return register a new customer from the lead's contact details */
    static CustomerChoice createNew() {
        return new CreateNew();
    }

    /**
     * Link to an existing customer of the tenant.
     *
     * @param customer the customer; not null
     */
    record LinkTo(CustomerId customer) implements CustomerChoice {
        public LinkTo {
            Objects.requireNonNull(customer, "customer must not be null");
        }
    }

    /** Register a new customer (B2B when the lead names an organisation, B2C otherwise). */
    record CreateNew() implements CustomerChoice {
    }
}
