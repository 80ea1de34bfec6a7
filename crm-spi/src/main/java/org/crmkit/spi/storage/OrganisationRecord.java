package org.crmkit.spi.storage;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

/**
 * The details of an organisational customer (a business, a dealer, an internal unit).
 *
 * @param legalName          registered legal name; not blank
 * @param registrationNumber company registration number (for example a unified social credit code); may be null
 * @param taxNumber          tax or VAT number; may be null
 * @param industry           industry or sector, free text; may be null
 * @param website            web address; may be null
 * @since 0.1
 */
public record OrganisationRecord(
        String legalName, String registrationNumber, String taxNumber, String industry, String website) {

    public OrganisationRecord {
        notBlank(legalName, "organisation.legalName");
        nullOrNotBlank(registrationNumber, "organisation.registrationNumber");
        nullOrNotBlank(taxNumber, "organisation.taxNumber");
        nullOrNotBlank(industry, "organisation.industry");
        nullOrNotBlank(website, "organisation.website");
    }
}
