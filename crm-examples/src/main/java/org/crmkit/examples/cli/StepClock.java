package org.crmkit.examples.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that stands still until the demo moves it on, so that the loop's stage durations,
 * validity dates and delivery times are those of a real month of selling while the demo runs in
 * a second. Not thread-safe: one demo run moves it from one thread.
 */
final class StepClock extends Clock {

    private Instant now;

    private StepClock(Instant start) {
        this.now = start;
    }

    /** @return a clock standing at {@code start}, truncated to whole seconds */
    static StepClock startingAt(Instant start) {
        return new StepClock(Objects.requireNonNull(start, "start must not be null")
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Moves the clock on by {@code step}. */
    void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a step must not go back in time: " + step);
        }
        now = now.plus(step);
    }

    void advanceHours(long hours) {
        advance(Duration.ofHours(hours));
    }

    void advanceDays(long days) {
        advance(Duration.ofDays(days));
    }

    /** @return the date the clock stands on, in UTC */
    LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the demo's clock runs in UTC only");
        }
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
