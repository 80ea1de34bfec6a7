package org.crmkit.examples.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that stands still until the demo moves it on, so that the loop's stage durations,
 * validity dates and delivery times are those of a real month of selling while the demo runs in
 * a second. Not thread-safe: one demo run moves it from one thread.
 */
final class StepClock extends Clock {

    private final LocalDate firstDay;
    private Instant now;

    private StepClock(Instant start) {
        this.now = start;
        this.firstDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
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

    /**
     * Moves the clock on to a time of day on the {@code day}th day after the day it started on
     * (day 0), in UTC.
     *
     * @param day  days after the first day; not negative
     * @param time the time of day, {@code "HH:mm"}
     * @throws IllegalArgumentException if that moment is before the clock's now
     */
    void at(int day, String time) {
        Instant next = firstDay.plusDays(day).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
        advance(Duration.between(now, next));
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
