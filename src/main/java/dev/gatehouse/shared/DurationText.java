package dev.gatehouse.shared;

import java.time.Duration;

/** How screens and messages write durations: "45 min", "2 h", "1 h 30 min", "3 days". */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= 24 * 60 && minutes % (24 * 60) == 0) {
            long days = minutes / (24 * 60);
            return days + (days == 1 ? " day" : " days");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
