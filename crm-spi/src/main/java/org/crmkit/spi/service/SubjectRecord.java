package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.notBlank;

/**
 * What a survey response is about: an order, a work order, a staff member or a product.
 *
 * @param kind {@code ORDER}, {@code WORK_ORDER}, {@code STAFF} or {@code PRODUCT}; not blank
 * @param id   the id of the order, work order, staff member or product, as text; not blank
 * @since 0.1
 */
public record SubjectRecord(String kind, String id) {

    public SubjectRecord {
        notBlank(kind, "kind");
        notBlank(id, "id");
    }

    /** @return {@code kind:id}, the value of the response's {@code subject} index key */
    public String key() {
        return kind + ":" + id;
    }
}
