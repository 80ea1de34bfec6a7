package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;

/**
 * One step of an order's status history.
 *
 * @param status the status the order entered, the name of the domain's {@code OrderStatus}
 *               (for example {@code "SHIPPED"}); not blank
 * @param at     when it entered it; not null, truncated to microseconds
 * @param note   why, or what the back office said; may be null, not blank
 * @since 0.1
 */
public record OrderStatusChangeRecord(String status, Instant at, String note) {

    public OrderStatusChangeRecord {
        notBlank(status, "statusChange.status");
        at = micros(notNull(at, "statusChange.at"));
        nullOrNotBlank(note, "statusChange.note");
    }
}
