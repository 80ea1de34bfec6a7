package org.crmkit.core.service;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a service work order. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record WorkOrderId(UUID value) {

    public WorkOrderId {
        if (value == null) {
            throw new ValidationException("workOrderId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static WorkOrderId of(UUID value) {
        return new WorkOrderId(value);
    }

    /** @throws ValidationException on field {@code workOrderId} if {@code text} is not a UUID */
    public static WorkOrderId parse(String text) {
        if (text == null) {
            throw new ValidationException("workOrderId", "must not be null");
        }
        try {
            return new WorkOrderId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("workOrderId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
