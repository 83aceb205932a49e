package dev.gatehouse.audit.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.access.AccessRequestDecided;
import dev.gatehouse.access.AccessRequested;
import dev.gatehouse.access.AssignmentWritten;
import dev.gatehouse.access.AssignmentWrittenByDecision;
import dev.gatehouse.access.BreakGlassFollowedUp;
import dev.gatehouse.access.GrantExtended;
import dev.gatehouse.access.GrantStatusChanged;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.policy.AccessRuleChanged;
import dev.gatehouse.shared.SystemActor;

/**
 * Writes requests, decisions, each grant's lifecycle and its AWS writes, the AWS writes a named decision
 * asked for, and access-rule changes (before and after) to the audit trail. Every entry of one request carries its id, so the audit screen links them.
 */
@Component
class AccessAuditor {

    private final AuditRepository repository;

    AccessAuditor(AuditRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(AccessRequested event) {
        AuditAction action = event.breakGlass() ? AuditAction.BREAK_GLASS_USED : AuditAction.ACCESS_REQUESTED;
        repository.append(NewEntry.of(event.at(), event.requester(), action, request(event.requestId()),
                event.permissionSetName() + " on " + event.accountName() + " for " + event.duration()
                        + "; justification: " + event.justification()
                        + (event.ticket().isEmpty() ? "" : "; ticket " + event.ticket()))
                .about(about(event.requestId(), event.requester(), event.accountId(), event.permissionSetName())));
    }

    @ApplicationModuleListener
    void on(AccessRequestDecided event) {
        AuditAction action = switch (event.status()) {
            case PENDING -> AuditAction.APPROVAL_RECORDED;
            case APPROVED -> AuditAction.REQUEST_APPROVED;
            case DENIED -> AuditAction.REQUEST_DENIED;
            case CANCELLED -> AuditAction.REQUEST_CANCELLED;
            case EXPIRED -> AuditAction.REQUEST_EXPIRED;
        };
        repository.append(NewEntry.of(event.at(), event.actor(), action, request(event.requestId()),
                        event.requester() + ": " + event.permissionSetName() + " on " + event.accountName()
                                + (event.comment().isEmpty() ? "" : "; " + event.comment()))
                .about(about(event.requestId(), event.requester(), event.accountId(), event.permissionSetName())));
    }

    @ApplicationModuleListener
    void on(GrantStatusChanged event) {
        AuditAction action = switch (event.status()) {
            case ACTIVE -> AuditAction.ACCESS_GRANTED;
            case REVOKED -> AuditAction.ACCESS_REVOKED;
            case FAILED -> AuditAction.GRANT_FAILED;
            default -> AuditAction.ACCESS_ENDED;
        };
        repository.append(NewEntry.of(event.at(), event.actor(), action, grant(event.grantId(), event.requestId()),
                        event.userName() + ": " + event.permissionSetName() + " on " + event.accountName() + " ("
                                + event.accountId() + ")" + (event.detail().isEmpty() ? "" : "; " + event.detail()))
                .about(about(event.requestId(), event.userName(), event.accountId(), event.permissionSetName())));
    }

    @ApplicationModuleListener
    void on(GrantExtended event) {
        repository.append(NewEntry.of(event.at(), event.actor(), AuditAction.ACCESS_EXTENDED,
                        grant(event.grantId(), event.requestId()), event.permissionSetName() + " on "
                                + event.accountName() + " now ends " + event.newEnd() + "; " + event.detail())
                .about(about(event.requestId(), event.holderName(), event.accountId(), event.permissionSetName())));
    }

    @ApplicationModuleListener
    void on(AssignmentWritten event) {
        AuditAction action = switch (event.outcome().status()) {
            case SUCCEEDED -> AuditAction.AWS_WRITE_SUCCEEDED;
            case TIMED_OUT -> AuditAction.AWS_WRITE_IN_PROGRESS;
            case FAILED -> AuditAction.AWS_WRITE_FAILED;
        };
        String reason = event.outcome().failureReason();
        repository.append(NewEntry.of(event.at(), SystemActor.NAME, action,
                        grant(event.grantId(), event.requestId()), event.operation() + " for " + event.holderName()
                                + ": " + event.permissionSetName() + " on " + event.accountName() + " ("
                                + event.accountId() + ")" + (reason.isEmpty() ? "" : "; " + reason))
                .about(about(event.requestId(), event.holderName(), event.accountId(), event.permissionSetName())
                        .awsRequest(event.outcome().requestId())));
    }

    @ApplicationModuleListener
    void on(AssignmentWrittenByDecision event) {
        AuditAction action = switch (event.outcome().status()) {
            case SUCCEEDED -> AuditAction.AWS_WRITE_SUCCEEDED;
            case TIMED_OUT -> AuditAction.AWS_WRITE_IN_PROGRESS;
            case FAILED -> AuditAction.AWS_WRITE_FAILED;
        };
        String reason = event.outcome().failureReason();
        var key = event.key();
        repository.append(NewEntry.of(event.at(), event.actor(), action, "decision " + event.decisionId(),
                        event.operation() + " for " + key.principalType() + " " + key.principalId() + ": "
                                + key.permissionSetArn().value() + " on " + key.accountId().value()
                                + (reason.isEmpty() ? "" : "; " + reason))
                .about(AuditSubjects.NONE.account(key.accountId().value()).awsRequest(event.outcome().requestId())));
    }

    @ApplicationModuleListener
    void on(BreakGlassFollowedUp event) {
        repository.append(NewEntry.of(event.at(), event.actor(), AuditAction.BREAK_GLASS_FOLLOWED_UP,
                request(event.requestId()), event.note()).about(AuditSubjects.NONE.request(event.requestId())));
    }

    @ApplicationModuleListener
    void on(AccessRuleChanged event) {
        String details = event.before().isEmpty() ? "created: " + event.after()
                : event.after().isEmpty() ? "deleted: " + event.before()
                : "before: " + event.before() + " | after: " + event.after();
        repository.append(NewEntry.of(event.at(), event.actor(), AuditAction.ACCESS_RULE_CHANGED,
                "rule #" + event.ruleId(), details));
    }

    private static AuditSubjects about(long requestId, String person, String accountId, String permissionSet) {
        return AuditSubjects.NONE.request(requestId).concerning(person).account(accountId)
                .permissionSetNamed(permissionSet);
    }

    private static String request(long id) {
        return "request #" + id;
    }

    private static String grant(long grantId, long requestId) {
        return "grant #" + grantId + " of " + request(requestId);
    }
}
