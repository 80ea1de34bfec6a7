package org.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.catalog.PriceListRecord;
import org.crmkit.spi.catalog.ProductCatalog;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.tck.catalog.ProductCatalogContract;
import org.junit.jupiter.api.Test;

class InMemoryProductCatalogTest extends ProductCatalogContract {

    @Override
    protected ProductCatalog catalogWith(List<ProductRecord> products, List<PriceListRecord> priceLists,
                                         Map<String, Map<String, List<String>>> staffRoles) {
        InMemoryProductCatalog.Builder builder = InMemoryProductCatalog.builder();
        products.forEach(builder::product);
        priceLists.forEach(builder::priceList);
        staffRoles.forEach((tenant, byStaff) -> byStaff.forEach(
                (staff, roles) -> builder.staffRoles(tenant, staff, roles.toArray(String[]::new))));
        return builder.build();
    }

    @Test
    void refusesTwoProductsWithOneIdInOneTenant() {
        ProductRecord p = new ProductRecord("acme", "p-1", "S", "N", new MoneyRecord(BigDecimal.ONE, "EUR"),
                List.of(), List.of(), true);
        InMemoryProductCatalog.Builder builder = InMemoryProductCatalog.builder().product(p);
        assertThatThrownBy(() -> builder.product(p)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("productId");
    }
}
