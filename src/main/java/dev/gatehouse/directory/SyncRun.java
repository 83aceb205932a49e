package dev.gatehouse.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One sync, as the sync history shows it.
 *
 * @param phase    what a running sync is reading now
 * @param apiCalls calls per operation, "Operation=count" separated by commas
 */
public record SyncRun(long id, Instant startedAt, Optional<Instant> finishedAt, SyncStatus status,
                      SyncTrigger trigger, String requestedBy, String phase, SyncCounts counts, int added,
                      int changed, int removed, String apiCalls, String error) {

    public Optional<Duration> duration() {
        return finishedAt.map(end -> Duration.between(startedAt, end));
    }
}
