package org.crmkit.core.sales.lead;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;

/**
 * An existing customer that may be the lead's person or organisation, offered when converting a
 * lead: the caller chooses to link the lead to it or to create a new customer. Immutable and
 * thread-safe.
 *
 * @param customerId the customer; not null
 * @param name       the customer's display name; not null
 * @param reasons    why it matches, at least one; copied
 * @since 0.1
 */
public record CustomerMatch(CustomerId customerId, String name, Set<MatchReason> reasons) {

    public CustomerMatch {
        Text.notNull(customerId, "customerId");
        Text.notNull(name, "name");
        if (reasons == null || reasons.isEmpty()) {
            throw new ValidationException("reasons", "must hold at least one reason");
        }
        reasons = Collections.unmodifiableSet(EnumSet.copyOf(reasons));
    }

    /** @return whether the customer matches for {@code reason} */
    public boolean matchedBy(MatchReason reason) {
        return reasons.contains(reason);
    }
}
