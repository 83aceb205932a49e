package dev.gatehouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gatehouse.TestSettings;

class SandboxPropertiesTest {

    @Test
    void without_settings_the_demo_organization_has_aws_limits_and_gatehouse_paces_itself_below_them() {
        SandboxProperties settings = TestSettings.defaults(SandboxProperties.class);

        assertThat(settings.rateLimitScale()).isEqualTo(1.0);
        assertThat(settings.paceFactor()).isEqualTo(0.9);
        assertThat(settings.size()).isEqualTo(SandboxSeed.Size.DEMO);
    }

    @Test
    void tests_and_benchmarks_set_the_limits_and_the_size_of_the_organization() {
        SandboxProperties settings = TestSettings.bind(SandboxProperties.class, Map.of(
                "gatehouse.sandbox.rate-limit-scale", "0", "gatehouse.sandbox.pace-factor", "0.95",
                "gatehouse.sandbox.benchmark-size", "true"));

        assertThat(settings.rateLimitScale()).isZero();
        assertThat(settings.paceFactor()).isEqualTo(0.95);
        assertThat(settings.size()).isEqualTo(SandboxSeed.Size.BENCHMARK);
    }
}
