package org.crmkit.core.service;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies the stored record of a service agent. Agents are looked up by their
 * {@link org.crmkit.core.common.StaffId}; this id is the record's own. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record ServiceAgentId(UUID value) {

    public ServiceAgentId {
        if (value == null) {
            throw new ValidationException("serviceAgentId", "must not be null");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
