package org.crmkit.core.customer;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;

/**
 * One entry of a customer's timeline: everything any department did with the customer, in the
 * order it happened. Entries are never changed or removed. Immutable and thread-safe.
 *
 * @param id         the entry's id
 * @param customerId the customer
 * @param occurredAt when it happened
 * @param kind       what it records
 * @param channel    the channel; may be null
 * @param staff      the staff member involved; may be null
 * @param department the department; may be null
 * @param summary    what happened, in plain words
 * @param outcome    the result; may be null
 * @since 0.1
 */
public record TimelineEntry(
        UUID id, CustomerId customerId, Instant occurredAt, TimelineKind kind, Channel channel, StaffId staff,
        String department, String summary, String outcome) {

    /** @return the staff member, if one was involved */
    public Optional<StaffId> staffMember() {
        return Optional.ofNullable(staff);
    }

    /** @return the channel, if there was one */
    public Optional<Channel> via() {
        return Optional.ofNullable(channel);
    }
}
