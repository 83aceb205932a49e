package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gatehouse.TestSettings;

class SecurityPropertiesTest {

    @Test
    void without_settings_a_session_ends_after_30_minutes_unused_or_12_hours_after_sign_in() {
        SecurityProperties.Session session = TestSettings.defaults(SecurityProperties.class).session();

        assertThat(session.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(session.absoluteLifetime()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void the_documented_session_variables_set_both_limits() {
        SecurityProperties.Session session = TestSettings.bindEnvironment(SecurityProperties.class, Map.of(
                "GATEHOUSE_SECURITY_SESSION_IDLE_TIMEOUT", "10m",
                "GATEHOUSE_SECURITY_SESSION_ABSOLUTE_LIFETIME", "8h")).session();

        assertThat(session.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(session.absoluteLifetime()).isEqualTo(Duration.ofHours(8));
    }
}
