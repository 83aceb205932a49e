package dev.gatehouse.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gatehouse.TestSettings;

class AccessPropertiesTest {

    @Test
    void without_settings_there_is_no_portal_link_and_both_checks_run_every_minute() {
        AccessProperties settings = TestSettings.defaults(AccessProperties.class);

        assertThat(settings.portalUrl()).isEmpty();
        assertThat(settings.timeoutCheckInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.endingSoonCheckInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void the_documented_portal_variable_sets_the_portal_without_its_trailing_slash() {
        AccessProperties settings = TestSettings.bindEnvironment(AccessProperties.class,
                Map.of("GATEHOUSE_ACCESS_PORTAL_URL", "https://d-1234567890.awsapps.com/start/"));

        assertThat(settings.portalUrl()).isEqualTo("https://d-1234567890.awsapps.com/start");
    }

    @Test
    void the_check_intervals_are_read_as_durations() {
        AccessProperties settings = TestSettings.bind(AccessProperties.class, Map.of(
                "gatehouse.access.timeout-check-interval", "5m", "gatehouse.access.ending-soon-check-interval", "30s"));

        assertThat(settings.timeoutCheckInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.endingSoonCheckInterval()).isEqualTo(Duration.ofSeconds(30));
    }
}
