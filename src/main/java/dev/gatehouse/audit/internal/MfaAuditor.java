package dev.gatehouse.audit.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.security.MfaActivity;

/** Writes every enrolment, step-up, failure, lockout and reset of second factors to the audit trail. */
@Component
class MfaAuditor {

    private final AuditRepository repository;

    MfaAuditor(AuditRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(MfaActivity event) {
        AuditAction action = switch (event.action()) {
            case ENROLLED -> AuditAction.MFA_ENROLLED;
            case REMOVED -> AuditAction.MFA_REMOVED;
            case RECOVERY_CODES_RENEWED -> AuditAction.MFA_RECOVERY_CODES_RENEWED;
            case VERIFIED -> AuditAction.MFA_VERIFIED;
            case FAILED -> AuditAction.MFA_FAILED;
            case LOCKED_OUT -> AuditAction.MFA_LOCKED_OUT;
            case RESET -> AuditAction.MFA_RESET;
        };
        repository.append(NewEntry.of(event.at(), event.actor(), action, event.subject(), event.detail())
                .from(event.sourceAddress()).about(AuditSubjects.NONE.concerning(event.subject())));
    }
}
