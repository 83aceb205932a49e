package dev.gatehouse.audit.internal;

import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.directory.PrincipalType;
import dev.gatehouse.directory.UserRow;

/**
 * An account assignment as an auditor reads it: names from the directory's last sync next to the ids,
 * which stay, so the entry is exact even for a person, group or account that is gone since.
 */
record AssignmentNames(AssignmentKey key, String principal, String permissionSet, String account) {

    static AssignmentNames of(AssignmentKey key, DirectoryLookup directory) {
        String principal = key.principalType() == PrincipalType.USER
                ? directory.user(key.principalId()).map(UserRow::displayName).orElse("")
                : directory.group(key.principalId()).map(GroupRow::displayName).orElse("");
        return new AssignmentNames(key, principal,
                directory.permissionSet(key.permissionSetArn().value()).map(PermissionSetRow::name).orElse(""),
                directory.account(key.accountId().value()).map(AccountRow::name).orElse(""));
    }

    /** "user Riley Chen (id …): NetworkAdmin on payments-prod (111122223333)". */
    @Override
    public String toString() {
        String who = (key.principalType() == PrincipalType.USER ? "user " : "group ")
                + (principal.isEmpty() ? key.principalId() : principal + " (id " + key.principalId() + ")");
        String set = permissionSet.isEmpty() ? key.permissionSetArn().value() : permissionSet;
        String on = account.isEmpty() ? key.accountId().value() : account + " (" + key.accountId().value() + ")";
        return who + ": " + set + " on " + on;
    }

    /** The person is named only for a user principal: a group's members are not what the entry is about. */
    AuditSubjects subjects() {
        AuditSubjects subjects = AuditSubjects.NONE.account(key.accountId().value())
                .permissionSetNamed(permissionSet.isEmpty() ? key.permissionSetArn().value() : permissionSet);
        return key.principalType() == PrincipalType.USER && !principal.isEmpty() ? subjects.concerning(principal) : subjects;
    }
}
