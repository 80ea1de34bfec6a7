package org.crmkit.core.analytics.writeback;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Customers;

/**
 * Ready-made resolvers from the customer keys of analysed transactions to crmkit customers, for
 * {@link AnalyticsWriteBack#apply}.
 *
 * @since 0.1
 */
public final class CustomerKeys {

    /** The default name of the external attribute holding a customer's id in the host's other systems. */
    public static final String EXTERNAL_ID = "external_id";

    private CustomerKeys() {
    }

    /**
     * For transactions read from crmkit's own storage ({@code PurchaseLedger},
     * {@code DeliveredOrderTransactions}), whose keys are customer ids.
     *
     * @return a resolver that reads a key as a {@link CustomerId}; a key that is not a UUID resolves
     *         to empty. Whether the customer exists in the tenant is checked when writing. Thread-safe.
     */
    public static Function<String, Optional<CustomerId>> ids() {
        return key -> {
            if (key == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(CustomerId.of(UUID.fromString(key.strip())));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        };
    }

    /**
     * For transactions from an external file keyed by the host's own customer numbers, kept on each
     * customer as the {@link AttributeCategory#EXTERNAL external} attribute {@value #EXTERNAL_ID}.
     *
     * @see #byExternalId(Customers, String)
     */
    public static ExternalIdResolver byExternalId(Customers customers) {
        return byExternalId(customers, EXTERNAL_ID);
    }

    /**
     * Reads every customer of the tenant once, page by page, and maps the canonical text of its
     * {@link AttributeCategory#EXTERNAL external} attribute {@code attributeName} to the customer.
     * A value two customers share is ambiguous: it resolves to nobody and is listed by
     * {@link ExternalIdResolver#ambiguousKeys()}, so that the write-back reports it as unknown
     * rather than guess.
     *
     * @param customers     the tenant's customers; not null
     * @param attributeName the external attribute's name; not blank
     * @return the resolver, a snapshot of the customers as read; thread-safe
     */
    public static ExternalIdResolver byExternalId(Customers customers, String attributeName) {
        return ExternalIdResolver.load(customers, attributeName);
    }
}
