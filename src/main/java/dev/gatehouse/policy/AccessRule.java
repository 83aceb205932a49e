package dev.gatehouse.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may request a permission set on which accounts, with which limits, and who approves.
 *
 * @param id                 empty for a rule not yet saved
 * @param requesterId        the Identity Store user or group; empty for everyone
 * @param scopeId            the OU or account; empty for the whole organization
 * @param ticketPattern      a regular expression every request's ticket must match; empty when no ticket is asked
 * @param ticketExample      a ticket that matches the pattern, shown to requesters; empty for rules saved without one
 * @param approvalsRequired  how many different people must approve; 0 when approverType is NONE
 * @param approverId         the Identity Store user or group; empty for NONE and MANAGER
 * @param emergency          a break-glass rule: access starts at once without approval, with a justification,
 *                           its approvers (if any) and the admins are told, and it is marked for follow-up
 * @param sessionCapped      the longest access includes the AWS session: a grant ends early enough that a
 *                           session opened at its last moment ends within {@code maxDuration}
 * @param mfaToRequest       the requester must have proved a second factor recently (see StepUp)
 * @param mfaToApprove       each approver must have proved a second factor recently
 * @param pendingTimeout     how long a request may wait for approval before it expires
 * @param requesterLabel     names as shown, resolved when the rule is saved
 */
public record AccessRule(Long id, String name, RequesterType requesterType, String requesterId, String requesterLabel,
                         ScopeType scopeType, String scopeId, String scopeLabel, String permissionSetArn,
                         String permissionSetName, Duration maxDuration, Duration defaultDuration,
                         boolean justificationRequired, String ticketPattern, String ticketExample,
                         boolean futureStartAllowed, int approvalsRequired, ApproverType approverType,
                         String approverId, String approverLabel, boolean emergency, boolean sessionCapped,
                         boolean mfaToRequest, boolean mfaToApprove, Duration pendingTimeout, Instant updatedAt,
                         String updatedBy) {

    /** Granted without anyone's approval: break-glass rules, and rules that name no approver. */
    public boolean automatic() {
        return emergency || approverType == ApproverType.NONE;
    }

    /** This rule with a shorter longest access, and a default no longer than it. */
    public AccessRule withLongestAccess(Duration longest) {
        Duration usual = defaultDuration.compareTo(longest) > 0 ? longest : defaultDuration;
        return new AccessRule(id, name, requesterType, requesterId, requesterLabel, scopeType, scopeId, scopeLabel,
                permissionSetArn, permissionSetName, longest, usual, justificationRequired, ticketPattern,
                ticketExample, futureStartAllowed, approvalsRequired, approverType, approverId, approverLabel,
                emergency, sessionCapped, mfaToRequest, mfaToApprove, pendingTimeout, updatedAt, updatedBy);
    }

    public boolean ticketRequired() {
        return !ticketPattern.isEmpty();
    }

    /** What a requester is told when the ticket does not match: an example in words, never the pattern. */
    public String ticketAdvice() {
        return ticketExample.isEmpty() ? "Enter the ticket reference this access asks for; that one is not in its "
                + "form. An admin can add an example to the access rule."
                : "Enter a ticket like " + ticketExample + ".";
    }

    /** "1 approval from Avery Patel", "2 approvals from members of payments-team", "no approval". */
    public String approvalSummary() {
        if (emergency) {
            return "Break-glass: active at once, " + (approverType == ApproverType.NONE ? "admins" : notified())
                    + " told, followed up afterwards";
        }
        if (automatic()) {
            return "No approval: granted at once";
        }
        return approvalsRequired + (approvalsRequired == 1 ? " approval" : " approvals") + " from " + notified()
                + (mfaToApprove ? ", after MFA" : "");
    }

    /** "to request and approve", "to request", "to approve", or "" when the rule asks for no MFA. */
    public String mfaSummary() {
        if (mfaToRequest && mfaToApprove) {
            return "to request and approve";
        }
        return mfaToRequest ? "to request" : mfaToApprove ? "to approve" : "";
    }

    private String notified() {
        return switch (approverType) {
            case USER -> approverLabel;
            case GROUP -> "members of " + approverLabel;
            case MANAGER -> "the requester's manager";
            case NONE -> "";
        };
    }
}
