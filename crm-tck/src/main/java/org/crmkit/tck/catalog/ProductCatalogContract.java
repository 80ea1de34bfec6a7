package org.crmkit.tck.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.crmkit.spi.catalog.BomComponentRecord;
import org.crmkit.spi.catalog.PriceListEntryRecord;
import org.crmkit.spi.catalog.PriceListRecord;
import org.crmkit.spi.catalog.ProductCatalog;
import org.crmkit.spi.catalog.ProductOptionRecord;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ProductCatalog} implementation must pass: a tenant sees only its own
 * products and price lists (a foreign tenant's product is invisible, as if it did not exist, and
 * never null), lookups of unknown things answer empty, lists are unmodifiable, reads are
 * idempotent and safe from many threads, and the price lists offered to a staff member for a
 * customer are exactly those that apply to the customer's grade or segment and that the staff
 * member may see.
 *
 * <p>A vendor uses it by extending it in the adapter's test sources and loading the given
 * products, price lists and staff roles into a test instance of its catalogue:
 * <pre>{@code
 * class ErpCatalogTest extends ProductCatalogContract {
 *     @Override
 *     protected ProductCatalog catalogWith(List<ProductRecord> products, List<PriceListRecord> priceLists,
 *                                          Map<String, Map<String, List<String>>> staffRoles) {
 *         return ErpCatalog.loadedWith(sandbox(), products, priceLists, staffRoles);
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public abstract class ProductCatalogContract {

    /** The tenant the contract mostly reads. */
    protected static final String TENANT = "acme";
    /** Another tenant, whose data must stay invisible to {@link #TENANT}. */
    protected static final String OTHER_TENANT = "globex";

    /**
     * A catalogue holding exactly these products, price lists and staff roles. Called once per test.
     *
     * @param products   products of both tenants; not null
     * @param priceLists price lists of both tenants; not null
     * @param staffRoles tenant → staff id → roles; not null
     * @return the catalogue under test
     */
    protected abstract ProductCatalog catalogWith(List<ProductRecord> products, List<PriceListRecord> priceLists,
                                                  Map<String, Map<String, List<String>>> staffRoles);

    private static MoneyRecord eur(String amount) {
        return new MoneyRecord(new BigDecimal(amount), "EUR");
    }

    private static final ProductRecord RACK = new ProductRecord(TENANT, "p-rack", "SKU-RACK", "Server rack",
            eur("1000.00"), List.of(new ProductOptionRecord("rails", "Sliding rails", eur("50.00"))),
            List.of(new BomComponentRecord("p-shelf", new BigDecimal("4"))), true);
    private static final ProductRecord SHELF = new ProductRecord(TENANT, "p-shelf", "SKU-SHELF", "Shelf",
            eur("25.00"), List.of(), List.of(), true);
    private static final ProductRecord OLD = new ProductRecord(TENANT, "p-old", "SKU-OLD", "Discontinued",
            eur("10.00"), List.of(), List.of(), false);
    private static final ProductRecord FOREIGN_RACK = new ProductRecord(OTHER_TENANT, "p-rack", "G-RACK",
            "Globex rack", eur("900.00"), List.of(), List.of(), true);
    private static final ProductRecord FOREIGN_ONLY = new ProductRecord(OTHER_TENANT, "p-secret", "G-SECRET",
            "Globex secret", eur("1.00"), List.of(), List.of(), true);

    private static final PriceListRecord GOLD = new PriceListRecord("pl-gold", TENANT, "Gold customers", "EUR",
            List.of(new PriceListEntryRecord("p-rack", new BigDecimal("900.00"))), List.of("A"), List.of(),
            List.of(), List.of("key-account"));
    private static final PriceListRecord RETAIL = new PriceListRecord("pl-retail", TENANT, "Retail", "EUR",
            List.of(new PriceListEntryRecord("p-rack", new BigDecimal("980.00"))), List.of(), List.of("retail"),
            List.of(), List.of());
    private static final PriceListRecord PUBLIC = new PriceListRecord("pl-public", TENANT, "Everyone", "EUR",
            List.of(new PriceListEntryRecord("p-shelf", new BigDecimal("24.00"))), List.of(), List.of(),
            List.of(), List.of());
    private static final PriceListRecord PERSONAL = new PriceListRecord("pl-bob", TENANT, "Bob's deals", "EUR",
            List.of(new PriceListEntryRecord("p-rack", new BigDecimal("850.00"))), List.of("A", "B"), List.of(),
            List.of("bob"), List.of());
    private static final PriceListRecord FOREIGN = new PriceListRecord("pl-gold", OTHER_TENANT, "Globex gold",
            "EUR", List.of(new PriceListEntryRecord("p-rack", new BigDecimal("1.00"))), List.of(), List.of(),
            List.of(), List.of());

    private ProductCatalog catalog() {
        return catalogWith(List.of(RACK, SHELF, OLD, FOREIGN_RACK, FOREIGN_ONLY),
                List.of(GOLD, RETAIL, PUBLIC, PERSONAL, FOREIGN),
                Map.of(TENANT, Map.of("alice", List.of("key-account")), OTHER_TENANT,
                        Map.of("alice", List.of("admin"))));
    }

    @Test
    void findsAProductOfTheTenantWithEverythingItWasGiven() {
        assertThat(catalog().product(TENANT, "p-rack")).contains(RACK);
    }

    @Test
    void aForeignTenantsProductIsInvisible() {
        ProductCatalog catalog = catalog();
        Optional<ProductRecord> secret = catalog.product(TENANT, "p-secret");
        assertThat(secret).isNotNull().isEmpty();
        assertThat(catalog.product(OTHER_TENANT, "p-secret")).contains(FOREIGN_ONLY);
    }

    @Test
    void theSameProductIdInTwoTenantsNamesTwoDifferentProducts() {
        ProductCatalog catalog = catalog();
        assertThat(catalog.product(TENANT, "p-rack")).contains(RACK);
        assertThat(catalog.product(OTHER_TENANT, "p-rack")).contains(FOREIGN_RACK);
    }

    @Test
    void anUnknownProductOrTenantIsEmptyNeverNull() {
        ProductCatalog catalog = catalog();
        assertThat(catalog.product(TENANT, "p-none")).isNotNull().isEmpty();
        assertThat(catalog.product("initech", "p-rack")).isNotNull().isEmpty();
        assertThat(catalog.products("initech")).isNotNull().isEmpty();
        assertThat(catalog.priceLists("initech")).isNotNull().isEmpty();
        assertThat(catalog.staffRoles(TENANT, "nobody")).isNotNull().isEmpty();
    }

    @Test
    void inactiveProductsAreStillFoundAndSayTheyAreInactive() {
        assertThat(catalog().product(TENANT, "p-old")).hasValueSatisfying(p -> assertThat(p.active()).isFalse());
    }

    @Test
    void productsListsOnlyTheTenantsOwn() {
        assertThat(catalog().products(TENANT)).containsExactlyInAnyOrder(RACK, SHELF, OLD);
        assertThat(catalog().products(OTHER_TENANT)).containsExactlyInAnyOrder(FOREIGN_RACK, FOREIGN_ONLY);
    }

    @Test
    void priceListsAreConfinedToTheirTenant() {
        assertThat(catalog().priceLists(TENANT)).containsExactlyInAnyOrder(GOLD, RETAIL, PUBLIC, PERSONAL);
        assertThat(catalog().priceLists(OTHER_TENANT)).containsExactly(FOREIGN);
    }

    @Test
    void staffRolesAreConfinedToTheirTenant() {
        assertThat(catalog().staffRoles(TENANT, "alice")).containsExactly("key-account");
        assertThat(catalog().staffRoles(OTHER_TENANT, "alice")).containsExactly("admin");
    }

    @Test
    void returnedListsAreUnmodifiable() {
        ProductCatalog catalog = catalog();
        assertThatThrownBy(() -> catalog.products(TENANT).add(SHELF))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.priceLists(TENANT).add(GOLD))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.products("initech").add(SHELF))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStaffMemberSeesAPriceListThroughARoleTheyHold() {
        assertThat(catalog().priceListsFor(TENANT, "A", null, "alice")).containsExactlyInAnyOrder(GOLD, PUBLIC);
    }

    @Test
    void aStaffMemberWithoutTheRoleOrTheNameDoesNotSeeARestrictedPriceList() {
        assertThat(catalog().priceListsFor(TENANT, "A", null, "carol")).containsExactly(PUBLIC);
    }

    @Test
    void aPriceListNamingAStaffMemberIsVisibleToThemAlone() {
        assertThat(catalog().priceListsFor(TENANT, "B", null, "bob")).containsExactlyInAnyOrder(PUBLIC, PERSONAL);
        assertThat(catalog().priceListsFor(TENANT, "B", null, "alice")).containsExactly(PUBLIC);
    }

    @Test
    void priceListsApplyByGradeOrBySegment() {
        ProductCatalog catalog = catalog();
        assertThat(catalog.priceListsFor(TENANT, null, "retail", "carol")).containsExactlyInAnyOrder(RETAIL, PUBLIC);
        assertThat(catalog.priceListsFor(TENANT, "C", "wholesale", "alice")).containsExactly(PUBLIC);
        assertThat(catalog.priceListsFor(TENANT, "A", "retail", "alice"))
                .containsExactlyInAnyOrder(GOLD, RETAIL, PUBLIC);
    }

    @Test
    void aForeignTenantsPriceListIsNeverOffered() {
        assertThat(catalog().priceListsFor(TENANT, "A", "retail", "alice")).noneMatch(l -> l.tenant()
                .equals(OTHER_TENANT));
    }

    @Test
    void readsAreIdempotent() {
        ProductCatalog catalog = catalog();
        assertThat(catalog.product(TENANT, "p-rack")).isEqualTo(catalog.product(TENANT, "p-rack"));
        assertThat(catalog.products(TENANT)).isEqualTo(catalog.products(TENANT));
        assertThat(catalog.priceLists(TENANT)).isEqualTo(catalog.priceLists(TENANT));
    }

    @Test
    void readsFromManyThreadsAgree() {
        ProductCatalog catalog = catalog();
        List<Optional<ProductRecord>> seen = IntStream.range(0, 200).parallel()
                .mapToObj(i -> catalog.product(i % 2 == 0 ? TENANT : OTHER_TENANT, "p-rack")).toList();
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).contains(i % 2 == 0 ? RACK : FOREIGN_RACK);
        }
    }
}
