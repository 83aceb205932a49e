package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void durations_read_as_minutes_hours_and_days() {
        assertThat(DurationText.of(Duration.ofMinutes(30))).isEqualTo("30 min");
        assertThat(DurationText.of(Duration.ofHours(4))).isEqualTo("4 h");
        assertThat(DurationText.of(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(DurationText.of(Duration.ofHours(36))).isEqualTo("36 h");
        assertThat(DurationText.of(Duration.ofDays(2))).isEqualTo("2 d");
        assertThat(DurationText.of(Duration.ofDays(1))).isEqualTo("1 d");
    }

    @Test
    void aws_iso_durations_read_the_same_way() {
        assertThat(DurationText.ofIso("PT4H")).isEqualTo("4 h");
        assertThat(DurationText.ofIso("PT1H30M")).isEqualTo("1 h 30 min");
        assertThat(DurationText.ofIso(" PT12H ")).isEqualTo("12 h");
    }

    @Test
    void text_that_is_no_iso_duration_is_shown_as_it_came_and_nothing_stays_nothing() {
        assertThat(DurationText.ofIso("about an hour")).isEqualTo("about an hour");
        assertThat(DurationText.ofIso("")).isEmpty();
        assertThat(DurationText.ofIso(null)).isEmpty();
    }

    @Test
    void a_duration_that_is_not_known_says_so() {
        assertThat(DurationText.of(Optional.empty())).isEqualTo("not known");
        assertThat(DurationText.of(Optional.of(Duration.ofHours(4)))).isEqualTo("4 h");
    }

    @Test
    void an_elapsed_time_keeps_its_seconds_while_they_matter() {
        assertThat(DurationText.elapsed(Duration.ofMillis(2345))).isEqualTo("2.3 s");
        assertThat(DurationText.elapsed(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(DurationText.elapsed(Duration.ofSeconds(4325))).isEqualTo("1 h 12 min");
    }
}
