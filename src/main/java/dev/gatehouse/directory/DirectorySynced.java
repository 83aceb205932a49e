package dev.gatehouse.directory;

/** A sync finished, successfully or not; the audit trail records it. */
public record DirectorySynced(SyncRun run) {
}
