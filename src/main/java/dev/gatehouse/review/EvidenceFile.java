package dev.gatehouse.review;

import java.time.Instant;

/** One signed-off evidence file, as recorded on the campaign and in the audit trail. */
public record EvidenceFile(EvidenceKind kind, String fileName, String sha256, long bytes, String signedOffBy,
                           Instant signedOffAt) {
}
