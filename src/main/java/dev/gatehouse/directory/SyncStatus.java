package dev.gatehouse.directory;

public enum SyncStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
