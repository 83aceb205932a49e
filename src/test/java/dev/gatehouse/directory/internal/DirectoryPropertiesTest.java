package dev.gatehouse.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gatehouse.TestSettings;

class DirectoryPropertiesTest {

    @Test
    void without_settings_the_directory_syncs_hourly_and_at_start_up_with_eight_reads_at_a_time() {
        DirectoryProperties settings = TestSettings.defaults(DirectoryProperties.class);

        assertThat(settings.syncInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.syncOnStartup()).isTrue();
        assertThat(settings.readThreads()).isEqualTo(8);
        assertThat(settings.ownerTagKey()).isEqualTo("owner");
    }

    @Test
    void the_documented_sync_interval_variable_sets_the_time_between_syncs() {
        DirectoryProperties settings = TestSettings.bindEnvironment(DirectoryProperties.class,
                Map.of("GATEHOUSE_DIRECTORY_SYNC_INTERVAL", "15m"));

        assertThat(settings.syncInterval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void the_start_up_sync_and_the_read_threads_are_read_from_their_settings() {
        DirectoryProperties settings = TestSettings.bind(DirectoryProperties.class, Map.of(
                "gatehouse.directory.sync-on-startup", "false", "gatehouse.directory.read-threads", "4"));

        assertThat(settings.syncOnStartup()).isFalse();
        assertThat(settings.readThreads()).isEqualTo(4);
    }

    @Test
    void the_owner_tag_key_is_read_from_its_variable_and_matched_on_tags_ignoring_case() {
        DirectoryProperties settings = TestSettings.bindEnvironment(DirectoryProperties.class,
                Map.of("GATEHOUSE_DIRECTORY_OWNER_TAG_KEY", " team-owner "));
        OwnerTagKey key = new OwnerTagKey(settings);

        assertThat(key.key()).isEqualTo("team-owner");
        assertThat(key.valueIn(Map.of("Team-Owner", " avery.patel ", "owner", "someone.else"))).isEqualTo("avery.patel");
        assertThat(key.valueIn(Map.of("owner", "someone.else"))).isEmpty();
    }

    @Test
    void a_blank_owner_tag_key_is_refused_at_start_up() {
        assertThatThrownBy(() -> TestSettings.bind(DirectoryProperties.class,
                Map.of("gatehouse.directory.owner-tag-key", " ")))
                .hasRootCauseMessage("gatehouse.directory.owner-tag-key must name a tag key");
    }
}
