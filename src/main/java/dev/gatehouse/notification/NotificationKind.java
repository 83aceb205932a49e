package dev.gatehouse.notification;

/** What a message is about; {@code event} names it in webhook payloads. */
public enum NotificationKind {
    REQUEST_SUBMITTED("Request submitted", "access.requested"),
    REQUEST_DECIDED("Request decided", "access.decided"),
    ACCESS_ACTIVE("Access active", "access.active"),
    ACCESS_ENDING_SOON("Access ending soon", "access.ending_soon"),
    ACCESS_ENDED("Access ended", "access.ended"),
    ACCESS_FAILED("Access failed", "access.failed"),
    BREAK_GLASS("Break-glass access", "access.break_glass"),
    MFA_RESET("Second factors reset", "security.mfa_reset"),
    REVIEW_ASSIGNED("Access review assigned", "review.assigned"),
    REVIEW_REMINDER("Access review reminder", "review.reminder"),
    REVIEW_OVERDUE("Access review overdue", "review.overdue"),
    REVIEW_ESCALATED("Access review escalated", "review.escalated"),
    REVIEW_CLOSED("Access review closed", "review.closed"),
    TEST("Test message", "gatehouse.test");

    private final String label;
    private final String event;

    NotificationKind(String label, String event) {
        this.label = label;
        this.event = event;
    }

    public String label() {
        return label;
    }

    public String event() {
        return event;
    }
}
