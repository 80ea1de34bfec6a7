package org.crmkit.core.analytics.writeback;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerFilter;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Customers;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;

/**
 * Resolves a host's external customer key to the customer carrying it as an
 * {@link AttributeCategory#EXTERNAL external} attribute; made by
 * {@link CustomerKeys#byExternalId(Customers, String)}. A snapshot: customers registered later
 * are not seen. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ExternalIdResolver implements Function<String, Optional<CustomerId>> {

    private final String attributeName;
    private final Map<String, CustomerId> byKey;
    private final Set<String> ambiguous;

    private ExternalIdResolver(String attributeName, Map<String, CustomerId> byKey, Set<String> ambiguous) {
        this.attributeName = attributeName;
        this.byKey = Map.copyOf(byKey);
        this.ambiguous = Set.copyOf(ambiguous);
    }

    static ExternalIdResolver load(Customers customers, String attributeName) {
        Objects.requireNonNull(customers, "customers must not be null");
        if (attributeName == null || attributeName.isBlank()) {
            throw new ValidationException("attributeName", "must not be blank", attributeName);
        }
        Map<String, CustomerId> byKey = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
        while (page.isPresent()) {
            Page<Customer> p = customers.list(CustomerFilter.all(), page.get());
            for (Customer c : p.items()) {
                Optional<AttributeValue> value = c.attribute(AttributeCategory.EXTERNAL, attributeName);
                if (value.isEmpty()) {
                    continue;
                }
                String key = value.get().canonical();
                if (ambiguous.contains(key)) {
                    continue;
                }
                if (byKey.putIfAbsent(key, c.id()) != null) {
                    byKey.remove(key);
                    ambiguous.add(key);
                }
            }
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return new ExternalIdResolver(attributeName, byKey, ambiguous);
    }

    /**
     * @param key an external key; may be null
     * @return the one customer carrying it; empty for null, an unknown key or an ambiguous one
     */
    @Override
    public Optional<CustomerId> apply(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    /** @return the external attribute's name */
    public String attributeName() {
        return attributeName;
    }

    /** @return how many keys resolve to a customer */
    public int size() {
        return byKey.size();
    }

    /** @return the keys more than one customer carries, sorted; they resolve to nobody */
    public List<String> ambiguousKeys() {
        return ambiguous.stream().sorted().toList();
    }
}
