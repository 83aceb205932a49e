package dev.gatehouse.review;

import java.time.Instant;
import java.time.ZoneOffset;

/** How often a campaign comes back; each occurrence is a campaign of its own. */
public enum Recurrence {
    ONCE("Once", 0),
    MONTHLY("Monthly", 1),
    QUARTERLY("Quarterly", 3),
    HALF_YEARLY("Half-yearly", 6),
    YEARLY("Yearly", 12);

    private final String label;
    private final int months;

    Recurrence(String label, int months) {
        this.label = label;
        this.months = months;
    }

    public String label() {
        return label;
    }

    /** Months between two occurrences' starts; 0 for ONCE. */
    public int months() {
        return months;
    }

    public boolean recurs() {
        return this != ONCE;
    }

    /**
     * When occurrence {@code n} (1 for the first) starts: the first's start plus n-1 periods, in UTC
     * calendar months (a start on 31 January gives 30 April, then 31 July).
     */
    public Instant startOf(Instant firstStart, int n) {
        if (!recurs()) {
            throw new IllegalStateException("A campaign that runs once has no later occurrence");
        }
        return firstStart.atZone(ZoneOffset.UTC).plusMonths((long) months * (n - 1)).toInstant();
    }
}
