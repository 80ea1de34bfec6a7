package org.crmkit.core.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.crmkit.spi.ValidationException;

/**
 * Parses enum constants from text with an error that names the field and lists the allowed values.
 *
 * @since 0.1
 */
public final class Enums {
    private Enums() {
    }

    /**
     * @param type  the enum type
     * @param name  the constant's name; case and surrounding whitespace are ignored, '-' and ' ' read as '_'
     * @param field the field name for the error message
     * @return the constant
     * @throws ValidationException if {@code name} is null, blank or not a constant of {@code type}
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String field) {
        if (name == null || name.isBlank()) {
            throw new ValidationException(field, "must be one of " + allowed(type), name);
        }
        String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        throw new ValidationException(field, "must be one of " + allowed(type), name);
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
