package org.crmkit.tck.storage.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;

/**
 * A record kind of the contract kit alone ({@code "tck_sample"}), with a component of every type
 * a stored record may use, so that the record-store contract checks every type on every store
 * whatever the domain's records happen to use: text, UUID, instant, date, decimal, long, int,
 * boolean, {@link MoneyRecord}, a nested record, lists of nested records and of text, each
 * nullable where the type allows.
 *
 * <p>Keys: {@code status}, {@code ownerRef} (when set), {@code dueOn} (ISO date), and one
 * {@code tag} key per tag (a key name with several values).
 *
 * @param id          the record's id; not null
 * @param tenant      the tenant; not blank
 * @param version     1 or more
 * @param status      a status code; not blank
 * @param title       free text; not blank
 * @param note        free text; null when absent, else not blank
 * @param ownerRef    a reference to something else; may be null
 * @param occurredAt  an instant, truncated to microseconds; not null
 * @param closedAt    an instant, truncated to microseconds; may be null
 * @param dueOn       a date; not null
 * @param startedOn   a date; may be null
 * @param rate        a decimal whose scale a store must keep; not null
 * @param discount    a decimal; may be null
 * @param counter     any long
 * @param priority    any int
 * @param flagged     any boolean
 * @param total       an amount of money; not null
 * @param deposit     an amount of money; may be null
 * @param main        a nested record; may be null
 * @param parts       nested records, in order; not null, may be empty
 * @param tags        text, in order, each also a {@code tag} key; not null, may be empty
 * @since 0.1
 */
public record TckSampleRecord(
        UUID id, String tenant, long version, String status, String title, String note, UUID ownerRef,
        Instant occurredAt, Instant closedAt, LocalDate dueOn, LocalDate startedOn, BigDecimal rate,
        BigDecimal discount, long counter, int priority, boolean flagged, MoneyRecord total, MoneyRecord deposit,
        Part main, List<Part> parts, List<String> tags) implements StoredRecord {

    /** The kind of these records. */
    public static final RecordKind<TckSampleRecord> KIND = RecordKind.of("tck_sample", TckSampleRecord.class,
            List.of("status", "ownerRef", "dueOn", "tag"), TckSampleRecord::keys);

    public TckSampleRecord {
        notNull(id, "id");
        notBlank(tenant, "tenant");
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(status, "status");
        notBlank(title, "title");
        nullOrNotBlank(note, "note");
        occurredAt = micros(notNull(occurredAt, "occurredAt"));
        closedAt = micros(closedAt);
        notNull(dueOn, "dueOn");
        notNull(rate, "rate");
        notNull(total, "total");
        parts = copy(parts, "parts");
        tags = copy(tags, "tags");
    }

    /**
     * One line of a sample.
     *
     * @param label    text; not blank
     * @param quantity any int
     * @param price    a decimal; not null
     * @param at       an instant, truncated to microseconds; may be null
     * @param comment  free text; may be null
     * @since 0.1
     */
    public record Part(String label, int quantity, BigDecimal price, Instant at, String comment) {

        public Part {
            notBlank(label, "label");
            notNull(price, "price");
            at = micros(at);
        }
    }

    /**
     * Derived data that is not a component. It is here so that the contract catches a store that
     * writes such methods as if they were components and then cannot read the record back.
     *
     * @return whether the sample is flagged and has a deposit
     */
    public boolean isSecured() {
        return flagged && deposit != null;
    }

    /** @return this record with another version, for updates in tests */
    public TckSampleRecord withVersion(long next) {
        return new TckSampleRecord(id, tenant, next, status, title, note, ownerRef, occurredAt, closedAt, dueOn,
                startedOn, rate, discount, counter, priority, flagged, total, deposit, main, parts, tags);
    }

    /** @return this record with another status and tags (so other keys), at the next version */
    public TckSampleRecord withStatusAndTags(String nextStatus, List<String> nextTags) {
        return new TckSampleRecord(id, tenant, version + 1, nextStatus, title, note, ownerRef, occurredAt, closedAt,
                dueOn, startedOn, rate, discount, counter + 1, priority, flagged, total, deposit, main, parts,
                nextTags);
    }

    private static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }

    private static void notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be blank", value);
        }
    }

    private static void nullOrNotBlank(String value, String field) {
        if (value != null && value.isBlank()) {
            throw new ValidationException(field, "must be absent (null) or not blank", value);
        }
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> List<T> copy(List<T> list, String field) {
        notNull(list, field);
        for (int i = 0; i < list.size(); i++) {
            notNull(list.get(i), field + "[" + i + "]");
        }
        return List.copyOf(list);
    }

    private static List<IndexKey> keys(TckSampleRecord r) {
        List<IndexKey> keys = new ArrayList<>(Arrays.asList(
                IndexKey.ofNullable("status", r.status()),
                IndexKey.ofNullable("ownerRef", r.ownerRef()),
                IndexKey.ofNullable("dueOn", r.dueOn())));
        for (String tag : r.tags()) {
            keys.add(new IndexKey("tag", tag));
        }
        return keys;
    }
}
