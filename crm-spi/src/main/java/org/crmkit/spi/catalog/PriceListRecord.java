package org.crmkit.spi.catalog;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.notBlank;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.ValidationException;

/**
 * A price list of one tenant: prices in one currency for the customers of certain grades or
 * segments, visible to certain staff. Immutable.
 *
 * <p><b>Who it applies to.</b> A list applies to a customer whose grade is one of
 * {@code customerGrades} or whose segment is one of {@code customerSegments}; with both lists
 * empty it applies to every customer.
 *
 * <p><b>Who may see it.</b> A staff member may see (and quote from) a list when their id is one of
 * {@code visibleToStaff} or one of their roles is one of {@code visibleToRoles}; with both lists
 * empty every staff member may.
 *
 * @param id               the list's id, unique within the tenant; not blank
 * @param tenant           the tenant; not blank
 * @param name             the display name; not blank
 * @param currency         the ISO 4217 code of every price on the list; not blank
 * @param entries          the prices, at most one per product; not null, may be empty
 * @param customerGrades   the customer grades it applies to; not null, may be empty
 * @param customerSegments the customer segments it applies to; not null, may be empty
 * @param visibleToStaff   the staff ids who may see it; not null, may be empty
 * @param visibleToRoles   the staff roles that may see it; not null, may be empty
 * @since 0.1
 */
public record PriceListRecord(String id, String tenant, String name, String currency,
                              List<PriceListEntryRecord> entries, List<String> customerGrades,
                              List<String> customerSegments, List<String> visibleToStaff,
                              List<String> visibleToRoles) {

    public PriceListRecord {
        notBlank(id, "id");
        notBlank(tenant, "tenant");
        notBlank(name, "name");
        notBlank(currency, "currency");
        entries = copy(entries, "entries");
        customerGrades = copy(customerGrades, "customerGrades");
        customerSegments = copy(customerSegments, "customerSegments");
        visibleToStaff = copy(visibleToStaff, "visibleToStaff");
        visibleToRoles = copy(visibleToRoles, "visibleToRoles");
        Set<String> products = new HashSet<>();
        for (PriceListEntryRecord entry : entries) {
            if (!products.add(entry.productId())) {
                throw new ValidationException("entries", "must price each product at most once", entry.productId());
            }
        }
    }

    /**
     * @param productId a product id; may be null
     * @return the list's entry for that product, or empty
     */
    public Optional<PriceListEntryRecord> entry(String productId) {
        return entries.stream().filter(e -> e.productId().equals(productId)).findFirst();
    }

    /**
     * @param grade   the customer's grade; null if it has none
     * @param segment the customer's segment; null if it has none
     * @return true if the list applies to such a customer (see the class comment)
     */
    public boolean appliesTo(String grade, String segment) {
        if (customerGrades.isEmpty() && customerSegments.isEmpty()) {
            return true;
        }
        return grade != null && customerGrades.contains(grade)
                || segment != null && customerSegments.contains(segment);
    }

    /**
     * @param staffId the staff member's id; not null
     * @param roles   the staff member's roles; not null
     * @return true if that staff member may see the list (see the class comment)
     */
    public boolean visibleTo(String staffId, Collection<String> roles) {
        Objects.requireNonNull(staffId, "staffId must not be null");
        Objects.requireNonNull(roles, "roles must not be null");
        if (visibleToStaff.isEmpty() && visibleToRoles.isEmpty()) {
            return true;
        }
        return visibleToStaff.contains(staffId) || roles.stream().anyMatch(visibleToRoles::contains);
    }
}
