package org.crmkit.core.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.crmkit.spi.ValidationException;

/**
 * The typed value of a customer {@link Attribute}. Immutable and thread-safe.
 *
 * <p>Each kind has a {@linkplain #typeCode() type code} and a {@linkplain #canonical() canonical
 * text form}, which is how storage keeps it; {@link #parse(String, String)} reads it back.
 *
 * @since 0.1
 */
public sealed interface AttributeValue {

    /** @return the type code: {@code TEXT}, {@code NUMBER}, {@code BOOLEAN}, {@code DATE} or {@code TIMESTAMP} */
    String typeCode();

    /** @return the canonical text form of the value */
    String canonical();

    /** @return a text value */
    static AttributeValue of(String text) {
        return new Text(text);
    }

    /** @return a number value */
    static AttributeValue of(BigDecimal number) {
        return new Number(number);
    }

    /** @return a number value */
    static AttributeValue of(long number) {
        return new Number(BigDecimal.valueOf(number));
    }

    /** @return a yes/no value */
    static AttributeValue of(boolean flag) {
        return new Flag(flag);
    }

    /** @return a date value */
    static AttributeValue of(LocalDate date) {
        return new Date(date);
    }

    /** @return a point-in-time value, kept to the microsecond */
    static AttributeValue of(Instant instant) {
        return new Timestamp(instant);
    }

    /**
     * Reads a value from its type code and canonical form.
     *
     * @throws ValidationException on field {@code attribute.value} or {@code attribute.type} if either is invalid
     */
    static AttributeValue parse(String typeCode, String canonical) {
        if (canonical == null) {
            throw new ValidationException("attribute.value", "must not be null");
        }
        if (typeCode == null) {
            throw new ValidationException("attribute.type", "must be one of TEXT, NUMBER, BOOLEAN, DATE, TIMESTAMP");
        }
        try {
            return switch (typeCode) {
                case "TEXT" -> new Text(canonical);
                case "NUMBER" -> new Number(new BigDecimal(canonical));
                case "BOOLEAN" -> switch (canonical) {
                    case "true" -> new Flag(true);
                    case "false" -> new Flag(false);
                    default -> throw new ValidationException("attribute.value", "must be true or false", canonical);
                };
                case "DATE" -> new Date(LocalDate.parse(canonical));
                case "TIMESTAMP" -> new Timestamp(Instant.parse(canonical));
                default -> throw new ValidationException("attribute.type",
                        "must be one of TEXT, NUMBER, BOOLEAN, DATE, TIMESTAMP", typeCode);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ValidationException("attribute.value", "must be a valid " + typeCode, canonical);
        }
    }

    /**
     * Text, at most 10,000 characters.
     *
     * @param value the text; not null
     */
    record Text(String value) implements AttributeValue {
        public Text {
            if (value == null) {
                throw new ValidationException("attribute.value", "must not be null");
            }
            if (value.length() > 10_000) {
                throw new ValidationException("attribute.value", "must be at most 10000 characters");
            }
        }

        @Override
        public String typeCode() {
            return "TEXT";
        }

        @Override
        public String canonical() {
            return value;
        }
    }

    /**
     * An exact decimal number. Trailing zeros are removed so that {@code 2.50} and {@code 2.5} are
     * the same value. At most {@value #MAX_DIGITS} digits before and after the decimal point
     * each, so that the canonical (plain) form stays small.
     *
     * @param value the number; not null
     */
    record Number(BigDecimal value) implements AttributeValue {
        /** The most digits a number may have on either side of the decimal point. */
        public static final int MAX_DIGITS = 100;

        public Number {
            if (value == null) {
                throw new ValidationException("attribute.value", "must not be null");
            }
            if (value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS) {
                throw new ValidationException("attribute.value",
                        "must have at most " + MAX_DIGITS + " digits before and after the decimal point");
            }
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }

        @Override
        public String typeCode() {
            return "NUMBER";
        }

        @Override
        public String canonical() {
            return value.toPlainString();
        }
    }

    /**
     * Yes or no.
     *
     * @param value the flag
     */
    record Flag(boolean value) implements AttributeValue {
        @Override
        public String typeCode() {
            return "BOOLEAN";
        }

        @Override
        public String canonical() {
            return Boolean.toString(value);
        }
    }

    /**
     * A calendar date.
     *
     * @param value the date; not null
     */
    record Date(LocalDate value) implements AttributeValue {
        public Date {
            if (value == null) {
                throw new ValidationException("attribute.value", "must not be null");
            }
        }

        @Override
        public String typeCode() {
            return "DATE";
        }

        @Override
        public String canonical() {
            return value.toString();
        }
    }

    /**
     * A point in time, kept to the microsecond.
     *
     * @param value the instant; not null
     */
    record Timestamp(Instant value) implements AttributeValue {
        public Timestamp {
            if (value == null) {
                throw new ValidationException("attribute.value", "must not be null");
            }
            value = value.truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public String typeCode() {
            return "TIMESTAMP";
        }

        @Override
        public String canonical() {
            return value.toString();
        }
    }
}
