package org.crmkit.spi.storage;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry on a customer's timeline: an interaction recorded by any department, a message
 * sent or refused, an owner change. Entries are appended and never changed.
 *
 * @param id         unique id of the entry; not null
 * @param tenant     the tenant; not null
 * @param customerId the customer; not null
 * @param occurredAt when it happened; not null
 * @param kind       entry kind code, for example {@code "INTERACTION"}; not blank
 * @param channel    channel code, for example {@code "PHONE"}; may be null
 * @param staffId    the staff member involved; may be null
 * @param department the department that recorded it; may be null
 * @param summary    what happened, free text of any length; not blank
 * @param outcome    the result, free text; may be null
 * @since 0.1
 */
public record TimelineEntryRecord(
        UUID id, String tenant, UUID customerId, Instant occurredAt, String kind, String channel,
        String staffId, String department, String summary, String outcome) {

    public TimelineEntryRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        notNull(customerId, "customerId");
        occurredAt = micros(notNull(occurredAt, "occurredAt"));
        notBlank(kind, "kind");
        nullOrNotBlank(channel, "channel");
        nullOrNotBlank(staffId, "staffId");
        nullOrNotBlank(department, "department");
        notBlank(summary, "summary");
        nullOrNotBlank(outcome, "outcome");
    }
}
