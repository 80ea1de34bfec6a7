package org.crmkit.spi.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.crmkit.spi.ValidationException;

/** Argument checks shared by the SPI records. Not API. */
public final class Checks {
    private Checks() {
    }

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }

    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be blank", value);
        }
        return value;
    }

    /** Null stays null; otherwise the value must not be blank. */
    public static String nullOrNotBlank(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new ValidationException(field, "must be absent (null) or not blank", value);
        }
        return value;
    }

    /** Storage keeps microseconds; every record truncates so that a round trip is exact. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static <T> List<T> copy(List<T> list, String field) {
        notNull(list, field);
        for (int i = 0; i < list.size(); i++) {
            notNull(list.get(i), field + "[" + i + "]");
        }
        return List.copyOf(list);
    }
}
