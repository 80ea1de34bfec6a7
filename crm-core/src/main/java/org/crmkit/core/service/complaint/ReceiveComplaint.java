package org.crmkit.core.service.complaint;

import java.util.Optional;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;

/**
 * What is needed to record a complaint (domain §10, step 1). Immutable.
 *
 * @param customerId      the customer who complains; not null
 * @param channel         the channel it came in on; not null
 * @param category        what it is about; not null
 * @param text            what the customer says, in their words; not blank
 * @param receivedBy      the staff member who takes it; null when the customer files it alone (on the web)
 * @param acknowledgement the acknowledgement to give the customer; null for the courteous default
 *                        of {@link Complaints#receive}
 * @since 0.1
 */
public record ReceiveComplaint(CustomerId customerId, Channel channel, ComplaintCategory category, String text,
                               StaffId receivedBy, String acknowledgement) {

    public ReceiveComplaint {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(channel, "channel");
        Checks.notNull(category, "category");
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "must not be blank", text);
        }
        if (acknowledgement != null && acknowledgement.isBlank()) {
            throw new ValidationException("acknowledgement", "must be absent (null) or not blank", acknowledgement);
        }
    }

    /** @return a complaint taken by {@code by}, with the default acknowledgement */
    public static ReceiveComplaint of(CustomerId customer, Channel channel, ComplaintCategory category, String text,
                                      StaffId by) {
        return new ReceiveComplaint(customer, channel, category, text, by, null);
    }

    /** @return this command with its own acknowledgement text */
    public ReceiveComplaint withAcknowledgement(String text) {
        return new ReceiveComplaint(customerId, channel, category, this.text, receivedBy, text);
    }

    /** @return the acknowledgement text given, if any */
    public Optional<String> customAcknowledgement() {
        return Optional.ofNullable(acknowledgement);
    }
}
