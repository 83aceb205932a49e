package dev.gatehouse.review;

/** Where a review campaign is in its life. */
public enum CampaignStatus {
    /** Being defined; nothing snapshot yet. */
    DRAFT,
    /** The launch task is snapshotting the items. */
    LAUNCHING,
    /** Items are out with their reviewers. */
    ACTIVE,
    CLOSED,
    CANCELLED
}
