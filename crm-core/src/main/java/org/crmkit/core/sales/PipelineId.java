package org.crmkit.core.sales;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a sales pipeline. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record PipelineId(UUID value) {

    public PipelineId {
        if (value == null) {
            throw new ValidationException("pipelineId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static PipelineId of(UUID value) {
        return new PipelineId(value);
    }

    /** @throws ValidationException on field {@code pipelineId} if {@code text} is not a UUID */
    public static PipelineId parse(String text) {
        if (text == null) {
            throw new ValidationException("pipelineId", "must not be null");
        }
        try {
            return new PipelineId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("pipelineId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
