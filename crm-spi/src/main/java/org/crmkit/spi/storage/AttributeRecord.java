package org.crmkit.spi.storage;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

/**
 * One typed attribute of a customer (domain §2: external, internal and consumption attributes).
 *
 * @param category {@code "EXTERNAL"}, {@code "INTERNAL"} or {@code "CONSUMPTION"}; not blank
 * @param name     the attribute's name, unique within the customer and category; not blank
 * @param type     the value's type code: {@code "TEXT"}, {@code "NUMBER"}, {@code "BOOLEAN"},
 *                 {@code "DATE"} or {@code "TIMESTAMP"}; not blank
 * @param value    the value in its canonical text form (a plain decimal, {@code true}/{@code false},
 *                 an ISO-8601 date or instant); not null, may be empty for text
 * @since 0.1
 */
public record AttributeRecord(String category, String name, String type, String value) {

    public AttributeRecord {
        notBlank(category, "attribute.category");
        notBlank(name, "attribute.name");
        notBlank(type, "attribute.type");
        notNull(value, "attribute.value");
    }
}
