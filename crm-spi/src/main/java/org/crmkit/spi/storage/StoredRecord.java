package org.crmkit.spi.storage;

import java.util.UUID;

/**
 * A stored aggregate of any {@link RecordKind}: plain, immutable data with an id, a tenant and a
 * version. Implemented by the SPI records of the sales flow and of service (for example
 * {@code LeadRecord}); a store keeps every component exactly as given and gives it back equal.
 *
 * @since 0.1
 */
public interface StoredRecord {

    /** @return the record's id, unique across every tenant and kind; never null */
    UUID id();

    /** @return the tenant the record belongs to; a valid tenant id, never null */
    String tenant();

    /** @return the version this record represents: 1 when first stored, one more with every update */
    long version();
}
