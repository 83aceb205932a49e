package dev.gatehouse.shared;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads ISO-8601 durations where they arrive as text (AWS's answers, a form): empty when the text is no
 * such duration, so every caller says what that means instead of guessing it.
 */
public final class IsoDuration {

    private IsoDuration() {
    }

    public static Optional<Duration> parse(String iso) {
        if (iso == null || iso.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(iso.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
