package org.crmkit.spi.fulfillment;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.time.Instant;

import org.crmkit.spi.ValidationException;

/**
 * The back office's answer to {@link OrderFulfillment#submit(FulfillmentRequest)}: it has taken
 * the order and knows it by {@link #backOfficeReference()}. Immutable and thread-safe.
 *
 * @param backOfficeReference the back office's own reference for the order (an ERP sales-order
 *                            number); not blank, at most 400 characters; the same for every
 *                            submission of the same order
 * @param receivedAt          when the back office first took the order; not null, truncated to
 *                            microseconds
 * @since 0.1
 */
public record FulfillmentReceipt(String backOfficeReference, Instant receivedAt) {

    /** The longest back-office reference the CRM keeps (it is an index key). */
    public static final int MAX_REFERENCE_LENGTH = 400;

    public FulfillmentReceipt {
        notBlank(backOfficeReference, "backOfficeReference");
        if (backOfficeReference.length() > MAX_REFERENCE_LENGTH) {
            throw new ValidationException("backOfficeReference",
                    "must be at most " + MAX_REFERENCE_LENGTH + " characters", backOfficeReference);
        }
        receivedAt = micros(notNull(receivedAt, "receivedAt"));
    }
}
