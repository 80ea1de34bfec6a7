package org.crmkit.core.service;

import java.time.Duration;

import org.crmkit.spi.ValidationException;

/**
 * How long a work order may take to its first response and to its resolution, counted from when it
 * was opened. Immutable and thread-safe.
 *
 * @param response   the time to the first response (assignment or start); positive
 * @param resolution the time to the resolution; positive, at least {@code response}
 * @since 0.1
 */
public record ServiceLevelTargets(Duration response, Duration resolution) {

    public ServiceLevelTargets {
        Args.notNull(response, "response");
        Args.notNull(resolution, "resolution");
        if (response.isNegative() || response.isZero()) {
            throw new ValidationException("response", "must be positive", response);
        }
        if (resolution.compareTo(response) < 0) {
            throw new ValidationException("resolution", "must be at least the response target " + response,
                    resolution);
        }
    }

    /** @return the targets with those durations */
    public static ServiceLevelTargets of(Duration response, Duration resolution) {
        return new ServiceLevelTargets(response, resolution);
    }

    /** @return the duration of one target */
    public Duration of(ServiceTarget target) {
        return target == ServiceTarget.RESPONSE ? response : resolution;
    }
}
