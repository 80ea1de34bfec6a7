package org.crmkit.core.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes ids for new aggregates and entries. Must be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface IdGenerator {

    /** @return a new id, never returned before */
    UUID next();

    /**
     * Time-ordered ids in the layout of UUID version 7 (RFC 9562): the clock's milliseconds in the
     * first 48 bits, then a counter, then random bits. Ids made by one generator strictly
     * increase (compared as unsigned numbers), even within one millisecond or when the clock
     * stands still, so that records made in one step keep the order they were made in.
     *
     * @param clock the clock to read; not null
     * @return a thread-safe generator
     */
    static IdGenerator timeOrdered(Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        SecureRandom random = new SecureRandom();
        return new IdGenerator() {
            private long lastMillis = -1;
            private int sequence;

            @Override
            public synchronized UUID next() {
                long millis = Math.max(clock.millis(), 0);
                if (millis <= lastMillis) {
                    sequence++;
                    if (sequence > 0xFFF) {
                        lastMillis++;
                        sequence = 0;
                    }
                    millis = lastMillis;
                } else {
                    lastMillis = millis;
                    sequence = 0;
                }
                long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | sequence;
                long low = 0x8000_0000_0000_0000L | (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
                return new UUID(high, low);
            }
        };
    }
}
