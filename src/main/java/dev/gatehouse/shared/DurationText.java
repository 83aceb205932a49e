package dev.gatehouse.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * The one way screens, messages, audit details and reports write a duration: "45 min", "4 h", "1 h 30 min",
 * "2 d"; AWS's ISO-8601 text (PT4H) never reaches a person.
 */
public final class DurationText {

    private static final long MINUTES_A_DAY = 24 * 60;
    private static final String NOT_KNOWN = "not known";

    private DurationText() {
    }

    /** To the minute: "45 min", "4 h", "1 h 30 min", "36 h", "2 d". */
    public static String of(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= MINUTES_A_DAY && minutes % MINUTES_A_DAY == 0) {
            return minutes / MINUTES_A_DAY + " d";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    /** A duration that may not be known: "not known" then, never "". */
    public static String of(Optional<Duration> duration) {
        return duration.map(DurationText::of).orElse(NOT_KNOWN);
    }

    /**
     * An ISO-8601 duration as AWS and the configuration write it ("PT4H" becomes "4 h"); text that is no
     * such duration is returned as it is, so nothing is hidden, and nothing becomes "".
     */
    public static String ofIso(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        return IsoDuration.parse(iso).map(DurationText::of).orElse(iso);
    }

    /** How long something took, with seconds while they matter: "2.3 s", "2 min 5 s", "1 h 12 min". */
    public static String elapsed(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return Math.max(seconds, 0) + "." + Math.max(duration.toMillisPart(), 0) / 100 + " s";
        }
        long secondsPart = seconds % 60;
        String minutes = of(Duration.ofMinutes(seconds / 60));
        return seconds < 3600 ? minutes + " " + secondsPart + " s" : minutes;
    }
}
