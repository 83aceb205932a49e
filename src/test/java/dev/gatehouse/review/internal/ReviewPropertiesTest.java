package dev.gatehouse.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gatehouse.TestSettings;

class ReviewPropertiesTest {

    @Test
    void without_settings_a_launch_needs_a_sync_from_the_last_24_hours_and_due_dates_are_checked_every_minute() {
        ReviewProperties settings = TestSettings.defaults(ReviewProperties.class);

        assertThat(settings.maxSyncAge()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.dueDateCheckInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.reminderCheckInterval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void the_documented_variable_sets_how_often_reminders_are_looked_for_and_zero_is_refused() {
        ReviewProperties settings = TestSettings.bindEnvironment(ReviewProperties.class,
                Map.of("GATEHOUSE_REVIEWS_REMINDER_CHECK_INTERVAL", "5m"));

        assertThat(settings.reminderCheckInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> TestSettings.bind(ReviewProperties.class,
                Map.of("gatehouse.reviews.reminder-check-interval", "0s")))
                .hasRootCauseMessage("gatehouse.reviews.reminder-check-interval must be a positive duration");
    }

    @Test
    void the_documented_variable_sets_the_oldest_sync_a_launch_accepts() {
        ReviewProperties settings = TestSettings.bindEnvironment(ReviewProperties.class,
                Map.of("GATEHOUSE_REVIEWS_MAX_SYNC_AGE", "6h"));

        assertThat(settings.maxSyncAge()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void a_sync_age_of_zero_is_refused_at_start_up() {
        assertThatThrownBy(() -> TestSettings.bind(ReviewProperties.class, Map.of("gatehouse.reviews.max-sync-age", "0s")))
                .hasRootCauseMessage("gatehouse.reviews.max-sync-age must be a positive duration");
    }

    @Test
    void the_recommendation_looks_back_90_days_unless_told_otherwise_and_never_over_no_time_at_all() {
        assertThat(TestSettings.defaults(ReviewProperties.class).recommendationWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(TestSettings.bindEnvironment(ReviewProperties.class,
                Map.of("GATEHOUSE_REVIEWS_RECOMMENDATION_WINDOW", "30d")).recommendationWindow())
                .isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> TestSettings.bind(ReviewProperties.class,
                Map.of("gatehouse.reviews.recommendation-window", "0d")))
                .hasRootCauseMessage("gatehouse.reviews.recommendation-window must be a positive duration, such as 90d");
    }
}
