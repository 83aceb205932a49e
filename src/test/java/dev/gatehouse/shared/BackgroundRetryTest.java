package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

class BackgroundRetryTest {

    @Test
    void a_step_retried_soon_waits_2_seconds_doubling_up_to_5_minutes() {
        assertThat(waits(BackgroundRetry.soon(), 10)).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(64),
                Duration.ofSeconds(128), Duration.ofSeconds(256), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    @Test
    void a_step_retried_soon_never_gives_up_and_waits_at_most_5_minutes_however_often_it_failed() {
        assertThat(BackgroundRetry.soon().waitAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_retry_starting_at_a_wait_doubles_it_with_each_failure_without_a_longest_wait() {
        assertThat(waits(BackgroundRetry.startingAt(Duration.ofSeconds(30)), 8)).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofMinutes(64));
    }

    @Test
    void a_retry_with_a_longest_wait_stops_doubling_there() {
        BackgroundRetry<Void> retry = BackgroundRetry.<Void>startingAt(Duration.ofMillis(300))
                .atMostEvery(Duration.ofSeconds(1));

        assertThat(waits(retry, 4)).containsExactly(Duration.ofMillis(300), Duration.ofMillis(600),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void a_wait_that_has_doubled_very_often_stays_a_valid_time() {
        assertThat(BackgroundRetry.startingAt(Duration.ofSeconds(5)).waitAfter(Integer.MAX_VALUE))
                .isEqualTo(Duration.ofSeconds(5).multipliedBy(1L << 30));
    }

    @Test
    void a_failed_execution_is_rescheduled_the_wait_after_it_finished() {
        Instant done = Instant.parse("2026-03-01T10:00:00Z");
        Execution execution = new Execution(done.minusSeconds(10), new TaskInstance<Void>("grant-start", "42"), true,
                "node-1", null, done.minusSeconds(20), 3, null, 1);
        ExecutionComplete failure = ExecutionComplete.failure(execution, done.minusSeconds(1), done,
                new IllegalStateException("not yet"));
        @SuppressWarnings("unchecked")
        ExecutionOperations<Void> operations = mock(ExecutionOperations.class);

        BackgroundRetry.<Void>soon().onFailure(failure, operations);

        verify(operations).reschedule(failure, done.plusSeconds(16));
    }

    /** The waits after the first, second, ... failure in a row. */
    private static List<Duration> waits(BackgroundRetry<?> retry, int failures) {
        return IntStream.range(0, failures).mapToObj(retry::waitAfter).toList();
    }
}
