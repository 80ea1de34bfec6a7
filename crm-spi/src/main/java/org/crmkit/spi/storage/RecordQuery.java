package org.crmkit.spi.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Criteria for {@link RecordStore#query}: a record matches when, for every criterion, it has an
 * {@link IndexKey} equal to it. A query with no criteria matches every record of the kind in the
 * tenant. Immutable.
 *
 * <pre>{@code
 * RecordQuery.all().where("campaignId", campaign.toString()).where("status", "QUALIFIED")
 * }</pre>
 *
 * @param criteria the keys a record must all have; not null, may be empty
 * @since 0.1
 */
public record RecordQuery(List<IndexKey> criteria) {

    public RecordQuery {
        criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria must not be null"));
    }

    /** @return a query that matches every record of the kind */
    public static RecordQuery all() {
        return new RecordQuery(List.of());
    }

    /** @return this query narrowed to records that have key {@code name} with {@code value} */
    public RecordQuery where(String name, String value) {
        List<IndexKey> more = new ArrayList<>(criteria);
        more.add(new IndexKey(name, value));
        return new RecordQuery(more);
    }
}
