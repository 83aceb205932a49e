package dev.gatehouse.sandbox;

import java.time.Duration;

/**
 * How the sandbox misbehaves. AWS's rate limits apply scaled by {@code rateLimitScale};
 * 0 turns them off. Injected faults come on top, at the given fractions of calls.
 *
 * @param throttleRate      fraction of calls answered with the service's throttling error
 * @param serverErrorRate   fraction of calls answered with HTTP 500
 * @param emptyPageRate     fraction of Organizations pages returned empty with a NextToken, as AWS may
 * @param latency           added to every call
 * @param rateLimitScale    factor on AWS's rates and bursts; 0 for no limits
 * @param seed              makes the injected faults repeatable
 * @param writeDelay        how long an assignment create or delete stays IN_PROGRESS
 * @param writeFailureRate  fraction of assignment writes that end FAILED, as when an IAM quota is reached
 */
public record SandboxSettings(double throttleRate, double serverErrorRate, double emptyPageRate, Duration latency,
                              double rateLimitScale, long seed, Duration writeDelay, double writeFailureRate) {

    /** Behaves like AWS on a good day: its limits, writes that take a moment, no injected faults. */
    public static final SandboxSettings AWS_LIMITS = new SandboxSettings(0, 0, 0, Duration.ZERO, 1, 1,
            Duration.ofMillis(300), 0);

    /** No limits and no faults, for tests about something else. */
    public static final SandboxSettings UNLIMITED = new SandboxSettings(0, 0, 0, Duration.ZERO, 0, 1,
            Duration.ofMillis(50), 0);

    public SandboxSettings withFaults(double throttleRate, double serverErrorRate, double emptyPageRate) {
        return new SandboxSettings(throttleRate, serverErrorRate, emptyPageRate, latency, rateLimitScale, seed,
                writeDelay, writeFailureRate);
    }

    public SandboxSettings withRateLimitScale(double scale) {
        return new SandboxSettings(throttleRate, serverErrorRate, emptyPageRate, latency, scale, seed, writeDelay,
                writeFailureRate);
    }

    public SandboxSettings withWrites(Duration delay, double failureRate) {
        return new SandboxSettings(throttleRate, serverErrorRate, emptyPageRate, latency, rateLimitScale, seed, delay,
                failureRate);
    }
}
