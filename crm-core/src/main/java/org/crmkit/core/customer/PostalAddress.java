package org.crmkit.core.customer;

import java.util.Locale;
import java.util.Set;

import org.crmkit.spi.ValidationException;

/**
 * A postal address. Fields are stripped of surrounding whitespace; the country is an ISO 3166-1
 * alpha-2 code, upper case. Immutable and thread-safe.
 *
 * @param label      a label such as {@code "billing"}; may be null
 * @param primary    whether this is the customer's preferred postal address
 * @param street     street, number, building and unit; not blank
 * @param city       city or town; not blank
 * @param region     province, state or district; may be null
 * @param postalCode postal code; may be null
 * @param country    ISO 3166-1 alpha-2 code, for example {@code "CN"}
 * @since 0.1
 */
public record PostalAddress(
        String label, boolean primary, String street, String city, String region, String postalCode,
        String country) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public PostalAddress {
        label = Texts.optional(label, "postalAddress.label", 100);
        street = Texts.required(street, "postalAddress.street", 500);
        city = Texts.required(city, "postalAddress.city", 200);
        region = Texts.optional(region, "postalAddress.region", 200);
        postalCode = Texts.optional(postalCode, "postalAddress.postalCode", 20);
        country = Texts.required(country, "postalAddress.country", 2).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new ValidationException("postalAddress.country", "must be an ISO 3166-1 alpha-2 country code",
                    country);
        }
    }

    /** @return an address with no label, not primary */
    public static PostalAddress of(String street, String city, String region, String postalCode, String country) {
        return new PostalAddress(null, false, street, city, region, postalCode, country);
    }

    /** @return this address marked primary or not */
    public PostalAddress withPrimary(boolean isPrimary) {
        return new PostalAddress(label, isPrimary, street, city, region, postalCode, country);
    }

    /** @return whether both denote the same place, ignoring label and primary flag */
    public boolean samePlaceAs(PostalAddress other) {
        return street.equals(other.street) && city.equals(other.city) && java.util.Objects.equals(region, other.region)
                && java.util.Objects.equals(postalCode, other.postalCode) && country.equals(other.country);
    }

    /** @return the address on several lines, as on an envelope */
    public String toMultilineString() {
        StringBuilder b = new StringBuilder(street).append('\n');
        if (postalCode != null) {
            b.append(postalCode).append(' ');
        }
        b.append(city);
        if (region != null) {
            b.append(", ").append(region);
        }
        return b.append('\n').append(country).toString();
    }
}
