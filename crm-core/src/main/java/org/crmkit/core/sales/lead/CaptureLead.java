package org.crmkit.core.sales.lead;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.sales.CampaignId;

/**
 * The command to capture a lead, as it arrives from a web form, a campaign reply, a trade fair
 * list or a call. Every rule is checked by {@link Leads#capture(CaptureLead)}, which refuses a
 * bad command with a {@link org.crmkit.spi.ValidationException} naming the field.
 *
 * <p>Build one with {@link #builder(String, StaffId)}.
 *
 * @param campaign           the campaign that caused the lead; null if none
 * @param personName         the contact person's name; not blank, at most 200 characters
 * @param email              an e-mail address as typed; null if none (then {@code phone} is required)
 * @param phone              a phone number, international or national with {@code defaultCountryCode};
 *                           null if none (then {@code email} is required)
 * @param defaultCountryCode country calling code for a national phone number, or 0 for international only
 * @param organisation       the organisation the person speaks for; null if none; at most 300 characters
 * @param interest           what the person is interested in; null if not stated; at most 2000 characters
 * @param owner              the responsible staff member; not null
 * @param capturedBy         who captures the lead; not null
 * @since 0.1
 */
public record CaptureLead(CampaignId campaign, String personName, String email, String phone, int defaultCountryCode,
                          String organisation, String interest, StaffId owner, StaffId capturedBy) {

    /**
     * @param personName the contact person's name
     * @param owner      the responsible staff member, also recorded as who captured the lead
     *                   unless {@link Builder#capturedBy} says otherwise
     * @return a builder
     */
    public static Builder builder(String personName, StaffId owner) {
        return new Builder(personName, owner);
    }

    /** Builds a {@link CaptureLead}. Not thread-safe. */
    public static final class Builder {
        private final String personName;
        private final StaffId owner;
        private CampaignId campaign;
        private String email;
        private String phone;
        private int defaultCountryCode;
        private String organisation;
        private String interest;
        private StaffId capturedBy;

        private Builder(String personName, StaffId owner) {
            this.personName = personName;
            this.owner = owner;
        }

        /** @return this builder, with the source campaign */
        public Builder campaign(CampaignId id) {
            this.campaign = id;
            return this;
        }

        /** @return this builder, with an e-mail address */
        public Builder email(String address) {
            this.email = address;
            return this;
        }

        /** @return this builder, with a phone number */
        public Builder phone(String number) {
            this.phone = number;
            return this;
        }

        /** @return this builder, with the country calling code for a national phone number */
        public Builder defaultCountryCode(int code) {
            this.defaultCountryCode = code;
            return this;
        }

        /** @return this builder, with the organisation's name */
        public Builder organisation(String name) {
            this.organisation = name;
            return this;
        }

        /** @return this builder, with the stated interest */
        public Builder interest(String text) {
            this.interest = text;
            return this;
        }

        /** @return this builder, with who captures the lead */
        public Builder capturedBy(StaffId staff) {
            this.capturedBy = staff;
            return this;
        }

        /** @return the command */
        public CaptureLead build() {
            return new CaptureLead(campaign, personName, email, phone, defaultCountryCode, organisation, interest,
                    owner, capturedBy == null ? owner : capturedBy);
        }
    }
}
