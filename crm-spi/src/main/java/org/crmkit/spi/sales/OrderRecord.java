package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * An order as storage sees it: made from an accepted quote, handed to the back office, and tracked
 * until delivered or cancelled. Plain data, already validated by the domain; a store keeps every
 * component exactly as given. Immutable and thread-safe.
 *
 * @param id                  unique id of the order; not null
 * @param tenant              the tenant; a valid tenant id
 * @param version             the version this record represents, at least 1
 * @param quoteId             the accepted quote the order was made from; not null
 * @param customerId          the customer who ordered; not null
 * @param opportunityId       the opportunity the quote belonged to; not null
 * @param campaignId          the campaign the sale is attributed to; may be null
 * @param lines               the lines, copied from the quote; not null, not empty
 * @param netTotal            sum of the lines' net amounts; not null
 * @param taxTotal            sum of the lines' tax; not null
 * @param grossTotal          sum of the lines' gross amounts; not null
 * @param status              the name of the domain's {@code OrderStatus}, for example
 *                            {@code "SUBMITTED"}; not blank
 * @param history             every status the order entered, oldest first, the last one current;
 *                            not null, not empty
 * @param backOfficeReference the back office's reference, once it took the order; may be null, at
 *                            most 400 characters
 * @param tracking            delivery tracking, once shipped; may be null
 * @param deliveryAddress     where to deliver, free text; may be null (the back office's address
 *                            for the customer)
 * @param createdAt           when the order was made; not null, truncated to microseconds
 * @since 0.1
 */
public record OrderRecord(
        UUID id,
        String tenant,
        long version,
        UUID quoteId,
        UUID customerId,
        UUID opportunityId,
        UUID campaignId,
        List<OrderLineRecord> lines,
        MoneyRecord netTotal,
        MoneyRecord taxTotal,
        MoneyRecord grossTotal,
        String status,
        List<OrderStatusChangeRecord> history,
        String backOfficeReference,
        OrderTrackingRecord tracking,
        String deliveryAddress,
        Instant createdAt) implements StoredRecord {

    /** The kind of order records, with their keys. */
    public static final RecordKind<OrderRecord> KIND = RecordKind.of("order", OrderRecord.class,
            List.of("customerId", "quoteId", "opportunityId", "campaignId", "status", "backOfficeReference"),
            r -> Arrays.asList(
                    IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("quoteId", r.quoteId()),
                    IndexKey.ofNullable("opportunityId", r.opportunityId()),
                    IndexKey.ofNullable("campaignId", r.campaignId()),
                    IndexKey.ofNullable("status", r.status()),
                    IndexKey.ofNullable("backOfficeReference", r.backOfficeReference())));

    public OrderRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(quoteId, "quoteId");
        notNull(customerId, "customerId");
        notNull(opportunityId, "opportunityId");
        lines = copy(lines, "lines");
        if (lines.isEmpty()) {
            throw new ValidationException("lines", "must not be empty");
        }
        notNull(netTotal, "netTotal");
        notNull(taxTotal, "taxTotal");
        notNull(grossTotal, "grossTotal");
        notBlank(status, "status");
        history = copy(history, "history");
        if (history.isEmpty()) {
            throw new ValidationException("history", "must not be empty");
        }
        nullOrNotBlank(backOfficeReference, "backOfficeReference");
        if (backOfficeReference != null && backOfficeReference.length() > IndexKey.MAX_VALUE_LENGTH) {
            throw new ValidationException("backOfficeReference",
                    "must be at most " + IndexKey.MAX_VALUE_LENGTH + " characters", backOfficeReference);
        }
        nullOrNotBlank(deliveryAddress, "deliveryAddress");
        createdAt = micros(notNull(createdAt, "createdAt"));
    }
}
