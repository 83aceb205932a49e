package dev.gatehouse.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * One person's access to a permission set on an account, and how they hold it: one row per way, so a
 * person in two groups assigned the same set appears twice. Keys are ids, never names.
 *
 * @param firstSeen       when a sync first saw the assignment; empty for one Gatehouse made since the last sync
 * @param madeByGatehouse whether Gatehouse created the assignment (the access ledger says so)
 */
public record AccessHolding(Account account, PermissionSet permissionSet, Person person, Held held,
                            Optional<Instant> firstSeen, boolean madeByGatehouse) {

    public record Account(String id, String name) {
    }

    public record PermissionSet(String arn, String name) {
    }

    /** @param userId the Identity Store user id */
    public record Person(String userId, String userName, String displayName) {
    }

    public enum How {
        /** An assignment to the person. */
        DIRECT,
        /** An assignment to a group the person is a member of. */
        GROUP,
        /**
         * An active just-in-time grant. The assignment Gatehouse made for it is not listed as DIRECT too; one
         * that was standing before the grant is, since it stays when the grant ends.
         */
        GRANT
    }

    /**
     * The Identity Center principal the assignment is made to: the person (USER) or the group (GROUP).
     *
     * @param groupName the group's name for GROUP, otherwise empty
     * @param grant     the grant for GRANT
     */
    public record Held(How how, PrincipalType principalType, String principalId, String groupName,
                       Optional<Grant> grant) {
    }

    public record Grant(long id, long requestId, Instant endsAt) {
    }

    /** The Identity Center assignment this row stands on: (account, permission set, principal type, principal id). */
    public record Key(AccountId accountId, PermissionSetArn permissionSetArn, PrincipalType principalType,
                      String principalId) {
    }

    /**
     * Where the access comes from, as screens and reports say it: "Standing: assigned directly",
     * "Standing: via group payments-team", "Just-in-time: grant #12 of request #34".
     */
    public String source() {
        return switch (held.how()) {
            case DIRECT -> "Standing: assigned directly";
            case GROUP -> "Standing: via group " + held.groupName();
            case GRANT -> held.grant().map(grant -> "Just-in-time: grant #" + grant.id() + " of request #"
                    + grant.requestId()).orElseThrow();
        };
    }

    public Key key() {
        return new Key(new AccountId(account.id()), new PermissionSetArn(permissionSet.arn()), held.principalType(),
                held.principalId());
    }
}
