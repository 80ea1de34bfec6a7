package org.crmkit.tck.storage.samples;

import java.util.Objects;

import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;

/**
 * One stored record of a known kind, as a fixture for the record-store contract: a store must give
 * it back equal after a round trip and find it by every key its kind names.
 *
 * @param kind   the record's kind; not null
 * @param record a record of that kind at version 1; not null
 * @param <R>    the record type
 * @since 0.1
 */
public record Sample<R extends StoredRecord>(RecordKind<R> kind, R record) {

    public Sample {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(record, "record must not be null");
        kind.cast(record);
    }

    /** @return the sample of {@code record} */
    public static <R extends StoredRecord> Sample<R> of(RecordKind<R> kind, R record) {
        return new Sample<>(kind, record);
    }
}
