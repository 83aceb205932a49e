package dev.gatehouse.directory;

/**
 * Gatehouse created or deleted an account assignment in Identity Center and AWS reported it done.
 * Published by the module that made the write (access, through its ledger) in the transaction that
 * records the outcome; the directory applies it to its mirror in that same transaction, so screens and
 * reports show it at once rather than at the next sync. The type lives here, not in access, because
 * access already depends on directory: a listener on an access type would make the modules a cycle.
 *
 * @param created       CreateAccountAssignment; otherwise DeleteAccountAssignment
 */
public record AssignmentWrittenByGatehouse(String accountId, String permissionSetArn, PrincipalType principalType,
                                           String principalId, boolean created) {
}
