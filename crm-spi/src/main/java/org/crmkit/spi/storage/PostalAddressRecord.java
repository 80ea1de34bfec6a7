package org.crmkit.spi.storage;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

/**
 * A postal address of a customer.
 *
 * @param label      a label such as {@code "billing"}; may be null
 * @param primary    whether this is the preferred postal address
 * @param street     street, number, building and unit, possibly on several lines; not blank
 * @param city       city or town; not blank
 * @param region     province, state or district; may be null
 * @param postalCode postal code; may be null
 * @param country    ISO 3166-1 alpha-2 country code, upper case; not blank
 * @since 0.1
 */
public record PostalAddressRecord(
        String label, boolean primary, String street, String city, String region, String postalCode,
        String country) {

    public PostalAddressRecord {
        nullOrNotBlank(label, "postalAddress.label");
        notBlank(street, "postalAddress.street");
        notBlank(city, "postalAddress.city");
        nullOrNotBlank(region, "postalAddress.region");
        nullOrNotBlank(postalCode, "postalAddress.postalCode");
        notBlank(country, "postalAddress.country");
    }
}
