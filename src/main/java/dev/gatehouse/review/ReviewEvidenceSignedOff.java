package dev.gatehouse.review;

import java.time.Instant;
import java.util.List;

/** An admin signed off a campaign's evidence; the audit chain records each file's name and SHA-256. */
public record ReviewEvidenceSignedOff(long campaignId, String campaignName, String signedOffBy,
                                      List<EvidenceFile> files, Instant at) {

    public ReviewEvidenceSignedOff {
        files = List.copyOf(files);
    }
}
