package dev.gatehouse.sandbox;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.gatehouse.aws.AwsConnection;
import dev.gatehouse.security.DemoPersona;
import dev.gatehouse.security.DemoPersonas;
import dev.gatehouse.shared.ConditionalOnMode;
import dev.gatehouse.shared.GatehouseMode;

/**
 * Demo mode: the demo organization behind a sandbox endpoint with AWS's limits, the adapter pointed at it,
 * and its personas for the demo sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMode(GatehouseMode.DEMO)
class SandboxConfiguration {

    static final long DEMO_SEED = 42;

    /** AWS's rate limits times this factor, for the sandbox and Gatehouse's pacing alike; 0 for none (tests). */
    private final double rateLimitScale;
    private final double paceFactor;
    private final SandboxSeed.Size size;

    /**
     * @param paceFactor share of the (scaled) limits Gatehouse uses, as gatehouse.identity-center.pace-factor in production
     * @param benchmark  seed the benchmark's large organization instead of the demo one
     */
    SandboxConfiguration(@Value("${gatehouse.sandbox.rate-limit-scale:1}") double rateLimitScale,
                         @Value("${gatehouse.sandbox.pace-factor:0.9}") double paceFactor,
                         @Value("${gatehouse.sandbox.benchmark-size:false}") boolean benchmark) {
        this.rateLimitScale = rateLimitScale;
        this.paceFactor = paceFactor;
        this.size = benchmark ? SandboxSeed.Size.BENCHMARK : SandboxSeed.Size.DEMO;
    }

    @Bean(destroyMethod = "close")
    Sandbox sandbox() {
        return Sandbox.start(SandboxSeed.generate(size, DEMO_SEED),
                SandboxSettings.AWS_LIMITS.withRateLimitScale(rateLimitScale));
    }

    @Bean
    AwsConnection awsConnection(Sandbox sandbox) {
        return AwsConnection.emulator(sandbox.endpoint()).withPaceFactor(paceFactor * rateLimitScale);
    }

    /** The seed's personas, so each one the sign-in page offers is a real user of the demo Identity Center. */
    @Bean
    DemoPersonas demoPersonas() {
        List<DemoPersona> personas = SandboxPersonas.ALL.stream()
                .map(p -> new DemoPersona(p.userName(), p.displayName(), p.email(), p.description(), p.groups()))
                .toList();
        return () -> personas;
    }
}
