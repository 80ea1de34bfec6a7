package org.crmkit.core.sales.flow;

import java.util.List;
import java.util.Objects;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.LeadId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.lead.CustomerMatch;

/**
 * What a conversion made. Immutable.
 *
 * @param lead            the lead, now converted
 * @param customer        the customer the lead became or was linked to
 * @param newCustomer     true if the conversion registered the customer, false if it linked an existing one
 * @param opportunity     the opportunity opened
 * @param matchesOffered  the existing customers that matched the lead when it was converted, best first
 * @since 0.1
 */
public record Conversion(LeadId lead, CustomerId customer, boolean newCustomer, OpportunityId opportunity,
                         List<CustomerMatch> matchesOffered) {

    public Conversion {
        Objects.requireNonNull(lead, "lead must not be null");
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(opportunity, "opportunity must not be null");
        matchesOffered = List.copyOf(matchesOffered);
    }
}
