package org.crmkit.core.customer;

import org.crmkit.spi.ValidationException;

/**
 * One typed attribute of a customer, such as {@code EXTERNAL region = "East China"} or
 * {@code INTERNAL income = 120000}. Immutable and thread-safe.
 *
 * @param category which family of customer data it belongs to (domain §2)
 * @param name     1-100 letters, digits, '_', '-' or '.', starting with a letter; unique per customer
 *                 and category
 * @param value    the typed value
 * @since 0.1
 */
public record Attribute(AttributeCategory category, String name, AttributeValue value) {

    public Attribute {
        if (category == null) {
            throw new ValidationException("attribute.category", "must not be null");
        }
        name = checkName(name);
        if (value == null) {
            throw new ValidationException("attribute.value", "must not be null");
        }
    }

    static String checkName(String name) {
        String n = Texts.required(name, "attribute.name", 100);
        if (!Character.isLetter(n.codePointAt(0))) {
            throw new ValidationException("attribute.name", "must start with a letter", name);
        }
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            if (!(Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.')) {
                throw new ValidationException("attribute.name", "must contain only letters, digits, '_', '-' and '.'",
                        name);
            }
            i += Character.charCount(cp);
        }
        return n;
    }
}
