package org.crmkit.core.loyalty;

/**
 * The code of a partner merchant of the club, unique in a tenant. Immutable and thread-safe.
 *
 * @param value 1 to 40 upper-case letters, digits, '.', '_' or '-', starting with a letter or digit
 * @since 0.1
 */
public record PartnerCode(String value) {

    public PartnerCode {
        value = Codes.code(value, "partner");
    }

    /**
     * @return the code, stripped and upper-cased
     * @throws org.crmkit.spi.ValidationException on {@code partner} if it is not a valid code
     */
    public static PartnerCode of(String text) {
        return new PartnerCode(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
