package dev.gatehouse.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How screens and messages write a moment: in UTC, "2026-11-23 14:05 UTC", or with seconds for logs of events. */
public final class TimeText {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimeText() {
    }

    public static String of(Instant instant) {
        return MINUTES.format(instant);
    }

    public static String withSeconds(Instant instant) {
        return SECONDS.format(instant);
    }
}
