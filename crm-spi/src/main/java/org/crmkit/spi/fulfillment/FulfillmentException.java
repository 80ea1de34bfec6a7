package org.crmkit.spi.fulfillment;

import org.crmkit.spi.CrmException;

/**
 * The back office could not take a request: it is unreachable, timed out, or refused the request
 * for a reason of its own. What the back office did with the request is unknown to the caller, so
 * the caller may retry the same request: {@link OrderFulfillment} requests are idempotent.
 *
 * @since 0.1
 */
public class FulfillmentException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed; not null */
    public FulfillmentException(String message) {
        super(message);
    }

    /**
     * @param message what failed; not null
     * @param cause   the underlying exception; may be null
     */
    public FulfillmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
