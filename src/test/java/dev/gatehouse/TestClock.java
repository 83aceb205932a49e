package dev.gatehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it, for tests of time windows (TOTP steps, lockouts,
 * freshness). Import {@link Config} to make it the application's clock.
 */
public final class TestClock extends Clock {

    private volatile Instant now = realNow();

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** Back to the real time, so work scheduled by one test runs in the next. */
    public void reset() {
        now = realNow();
    }

    /** Whole milliseconds, so that what the database stores (microseconds) compares equal. */
    private static Instant realNow() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Gatehouse works in UTC");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
