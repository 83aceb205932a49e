package dev.gatehouse.directory;

/** What started a sync. */
public enum SyncTrigger {
    STARTUP,
    SCHEDULE,
    MANUAL
}
