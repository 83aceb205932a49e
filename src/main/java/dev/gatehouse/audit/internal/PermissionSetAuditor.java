package dev.gatehouse.audit.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.permissionset.SessionDurationChanged;
import dev.gatehouse.shared.DurationText;

/** Writes session-duration changes, from the admin's request to AWS's outcome, to the audit trail. */
@Component
class PermissionSetAuditor {

    private final AuditRepository repository;

    PermissionSetAuditor(AuditRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(SessionDurationChanged event) {
        AuditAction action = switch (event.status()) {
            case UPDATING, PROVISIONING -> AuditAction.SESSION_DURATION_CHANGE_REQUESTED;
            case SUCCEEDED -> AuditAction.SESSION_DURATION_CHANGED;
            case FAILED -> AuditAction.SESSION_DURATION_CHANGE_FAILED;
        };
        repository.append(NewEntry.of(event.at(), event.actor(), action, "permission set " + event.permissionSetName(),
                        "session duration before: " + DurationText.of(event.before()) + " | after: "
                                + DurationText.of(event.after())
                                + (event.detail().isEmpty() ? "" : "; " + event.detail()))
                .about(AuditSubjects.NONE.permissionSetNamed(event.permissionSetName())
                        .awsRequest(event.awsRequestId())));
    }
}
