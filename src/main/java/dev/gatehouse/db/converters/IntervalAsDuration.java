package dev.gatehouse.db.converters;

import java.time.Duration;

import org.jooq.impl.AbstractConverter;
import org.jooq.types.DayToSecond;

/** An {@code interval day to second} column as a {@link Duration}; NULL stays null. */
public final class IntervalAsDuration extends AbstractConverter<DayToSecond, Duration> {

    public IntervalAsDuration() {
        super(DayToSecond.class, Duration.class);
    }

    @Override
    public Duration from(DayToSecond interval) {
        return interval == null ? null : interval.toDuration();
    }

    @Override
    public DayToSecond to(Duration duration) {
        return duration == null ? null : DayToSecond.valueOf(duration);
    }
}
