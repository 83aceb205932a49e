package dev.gatehouse.permissionset.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gatehouse.TestSettings;

class PermissionSetPropertiesTest {

    @Test
    void without_settings_the_organization_accepts_sessions_of_up_to_eight_hours() {
        assertThat(TestSettings.defaults(PermissionSetProperties.class).maxSessionDuration())
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void the_documented_variable_sets_the_longest_session_in_iso_8601() {
        PermissionSetProperties settings = TestSettings.bindEnvironment(PermissionSetProperties.class,
                Map.of("GATEHOUSE_PERMISSION_SETS_MAX_SESSION_DURATION", "PT4H"));

        assertThat(settings.maxSessionDuration()).isEqualTo(Duration.ofHours(4));
    }
}
