package dev.gatehouse.sandbox;

import java.time.Duration;

/**
 * How the sandbox misbehaves. AWS's rate limits (DESIGN.md §4) apply scaled by {@code rateLimitScale};
 * 0 turns them off. Injected faults come on top, at the given fractions of calls.
 *
 * @param throttleRate    fraction of calls answered with the service's throttling error
 * @param serverErrorRate fraction of calls answered with HTTP 500
 * @param emptyPageRate   fraction of Organizations pages returned empty with a NextToken, as AWS may
 * @param latency         added to every call
 * @param rateLimitScale  factor on AWS's rates and bursts; 0 for no limits
 * @param seed            makes the injected faults repeatable
 */
public record SandboxSettings(double throttleRate, double serverErrorRate, double emptyPageRate, Duration latency,
                              double rateLimitScale, long seed) {

    /** Behaves like AWS on a good day: its limits, no injected faults. */
    public static final SandboxSettings AWS_LIMITS = new SandboxSettings(0, 0, 0, Duration.ZERO, 1, 1);

    /** No limits and no faults, for tests about something else. */
    public static final SandboxSettings UNLIMITED = new SandboxSettings(0, 0, 0, Duration.ZERO, 0, 1);

    public SandboxSettings withFaults(double throttleRate, double serverErrorRate, double emptyPageRate) {
        return new SandboxSettings(throttleRate, serverErrorRate, emptyPageRate, latency, rateLimitScale, seed);
    }
}
