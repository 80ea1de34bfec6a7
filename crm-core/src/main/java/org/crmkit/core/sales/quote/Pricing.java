package org.crmkit.core.sales.quote;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.catalog.PriceListRecord;
import org.crmkit.spi.catalog.ProductRecord;

/**
 * Chooses the base price of a product for a quote. Not API.
 *
 * <p>Candidates are the tenant's price lists in the quote's currency that apply to the customer's
 * grade or segment, that the preparing staff member may see and that price the product. The
 * lowest price wins (the customer gets the best price they are entitled to); equal prices go to
 * the list with the smallest id. Without a candidate the product's list price is used, which must
 * then be in the quote's currency.
 */
final class Pricing {

    /** The chosen price and where it came from ({@code priceListId} null for the list price). */
    record Price(Money amount, String priceListId) {
    }

    private record Candidate(BigDecimal price, String priceListId) {
    }

    private Pricing() {
    }

    static Price choose(ProductRecord product, List<PriceListRecord> priceLists, String tenant, String currency,
                        String grade, String segment, String staffId, List<String> staffRoles) {
        Optional<Candidate> best = priceLists.stream()
                .filter(l -> l.tenant().equals(tenant))
                .filter(l -> l.currency().equals(currency))
                .filter(l -> l.appliesTo(grade, segment))
                .filter(l -> l.visibleTo(staffId, staffRoles))
                .flatMap(l -> l.entry(product.productId()).map(e -> new Candidate(e.price(), l.id())).stream())
                .min(Comparator.comparing(Candidate::price).thenComparing(Candidate::priceListId));
        if (best.isPresent()) {
            return new Price(money(best.get().price(), currency, "priceList[" + best.get().priceListId() + "].price"),
                    best.get().priceListId());
        }
        if (!product.listPrice().currency().equals(currency)) {
            throw new ValidationException("currency", "must be the quote's currency " + currency
                    + ": product '" + product.productId() + "' has no applicable price list in " + currency
                    + " and its list price is in another currency", product.listPrice().currency());
        }
        return new Price(money(product.listPrice().amount(), currency, "listPrice"), null);
    }

    /** A catalogue price with more fraction digits than the currency has is the catalogue's error; name it. */
    private static Money money(BigDecimal amount, String currency, String field) {
        try {
            return Money.of(amount, currency);
        } catch (ValidationException e) {
            throw new ValidationException(field, "must be a valid " + currency + " amount: " + e.rule(),
                    amount.toPlainString());
        }
    }
}
