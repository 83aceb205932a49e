package dev.gatehouse.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.gatehouse.aws.AwsConnection;
import dev.gatehouse.shared.ConditionalOnMode;
import dev.gatehouse.shared.GatehouseMode;

/** Demo mode: the demo organization behind a sandbox endpoint with AWS's limits, and the adapter pointed at it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMode(GatehouseMode.DEMO)
class SandboxConfiguration {

    static final long DEMO_SEED = 42;

    /** AWS's rate limits times this factor, for the sandbox and Gatehouse's pacing alike; 0 for none (tests). */
    private final double rateLimitScale;

    SandboxConfiguration(@Value("${gatehouse.sandbox.rate-limit-scale:1}") double rateLimitScale) {
        this.rateLimitScale = rateLimitScale;
    }

    @Bean(destroyMethod = "close")
    Sandbox sandbox() {
        return Sandbox.start(SandboxSeed.generate(SandboxSeed.Size.DEMO, DEMO_SEED),
                SandboxSettings.AWS_LIMITS.withRateLimitScale(rateLimitScale));
    }

    @Bean
    AwsConnection awsConnection(Sandbox sandbox) {
        AwsConnection connection = AwsConnection.emulator(sandbox.endpoint());
        return connection.withPaceFactor(connection.paceFactor() * rateLimitScale);
    }
}
