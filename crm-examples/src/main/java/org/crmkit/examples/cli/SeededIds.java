package org.crmkit.examples.cli;

import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

import org.crmkit.core.common.IdGenerator;

/**
 * Time-ordered ids in the layout of {@link IdGenerator#timeOrdered}, but with their random bits
 * from a seeded generator, so that a case run on a {@link StepClock} makes the same ids every
 * time and its output is the same on every run. For examples only: such ids are guessable.
 */
final class SeededIds implements IdGenerator {

    private final Clock clock;
    private final Random random;
    private long lastMillis = -1;
    private int sequence;

    SeededIds(Clock clock, long seed) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.random = new Random(seed);
    }

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
}
