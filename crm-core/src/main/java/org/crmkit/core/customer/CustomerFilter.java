package org.crmkit.core.customer;

import java.time.Instant;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.storage.CustomerQuery;

/**
 * Which customers to list: every criterion that is set must match. Build from {@link #all()}:
 * {@code CustomerFilter.all().ownedBy(StaffId.of("s-1")).ofType(CustomerType.B2B)}.
 * Immutable and thread-safe.
 *
 * @param owner        current owner; null for any
 * @param type         customer type; null for any
 * @param stage        lifecycle stage; null for any
 * @param updatedSince the customer's own data changed at or after this instant (new timeline entries
 *                     alone do not count: see {@link Customer#recordInteraction}); null for any
 * @param email        has this e-mail address; null for any
 * @param phone        has this phone number; null for any
 * @since 0.1
 */
public record CustomerFilter(StaffId owner, CustomerType type, LifecycleStage stage, Instant updatedSince,
                             EmailAddress email, PhoneNumber phone) {

    /** @return a filter that matches every customer */
    public static CustomerFilter all() {
        return new CustomerFilter(null, null, null, null, null, null);
    }

    public CustomerFilter ownedBy(StaffId staff) {
        return new CustomerFilter(staff, type, stage, updatedSince, email, phone);
    }

    public CustomerFilter ofType(CustomerType customerType) {
        return new CustomerFilter(owner, customerType, stage, updatedSince, email, phone);
    }

    public CustomerFilter inStage(LifecycleStage lifecycleStage) {
        return new CustomerFilter(owner, type, lifecycleStage, updatedSince, email, phone);
    }

    public CustomerFilter updatedSince(Instant since) {
        return new CustomerFilter(owner, type, stage, since, email, phone);
    }

    public CustomerFilter withEmail(EmailAddress address) {
        return new CustomerFilter(owner, type, stage, updatedSince, address, phone);
    }

    public CustomerFilter withPhone(PhoneNumber number) {
        return new CustomerFilter(owner, type, stage, updatedSince, email, number);
    }

    CustomerQuery toQuery() {
        return new CustomerQuery(owner == null ? null : owner.value(), type == null ? null : type.name(),
                stage == null ? null : stage.name(), updatedSince, email == null ? null : email.value(),
                phone == null ? null : phone.value(), null);
    }
}
