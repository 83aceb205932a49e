package dev.gatehouse.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refusals per source address in fixed windows, counted in the database so every node sees the same
 * count: an address past the limit is turned away, before any parsing, until its window ends.
 */
@Component
public class AttemptLimiter {

    private final RefusedAttemptRepository repository;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    AttemptLimiter(RefusedAttemptRepository repository, Clock clock, SecurityProperties properties) {
        this.repository = repository;
        this.clock = clock;
        this.maxFailures = properties.attempts().maxFailures();
        this.window = properties.attempts().window();
        if (maxFailures < 1 || window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("gatehouse.security.attempts needs max-failures of at least 1 and a "
                    + "window of at least a second.");
        }
    }

    @Transactional(readOnly = true)
    public boolean blocked(AttemptKind kind, String address) {
        return repository.count(kind, address, windowStart()) >= maxFailures;
    }

    /** Counts a refusal; true when this one reached the limit, so the block is told once, not per attempt. */
    @Transactional
    public boolean refused(AttemptKind kind, String address) {
        return repository.add(kind, address, windowStart()) == maxFailures;
    }

    /** When an address blocked now may try again. */
    public Instant blockedUntil() {
        return windowStart().plus(window);
    }

    Instant windowStart() {
        long millis = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(clock.millis(), millis) * millis);
    }
}
