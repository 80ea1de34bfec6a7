package org.crmkit.spi.analytics;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * One purchase or refund of a customer, as storage keeps it for customer analytics: the input of
 * RFM, ABC, the "buy till you die" models and the lifecycle classifier. Recorded once and never
 * changed. Plain data, already validated by the domain; a store keeps every component exactly as
 * given. Immutable and thread-safe.
 *
 * <p>Keys: {@code customerId}; {@code day} ({@code yyyy-MM-dd}) and {@code month} ({@code yyyy-MM}),
 * because a {@link org.crmkit.spi.storage.RecordQuery} matches keys exactly, so a date range is read
 * month by month and the days outside it are left out; {@code currency}, because an analysis reads
 * one currency at a time; and {@code sourceKey}, the idempotency key.
 *
 * @param id         the record's id; not null. The domain derives it from the tenant and the
 *                   source key, so that the store's uniqueness of ids makes recording idempotent.
 * @param tenant     the tenant; a valid tenant id
 * @param version    the version this record represents, at least 1 (records are never updated)
 * @param customerId the customer who bought; not null
 * @param day        the day of the purchase; not null
 * @param amount     the amount, negative for a refund, at most the currency's decimals; not null
 * @param margin     the margin earned on it, in the amount's currency; may be null
 * @param product    the product; may be null, not blank
 * @param category   the product category; may be null, not blank
 * @param channel    the sales channel; may be null, not blank
 * @param sourceKey  the key that makes recording the same purchase twice record it once, for
 *                   example {@code "pos:4711:2026-03-02:17"} or {@code "order:<id>"}; not blank, at most
 *                   {@value IndexKey#MAX_VALUE_LENGTH} characters, unique within the tenant
 * @param recordedAt when it was recorded; not null, truncated to microseconds
 * @since 0.1
 */
public record TransactionRecord(
        UUID id, String tenant, long version, UUID customerId, LocalDate day, MoneyRecord amount,
        MoneyRecord margin, String product, String category, String channel, String sourceKey,
        Instant recordedAt) implements StoredRecord {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    /** The kind of transaction records, queryable by customer, day, month, currency and source key. */
    public static final RecordKind<TransactionRecord> KIND = RecordKind.of("purchase_transaction",
            TransactionRecord.class, List.of("customerId", "day", "month", "currency", "sourceKey"),
            r -> Arrays.asList(
                    IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("day", r.day()),
                    IndexKey.ofNullable("month", monthKey(r.day())),
                    IndexKey.ofNullable("currency", r.amount().currency()),
                    IndexKey.ofNullable("sourceKey", r.sourceKey())));

    public TransactionRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(customerId, "customerId");
        notNull(day, "day");
        notNull(amount, "amount");
        if (margin != null && !margin.currency().equals(amount.currency())) {
            throw new ValidationException("margin.currency", "must be the amount's currency " + amount.currency(),
                    margin.currency());
        }
        nullOrNotBlank(product, "product");
        nullOrNotBlank(category, "category");
        nullOrNotBlank(channel, "channel");
        notBlank(sourceKey, "sourceKey");
        if (sourceKey.length() > IndexKey.MAX_VALUE_LENGTH) {
            throw new ValidationException("sourceKey", "must be at most " + IndexKey.MAX_VALUE_LENGTH + " characters",
                    sourceKey.length());
        }
        recordedAt = micros(notNull(recordedAt, "recordedAt"));
    }

    /**
     * @param day a day; may be null
     * @return the value of the {@code month} key for that day, for example {@code "2026-03"}; null for null
     */
    public static String monthKey(LocalDate day) {
        return day == null ? null : MONTH.format(day);
    }
}
