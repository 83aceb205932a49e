package dev.gatehouse.audit.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.access.AccessRequestDecided;
import dev.gatehouse.access.AccessRequested;
import dev.gatehouse.access.BreakGlassFollowedUp;
import dev.gatehouse.access.GrantExtended;
import dev.gatehouse.access.GrantStatusChanged;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.policy.AccessRuleChanged;

/** Writes requests, decisions, each grant's lifecycle and access-rule changes (before and after) to the audit trail. */
@Component
class AccessAuditor {

    private final AuditRepository repository;

    AccessAuditor(AuditRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(AccessRequested event) {
        AuditAction action = event.breakGlass() ? AuditAction.BREAK_GLASS_USED : AuditAction.ACCESS_REQUESTED;
        repository.append(event.at(), event.requester(), action, request(event.requestId()),
                event.permissionSetName() + " on " + event.accountName() + " for " + event.duration()
                        + "; justification: " + event.justification()
                        + (event.ticket().isEmpty() ? "" : "; ticket " + event.ticket()), null);
    }

    @ApplicationModuleListener
    void on(AccessRequestDecided event) {
        AuditAction action = switch (event.status()) {
            case APPROVED -> AuditAction.REQUEST_APPROVED;
            case DENIED -> AuditAction.REQUEST_DENIED;
            case CANCELLED -> AuditAction.REQUEST_CANCELLED;
            case EXPIRED, PENDING -> AuditAction.REQUEST_EXPIRED;
        };
        repository.append(event.at(), event.actor(), action, request(event.requestId()),
                event.requester() + ": " + event.permissionSetName() + " on " + event.accountName()
                        + (event.comment().isEmpty() ? "" : "; " + event.comment()), null);
    }

    @ApplicationModuleListener
    void on(GrantStatusChanged event) {
        AuditAction action = switch (event.status()) {
            case ACTIVE -> AuditAction.ACCESS_GRANTED;
            case REVOKED -> AuditAction.ACCESS_REVOKED;
            case FAILED -> AuditAction.GRANT_FAILED;
            default -> AuditAction.ACCESS_ENDED;
        };
        repository.append(event.at(), event.actor(), action, "grant #" + event.grantId() + " of "
                        + request(event.requestId()),
                event.userName() + ": " + event.permissionSetName() + " on " + event.accountName() + " ("
                        + event.accountId() + ")" + (event.detail().isEmpty() ? "" : "; " + event.detail()), null);
    }

    @ApplicationModuleListener
    void on(GrantExtended event) {
        repository.append(event.at(), event.actor(), AuditAction.ACCESS_EXTENDED, "grant #" + event.grantId() + " of "
                        + request(event.requestId()), event.permissionSetName() + " on " + event.accountName()
                        + " now ends " + event.newEnd() + "; " + event.detail(), null);
    }

    @ApplicationModuleListener
    void on(BreakGlassFollowedUp event) {
        repository.append(event.at(), event.actor(), AuditAction.BREAK_GLASS_FOLLOWED_UP, request(event.requestId()),
                event.note(), null);
    }

    @ApplicationModuleListener
    void on(AccessRuleChanged event) {
        String details = event.before().isEmpty() ? "created: " + event.after()
                : event.after().isEmpty() ? "deleted: " + event.before()
                : "before: " + event.before() + " | after: " + event.after();
        repository.append(event.at(), event.actor(), AuditAction.ACCESS_RULE_CHANGED, "rule #" + event.ruleId(),
                details, null);
    }

    private static String request(long id) {
        return "request #" + id;
    }
}
