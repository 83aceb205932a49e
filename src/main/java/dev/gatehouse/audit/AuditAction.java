package dev.gatehouse.audit;

/** What an audit entry records. */
public enum AuditAction {
    SIGNED_IN("Signed in"),
    SIGNED_OUT("Signed out"),
    SIGN_IN_REFUSED("Sign-in refused"),
    SESSION_ENDED("Session ended"),
    SIGNED_OUT_EVERYWHERE("Signed out everywhere"),
    MFA_ENROLLED("MFA factor enrolled"),
    MFA_REMOVED("MFA factor removed"),
    MFA_RECOVERY_CODES_RENEWED("MFA recovery codes renewed"),
    MFA_VERIFIED("MFA verified"),
    MFA_FAILED("MFA failed"),
    MFA_LOCKED_OUT("MFA locked out"),
    MFA_RESET("MFA reset"),
    DIRECTORY_SYNCED("Directory synced"),
    DIRECTORY_SYNC_FAILED("Directory sync failed"),
    DIRECTORY_REFRESHED("Directory entry refreshed"),
    OWNER_CHANGED("Owner changed"),
    NOTIFICATION_SENT_BY_HAND("Notification sent by an admin"),
    ACCESS_RULE_CHANGED("Access rule changed"),
    ACCESS_REQUESTED("Access requested"),
    BREAK_GLASS_USED("Break-glass used"),
    BREAK_GLASS_FOLLOWED_UP("Break-glass followed up"),
    APPROVAL_RECORDED("Approval recorded, more needed"),
    REQUEST_APPROVED("Request approved"),
    REQUEST_DENIED("Request denied"),
    REQUEST_CANCELLED("Request cancelled"),
    REQUEST_EXPIRED("Request expired"),
    ACCESS_GRANTED("Access granted"),
    ACCESS_EXTENDED("Access extended"),
    ACCESS_ENDED("Access ended"),
    ACCESS_REVOKED("Access revoked"),
    GRANT_FAILED("Grant failed"),
    AWS_WRITE_SUCCEEDED("AWS write succeeded"),
    AWS_WRITE_IN_PROGRESS("AWS write still in progress"),
    AWS_WRITE_FAILED("AWS write failed"),
    STANDING_REMOVAL_WAITING("Removal waits for a grant to end"),
    REVIEW_CAMPAIGN_LAUNCHED("Review campaign launched"),
    REVIEW_ITEM_DECIDED("Review item decided"),
    REVIEW_MEMBERSHIP_REMOVED("Group membership removed for a review"),
    REVIEW_CAMPAIGN_LAUNCHED_DESPITE_STALE_SYNC("Review campaign launched despite a stale sync"),
    REVIEW_DUE_DATE_EXTENDED("Review due date extended"),
    REVIEW_CAMPAIGN_CLOSED("Review campaign closed"),
    REVIEW_CAMPAIGN_CANCELLED("Review campaign cancelled"),
    REVIEW_ITEM_REASSIGNED("Review item reassigned"),
    REVIEW_REMINDERS_SENT("Review reminders sent"),
    REVIEW_ITEM_ESCALATED("Review item escalated"),
    REVIEW_EVIDENCE_SIGNED_OFF("Review evidence signed off"),
    REVIEW_EVIDENCE_VERIFIED("Review evidence verified"),
    REVIEW_OCCURRENCE_CREATED("Recurring review campaign's occurrence created"),
    REVIEW_RECURRENCE_STOPPED("Review campaign's recurrence stopped"),
    REVIEW_TEMPLATE_SAVED("Review template saved"),
    REVIEW_TEMPLATE_RENAMED("Review template renamed"),
    REVIEW_TEMPLATE_DELETED("Review template deleted"),
    SESSION_DURATION_CHANGE_REQUESTED("Session duration change requested"),
    SESSION_DURATION_CHANGED("Session duration changed"),
    SESSION_DURATION_CHANGE_FAILED("Session duration change failed"),
    AUDIT_TRAIL_VERIFIED("Audit trail verified"),
    AUDIT_TRAIL_EXPORTED("Audit trail exported"),
    AUDIT_TRAIL_PRUNED("Old audit entries removed"),
    AUDIT_REPORT_EXPORTED("Audit report exported");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
