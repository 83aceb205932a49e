package dev.gatehouse.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo-mode sandbox settings, {@code gatehouse.sandbox.*}; tests and benchmarks set them.
 *
 * @param rateLimitScale AWS's rate limits times this factor, for the sandbox and Gatehouse's pacing alike;
 *                       0 for none (tests)
 * @param paceFactor     share of the (scaled) limits Gatehouse uses, as gatehouse.identity-center.pace-factor
 *                       in production
 * @param benchmarkSize  seed the benchmark's large organization instead of the demo one
 */
@ConfigurationProperties("gatehouse.sandbox")
record SandboxProperties(@DefaultValue("1") double rateLimitScale,
                         @DefaultValue("0.9") double paceFactor,
                         @DefaultValue("false") boolean benchmarkSize) {

    SandboxSeed.Size size() {
        return benchmarkSize ? SandboxSeed.Size.BENCHMARK : SandboxSeed.Size.DEMO;
    }
}
