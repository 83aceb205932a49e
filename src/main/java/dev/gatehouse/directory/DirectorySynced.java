package dev.gatehouse.directory;

/**
 * A sync finished, successfully or not; the audit trail records it.
 *
 * @param changesByKind what changed of each kind ("assignment +5 -2, user ~1": added, changed, removed); empty for none
 */
public record DirectorySynced(SyncRun run, String changesByKind) {
}
