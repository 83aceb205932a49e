package dev.gatehouse.audit.internal;

import java.time.Instant;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;

/** An entry about to be appended to the trail. */
public record NewEntry(Instant at, String actor, AuditAction action, String subject, String details,
                       String sourceAddress, AuditSubjects about) {

    public static NewEntry of(Instant at, String actor, AuditAction action, String subject, String details) {
        return new NewEntry(at, actor, action, subject, details, null, AuditSubjects.NONE);
    }

    public NewEntry from(String address) {
        return new NewEntry(at, actor, action, subject, details, address, about);
    }

    public NewEntry about(AuditSubjects subjects) {
        return new NewEntry(at, actor, action, subject, details, sourceAddress, subjects);
    }
}
