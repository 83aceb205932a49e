package dev.gatehouse.directory.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ACCOUNT;
import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP_MEMBER;
import static dev.gatehouse.db.Tables.DIRECTORY_PERMISSION_SET;
import static dev.gatehouse.db.Tables.DIRECTORY_PROVISIONED;
import static dev.gatehouse.db.Tables.DIRECTORY_USER;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.aws.AccountAssignment;
import dev.gatehouse.aws.DirectoryUser;

/** Replaces the mirror's rows for one account, one person or one permission-set setting, between full syncs. */
@Repository
public class RefreshRepository {

    private final DSLContext db;
    private final AssignmentWriteRepository writes;

    RefreshRepository(DSLContext db, AssignmentWriteRepository writes) {
        this.db = db;
        this.writes = writes;
    }

    public void removeMembership(String groupId, String userId) {
        db.deleteFrom(DIRECTORY_GROUP_MEMBER).where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(groupId),
                DIRECTORY_GROUP_MEMBER.USER_ID.eq(userId)).execute();
    }

    /** @return false when the mirror does not know the permission set */
    public boolean sessionDuration(String permissionSetArn, Duration sessionDuration) {
        return db.update(DIRECTORY_PERMISSION_SET).set(DIRECTORY_PERMISSION_SET.SESSION_DURATION, sessionDuration)
                .where(DIRECTORY_PERMISSION_SET.ARN.eq(permissionSetArn)).execute() == 1;
    }

    /** The database's time, taken before reading Identity Center. */
    OffsetDateTime now() {
        return writes.now();
    }

    /**
     * What was read from Identity Center from {@code readFrom} on, except where Gatehouse wrote an
     * assignment since then: the read may be older than that write, so the write stands.
     */
    void replaceAccountAccess(String accountId, List<String> provisioned, List<AccountAssignment> read,
                              OffsetDateTime readFrom) {
        writes.holdBack();
        Map<AccountAssignment, Boolean> written = writes.writtenSince(accountId, readFrom);
        List<AccountAssignment> createdSince = written.keySet().stream().filter(written::get).toList();
        db.deleteFrom(DIRECTORY_PROVISIONED).where(DIRECTORY_PROVISIONED.ACCOUNT_ID.eq(accountId)).execute();
        // Only the assignments that are gone: the others keep the time the sync first saw them.
        db.deleteFrom(DIRECTORY_ASSIGNMENT).where(DIRECTORY_ASSIGNMENT.ACCOUNT_ID.eq(accountId))
                .andNot(among(read)).andNot(among(createdSince))
                .execute();
        for (String set : provisioned) {
            db.insertInto(DIRECTORY_PROVISIONED).set(DIRECTORY_PROVISIONED.ACCOUNT_ID, accountId)
                    .set(DIRECTORY_PROVISIONED.PERMISSION_SET_ARN, set).onConflictDoNothing().execute();
        }
        for (AccountAssignment a : read) {
            if (!written.getOrDefault(a, true)) {
                continue; // removed by Gatehouse since the read began
            }
            // One Gatehouse created is seen for the first time now.
            db.insertInto(DIRECTORY_ASSIGNMENT).set(DIRECTORY_ASSIGNMENT.ACCOUNT_ID, a.accountId())
                    .set(DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN, a.permissionSetArn())
                    .set(DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE, a.principalType())
                    .set(DIRECTORY_ASSIGNMENT.PRINCIPAL_ID, a.principalId())
                    .onConflict(DIRECTORY_ASSIGNMENT.ACCOUNT_ID, DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN,
                            DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE, DIRECTORY_ASSIGNMENT.PRINCIPAL_ID)
                    .doUpdate().set(DIRECTORY_ASSIGNMENT.FIRST_SEEN, DSL.currentOffsetDateTime())
                    .where(DIRECTORY_ASSIGNMENT.FIRST_SEEN.isNull())
                    .execute();
        }
    }

    /** The mirror's assignment is one of these (of one account). */
    private static Condition among(List<AccountAssignment> assignments) {
        return assignments.isEmpty() ? DSL.falseCondition() : DSL.row(DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN,
                DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE, DIRECTORY_ASSIGNMENT.PRINCIPAL_ID).in(assignments.stream()
                .map(a -> DSL.row(a.permissionSetArn(), a.principalType(), a.principalId())).toList());
    }

    void accountOwnerTag(String accountId, String ownerTag) {
        db.update(DIRECTORY_ACCOUNT).set(DIRECTORY_ACCOUNT.OWNER_TAG, ownerTag)
                .where(DIRECTORY_ACCOUNT.ID.eq(accountId)).execute();
    }

    void replaceUser(DirectoryUser user, List<String> groupIds) {
        db.insertInto(DIRECTORY_USER)
                .set(DIRECTORY_USER.ID, user.id()).set(DIRECTORY_USER.USER_NAME, user.userName())
                .set(DIRECTORY_USER.DISPLAY_NAME, user.displayName()).set(DIRECTORY_USER.EMAIL, user.email())
                .set(DIRECTORY_USER.ENABLED, user.enabled()).set(DIRECTORY_USER.MANAGER_ID, user.managerId())
                .onConflict(DIRECTORY_USER.ID).doUpdate()
                .set(DIRECTORY_USER.USER_NAME, user.userName()).set(DIRECTORY_USER.DISPLAY_NAME, user.displayName())
                .set(DIRECTORY_USER.EMAIL, user.email()).set(DIRECTORY_USER.ENABLED, user.enabled())
                .set(DIRECTORY_USER.MANAGER_ID, user.managerId())
                .execute();
        db.deleteFrom(DIRECTORY_GROUP_MEMBER).where(DIRECTORY_GROUP_MEMBER.USER_ID.eq(user.id())).execute();
        for (String group : groupIds) {
            db.insertInto(DIRECTORY_GROUP_MEMBER).set(DIRECTORY_GROUP_MEMBER.GROUP_ID, group)
                    .set(DIRECTORY_GROUP_MEMBER.USER_ID, user.id()).onConflictDoNothing().execute();
        }
    }

    /** The person is gone from Identity Center, and with them their memberships and direct assignments. */
    void removeUser(String userId) {
        db.deleteFrom(DIRECTORY_GROUP_MEMBER).where(DIRECTORY_GROUP_MEMBER.USER_ID.eq(userId)).execute();
        db.deleteFrom(DIRECTORY_ASSIGNMENT).where(DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE.eq("USER"),
                DIRECTORY_ASSIGNMENT.PRINCIPAL_ID.eq(userId)).execute();
        db.deleteFrom(DIRECTORY_USER).where(DIRECTORY_USER.ID.eq(userId)).execute();
    }
}
