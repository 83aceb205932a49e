package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IsoDurationTest {

    @Test
    void iso_text_reads_as_a_duration() {
        assertThat(IsoDuration.parse("PT1H30M")).contains(Duration.ofMinutes(90));
        assertThat(IsoDuration.parse(" PT8H ")).contains(Duration.ofHours(8));
    }

    @Test
    void text_that_is_no_duration_reads_as_empty_never_as_zero() {
        assertThat(IsoDuration.parse("eight hours")).isEmpty();
        assertThat(IsoDuration.parse("")).isEmpty();
        assertThat(IsoDuration.parse(null)).isEmpty();
    }
}
