package org.crmkit.spi.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The product catalogue a host (an ERP, a shop) supplies to crmkit: products with their options and
 * bills of materials, list prices, price lists per customer grade or segment, and which staff may
 * see which price list. Quotes read it when a line is added; crmkit never writes to it.
 *
 * <p><b>Tenants.</b> Every method is confined to the tenant it is given: a product or price list
 * of another tenant must be invisible (as if it did not exist), never returned and never null.
 *
 * <p><b>Contract for implementers.</b> Implementations must be thread-safe; every method is a pure
 * read, idempotent, and may be called inside or outside a storage unit of work (crmkit does not
 * expect the catalogue to take part in its transactions). No method returns null. The conformance
 * kit's {@code ProductCatalogContract} checks these rules.
 *
 * @since 0.1
 */
public interface ProductCatalog {

    /**
     * Looks up one product, active or not.
     *
     * @param tenant    the tenant; not null
     * @param productId the product's id; not null
     * @return the product of that tenant with that id, or empty if the tenant has none (including
     *         when another tenant has a product with that id); never null. Thread-safe, idempotent.
     */
    Optional<ProductRecord> product(String tenant, String productId);

    /**
     * Lists the tenant's products.
     *
     * @param tenant the tenant; not null
     * @return the products of that tenant, active or not, in a stable order; never null, may be
     *         empty, unmodifiable. Thread-safe, idempotent.
     */
    List<ProductRecord> products(String tenant);

    /**
     * Lists every price list of the tenant, whoever may see it; callers filter with
     * {@link PriceListRecord#appliesTo} and {@link PriceListRecord#visibleTo}.
     *
     * @param tenant the tenant; not null
     * @return the tenant's price lists in a stable order; never null, may be empty, unmodifiable.
     *         Thread-safe, idempotent.
     */
    List<PriceListRecord> priceLists(String tenant);

    /**
     * The roles a staff member holds, for deciding which price lists they may see. The default
     * knows no roles, so visibility goes by staff id alone.
     *
     * @param tenant  the tenant; not null
     * @param staffId the staff member's id; not null
     * @return the roles; never null, may be empty, unmodifiable. Thread-safe, idempotent.
     */
    default List<String> staffRoles(String tenant, String staffId) {
        return List.of();
    }

    /**
     * The price lists of the tenant that apply to a customer of that grade or segment and that the
     * staff member may see.
     *
     * @param tenant  the tenant; not null
     * @param grade   the customer's grade; may be null
     * @param segment the customer's segment; may be null
     * @param staffId the staff member; not null
     * @return those lists, in the order of {@link #priceLists}; never null. Thread-safe, idempotent.
     */
    default List<PriceListRecord> priceListsFor(String tenant, String grade, String segment, String staffId) {
        List<String> roles = staffRoles(tenant, staffId);
        return priceLists(tenant).stream()
                .filter(l -> l.tenant().equals(tenant))
                .filter(l -> l.appliesTo(grade, segment))
                .filter(l -> l.visibleTo(staffId, roles))
                .toList();
    }
}
