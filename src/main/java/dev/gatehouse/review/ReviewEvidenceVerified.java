package dev.gatehouse.review;

import java.time.Instant;

/** Someone checked a file against a campaign's signed-off evidence. @param verdict what they were told */
public record ReviewEvidenceVerified(long campaignId, String campaignName, String verifiedBy, String fileName,
                                     boolean matches, String verdict, Instant at) {
}
