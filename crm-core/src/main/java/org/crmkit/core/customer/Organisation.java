package org.crmkit.core.customer;

/**
 * The details of an organisational customer. Immutable and thread-safe.
 *
 * @param legalName          registered legal name; not blank
 * @param registrationNumber company registration number (such as a unified social credit code); may be null
 * @param taxNumber          tax or VAT number; may be null
 * @param industry           industry or sector; may be null
 * @param website            web address; may be null
 * @since 0.1
 */
public record Organisation(
        String legalName, String registrationNumber, String taxNumber, String industry, String website) {

    public Organisation {
        legalName = Texts.required(legalName, "organisation.legalName", 500);
        registrationNumber = Texts.optional(registrationNumber, "organisation.registrationNumber", 100);
        taxNumber = Texts.optional(taxNumber, "organisation.taxNumber", 100);
        industry = Texts.optional(industry, "organisation.industry", 200);
        website = Texts.optional(website, "organisation.website", 500);
    }

    /** @return an organisation known only by its legal name */
    public static Organisation named(String legalName) {
        return new Organisation(legalName, null, null, null, null);
    }
}
