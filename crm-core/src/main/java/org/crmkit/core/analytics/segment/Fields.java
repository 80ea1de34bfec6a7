package org.crmkit.core.analytics.segment;

import java.util.List;

import org.crmkit.spi.ValidationException;

/**
 * The names of facts a rule can refer to. A field name is a namespace, a dot and a name:
 * {@code external.region}, {@code internal.income}, {@code consumption.orders} (customer attributes
 * by category), {@code customer.type} (the customer record itself) or {@code score.rfm.segment}
 * (a computed score). The name starts with a letter and holds letters, digits, '_', '-' and '.',
 * at most 100 characters, as attribute names do.
 */
final class Fields {

    /** The namespaces a field may start with. */
    static final List<String> NAMESPACES = List.of("external", "internal", "consumption", "customer", "score");

    private Fields() {
    }

    /**
     * Checks a field name.
     *
     * @param field the name
     * @param path  where it is, for the error ({@code rule.and[2].field})
     * @return the name
     * @throws ValidationException on {@code path} if the name is not valid
     */
    static String check(String field, String path) {
        if (field == null) {
            throw new ValidationException(path, "must not be null");
        }
        int dot = field.indexOf('.');
        if (dot < 0 || !NAMESPACES.contains(field.substring(0, dot))) {
            throw new ValidationException(path, "must start with one of " + String.join(", ", NAMESPACES)
                    + " and a dot", field);
        }
        String name = field.substring(dot + 1);
        if (name.isEmpty() || name.length() > 100) {
            throw new ValidationException(path, "must have a name of 1-100 characters after the namespace", field);
        }
        if (!Character.isLetter(name.codePointAt(0))) {
            throw new ValidationException(path, "must have a name starting with a letter", field);
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!(Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.')) {
                throw new ValidationException(path, "must contain only letters, digits, '_', '-' and '.'", field);
            }
            i += Character.charCount(cp);
        }
        return field;
    }
}
