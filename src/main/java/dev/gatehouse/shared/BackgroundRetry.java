package dev.gatehouse.shared;

import java.time.Duration;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;

/**
 * The one retry policy of Gatehouse's db-scheduler tasks: a task that throws runs again after a wait
 * that doubles with each consecutive failure, optionally up to a longest wait, and never gives up on
 * its own. A task that must stop trying (a notification out of attempts) records that and returns
 * instead of throwing. {@code Tasks.oneTime(NAME).onFailure(BackgroundRetry.soon())}.
 */
public final class BackgroundRetry<T> implements FailureHandler<T> {

    /** Beyond this many doublings the wait stops growing, so it never overflows. */
    private static final int MOST_DOUBLINGS = 30;

    private final Duration first;
    private final Optional<Duration> longest;

    private BackgroundRetry(Duration first, Optional<Duration> longest) {
        this.first = first;
        this.longest = longest;
    }

    /** For steps that wait on AWS or on each other: after 2 s, doubling, at most every 5 minutes. */
    public static <T> BackgroundRetry<T> soon() {
        return new BackgroundRetry<>(Duration.ofSeconds(2), Optional.of(Duration.ofMinutes(5)));
    }

    /** After the given wait, doubling with each further failure, without a longest wait. */
    public static <T> BackgroundRetry<T> startingAt(Duration first) {
        return new BackgroundRetry<>(first, Optional.empty());
    }

    /** The same policy, its wait never longer than the given one. */
    public BackgroundRetry<T> atMostEvery(Duration longest) {
        return new BackgroundRetry<>(first, Optional.of(longest));
    }

    /** @param failuresBefore the failures in a row before this one (db-scheduler's consecutiveFailures) */
    Duration waitAfter(int failuresBefore) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(failuresBefore, 0), MOST_DOUBLINGS));
        return longest.filter(most -> wait.compareTo(most) > 0).orElse(wait);
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        operations.reschedule(complete,
                complete.getTimeDone().plus(waitAfter(complete.getExecution().consecutiveFailures)));
    }
}
