package dev.gatehouse.review;

/** Whether a file is the evidence signed off for a campaign, in a sentence an auditor can quote. */
public record EvidenceVerdict(boolean matches, String message) {
}
