package dev.gatehouse.sandbox;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

    static final long DEMO_SEED = 42;

    private final SandboxProperties settings;

    SandboxConfiguration(SandboxProperties settings) {
        this.settings = settings;
    }

    @Bean(destroyMethod = "close")
    Sandbox sandbox() {
        return Sandbox.start(SandboxSeed.generate(settings.size(), DEMO_SEED),
                SandboxSettings.AWS_LIMITS.withRateLimitScale(settings.rateLimitScale()));
    }

    @Bean
    AwsConnection awsConnection(Sandbox sandbox) {
        return AwsConnection.emulator(sandbox.endpoint())
                .withPaceFactor(settings.paceFactor() * settings.rateLimitScale());
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
