package dev.gatehouse.audit.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.security.SessionEnded;
import dev.gatehouse.security.SignInRejected;
import dev.gatehouse.security.SignedOutEverywhere;
import dev.gatehouse.security.SignedIn;
import dev.gatehouse.security.SignedOut;
import dev.gatehouse.shared.SystemActor;

/**
 * Writes sign-ins, sign-outs, ended sessions and refused sign-ins to the audit trail. The actor is the
 * person's display name, as everywhere in the trail; the sign-in name is the subject and the person
 * concerned, as in the other security entries, so either name finds the entry.
 */
@Component
class SignInAuditor {

    static final String UNKNOWN_ACTOR = "(unknown)";

    private final AuditRepository repository;

    SignInAuditor(AuditRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(SignedIn event) {
        repository.append(NewEntry.of(event.at(), event.displayName(), AuditAction.SIGNED_IN, event.subject(),
                        event.displayName() + " via " + event.method() + " as " + event.roles())
                .from(event.sourceAddress()).about(AuditSubjects.NONE.concerning(event.subject())));
    }

    @ApplicationModuleListener
    void on(SignedOut event) {
        repository.append(NewEntry.of(event.at(), event.displayName(), AuditAction.SIGNED_OUT, event.subject(),
                event.displayName()).from(event.sourceAddress())
                .about(AuditSubjects.NONE.concerning(event.subject())));
    }

    @ApplicationModuleListener
    void on(SessionEnded event) {
        repository.append(NewEntry.of(event.at(), SystemActor.NAME, AuditAction.SESSION_ENDED,
                event.subject(), event.reason()).from(event.sourceAddress())
                .about(AuditSubjects.NONE.concerning(event.subject())));
    }

    @ApplicationModuleListener
    void on(SignedOutEverywhere event) {
        repository.append(NewEntry.of(event.at(), event.actor(), AuditAction.SIGNED_OUT_EVERYWHERE, event.subject(),
                "Every session begun until now ends at its next request")
                .about(AuditSubjects.NONE.concerning(event.subject())));
    }

    @ApplicationModuleListener
    void on(SignInRejected event) {
        repository.append(NewEntry.of(event.at(), UNKNOWN_ACTOR, AuditAction.SIGN_IN_REFUSED, event.reason().name(),
                event.detail() == null ? "" : event.detail()).from(event.sourceAddress()));
    }
}
