package org.crmkit.core.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.catalog.PriceListRecord;
import org.crmkit.spi.catalog.ProductCatalog;
import org.crmkit.spi.catalog.ProductRecord;

/**
 * A {@link ProductCatalog} kept in memory, for tests, labs and examples. Fed once through its
 * {@link Builder}; immutable afterwards, hence thread-safe. Products and price lists are kept per
 * tenant, in the order they were added; a tenant sees only its own.
 *
 * <pre>{@code
 * ProductCatalog catalog = InMemoryProductCatalog.builder()
 *         .product(new ProductRecord("acme", "p-1", "SKU-1", "Widget", new MoneyRecord(new BigDecimal("19.99"), "EUR"),
 *                 List.of(), List.of(), true))
 *         .priceList(...)
 *         .staffRoles("acme", "alice", "key-account")
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class InMemoryProductCatalog implements ProductCatalog {

    private final Map<String, Map<String, ProductRecord>> products;
    private final Map<String, List<PriceListRecord>> priceLists;
    private final Map<String, Map<String, List<String>>> roles;
    private final Map<String, List<ProductRecord>> productOrder;

    private InMemoryProductCatalog(Builder b) {
        Map<String, Map<String, ProductRecord>> p = new LinkedHashMap<>();
        b.products.forEach((tenant, map) -> p.put(tenant, Map.copyOf(map)));
        Map<String, List<PriceListRecord>> l = new LinkedHashMap<>();
        b.priceLists.forEach((tenant, map) -> l.put(tenant, List.copyOf(map.values())));
        Map<String, Map<String, List<String>>> r = new LinkedHashMap<>();
        b.roles.forEach((tenant, map) -> r.put(tenant, Map.copyOf(map)));
        this.products = Map.copyOf(p);
        this.priceLists = Map.copyOf(l);
        this.roles = Map.copyOf(r);
        this.productOrder = Map.copyOf(copyOrder(b.products));
    }

    private static Map<String, List<ProductRecord>> copyOrder(Map<String, LinkedHashMap<String, ProductRecord>> in) {
        Map<String, List<ProductRecord>> out = new LinkedHashMap<>();
        in.forEach((tenant, map) -> out.put(tenant, List.copyOf(map.values())));
        return out;
    }

    /** @return a builder for a new catalogue */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a catalogue with nothing in it */
    public static InMemoryProductCatalog empty() {
        return builder().build();
    }

    @Override
    public Optional<ProductRecord> product(String tenant, String productId) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(productId, "productId must not be null");
        return Optional.ofNullable(products.getOrDefault(tenant, Map.of()).get(productId));
    }

    @Override
    public List<ProductRecord> products(String tenant) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        return productOrder.getOrDefault(tenant, List.of());
    }

    @Override
    public List<PriceListRecord> priceLists(String tenant) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        return priceLists.getOrDefault(tenant, List.of());
    }

    @Override
    public List<String> staffRoles(String tenant, String staffId) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(staffId, "staffId must not be null");
        return roles.getOrDefault(tenant, Map.of()).getOrDefault(staffId, List.of());
    }

    /**
     * Collects products, price lists and staff roles. Not thread-safe; {@link #build()} copies
     * what it collected, so the builder may be reused.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Map<String, LinkedHashMap<String, ProductRecord>> products = new LinkedHashMap<>();
        private final Map<String, LinkedHashMap<String, PriceListRecord>> priceLists = new LinkedHashMap<>();
        private final Map<String, Map<String, List<String>>> roles = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param product a product of its tenant; not null
         * @return this builder
         * @throws ValidationException on {@code productId} if the tenant already has a product with that id
         */
        public Builder product(ProductRecord product) {
            Objects.requireNonNull(product, "product must not be null");
            Map<String, ProductRecord> map = products.computeIfAbsent(product.tenant(), t -> new LinkedHashMap<>());
            if (map.putIfAbsent(product.productId(), product) != null) {
                throw new ValidationException("productId", "must be unique within tenant '" + product.tenant() + "'",
                        product.productId());
            }
            return this;
        }

        /**
         * @param priceList a price list of its tenant; not null
         * @return this builder
         * @throws ValidationException on {@code priceListId} if the tenant already has a list with that id
         */
        public Builder priceList(PriceListRecord priceList) {
            Objects.requireNonNull(priceList, "priceList must not be null");
            Map<String, PriceListRecord> map = priceLists.computeIfAbsent(priceList.tenant(),
                    t -> new LinkedHashMap<>());
            if (map.putIfAbsent(priceList.id(), priceList) != null) {
                throw new ValidationException("priceListId", "must be unique within tenant '" + priceList.tenant()
                        + "'", priceList.id());
            }
            return this;
        }

        /**
         * @param tenant  the tenant; not null
         * @param staffId the staff member; not null
         * @param roles   the roles they hold (replacing any given before); not null
         * @return this builder
         */
        public Builder staffRoles(String tenant, String staffId, String... roles) {
            Objects.requireNonNull(tenant, "tenant must not be null");
            Objects.requireNonNull(staffId, "staffId must not be null");
            this.roles.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).put(staffId, List.of(roles));
            return this;
        }

        /** @return the catalogue, holding a copy of what was added */
        public InMemoryProductCatalog build() {
            return new InMemoryProductCatalog(this);
        }
    }
}
