package dev.gatehouse.directory.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT_WRITE;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.aws.AccountAssignment;
import dev.gatehouse.directory.AssignmentWrittenByGatehouse;

/**
 * Gatehouse's own assignment writes in the mirror, and what a sync or a refresh must not undo: the
 * writes made since it began reading Identity Center, by the database's clock (one for every node).
 * The write's row is taken first, so a write waits while a sync or a refresh holds the writes back.
 */
@Repository
class AssignmentWriteRepository {

    private final DSLContext db;

    AssignmentWriteRepository(DSLContext db) {
        this.db = db;
    }

    /** A created assignment joins the mirror without a first sighting: no sync has seen it yet. */
    void record(AssignmentWrittenByGatehouse write) {
        db.insertInto(DIRECTORY_ASSIGNMENT_WRITE)
                .set(DIRECTORY_ASSIGNMENT_WRITE.ACCOUNT_ID, write.accountId())
                .set(DIRECTORY_ASSIGNMENT_WRITE.PERMISSION_SET_ARN, write.permissionSetArn())
                .set(DIRECTORY_ASSIGNMENT_WRITE.PRINCIPAL_TYPE, write.principalType())
                .set(DIRECTORY_ASSIGNMENT_WRITE.PRINCIPAL_ID, write.principalId())
                .set(DIRECTORY_ASSIGNMENT_WRITE.PRESENT, write.created())
                .set(DIRECTORY_ASSIGNMENT_WRITE.WRITTEN_AT, DSL.currentOffsetDateTime())
                .onConflict(DIRECTORY_ASSIGNMENT_WRITE.ACCOUNT_ID, DIRECTORY_ASSIGNMENT_WRITE.PERMISSION_SET_ARN,
                        DIRECTORY_ASSIGNMENT_WRITE.PRINCIPAL_TYPE, DIRECTORY_ASSIGNMENT_WRITE.PRINCIPAL_ID)
                .doUpdate()
                .set(DIRECTORY_ASSIGNMENT_WRITE.PRESENT, write.created())
                .set(DIRECTORY_ASSIGNMENT_WRITE.WRITTEN_AT, DSL.currentOffsetDateTime())
                .execute();
        if (write.created()) {
            db.insertInto(DIRECTORY_ASSIGNMENT)
                    .set(DIRECTORY_ASSIGNMENT.ACCOUNT_ID, write.accountId())
                    .set(DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN, write.permissionSetArn())
                    .set(DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE, write.principalType().name())
                    .set(DIRECTORY_ASSIGNMENT.PRINCIPAL_ID, write.principalId())
                    .set(DIRECTORY_ASSIGNMENT.FIRST_SEEN, (OffsetDateTime) null)
                    .onConflictDoNothing()
                    .execute();
        } else {
            db.deleteFrom(DIRECTORY_ASSIGNMENT)
                    .where(DIRECTORY_ASSIGNMENT.ACCOUNT_ID.eq(write.accountId()),
                            DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN.eq(write.permissionSetArn()),
                            DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE.eq(write.principalType().name()),
                            DIRECTORY_ASSIGNMENT.PRINCIPAL_ID.eq(write.principalId()))
                    .execute();
        }
    }

    /**
     * Until the caller's transaction ends, Gatehouse's writes wait, and every write made before is
     * visible to it: one that committed is read, one under way finishes first.
     */
    void holdBack() {
        db.execute("lock table " + DIRECTORY_ASSIGNMENT_WRITE.getName() + " in exclusive mode");
    }

    /** The database's time, the one clock writes are stamped with on every node. */
    OffsetDateTime now() {
        return db.select(DSL.currentOffsetDateTime()).fetchSingle().value1();
    }

    /**
     * The account's assignments Gatehouse wrote since then, as Identity Center has them now (true:
     * present); what was read from AWS since then may be older than these.
     */
    Map<AccountAssignment, Boolean> writtenSince(String accountId, OffsetDateTime since) {
        return db.select(DIRECTORY_ASSIGNMENT_WRITE.PERMISSION_SET_ARN, DIRECTORY_ASSIGNMENT_WRITE.PRINCIPAL_TYPE,
                        DIRECTORY_ASSIGNMENT_WRITE.PRINCIPAL_ID, DIRECTORY_ASSIGNMENT_WRITE.PRESENT)
                .from(DIRECTORY_ASSIGNMENT_WRITE)
                .where(DIRECTORY_ASSIGNMENT_WRITE.ACCOUNT_ID.eq(accountId),
                        DIRECTORY_ASSIGNMENT_WRITE.WRITTEN_AT.ge(since))
                .fetch().stream()
                .collect(Collectors.toMap(r -> new AccountAssignment(accountId, r.value1(), r.value2().name(), r.value3()),
                        r -> r.value4()));
    }

    /** After a full sync: the writes before it began are in what it read. */
    void forgetWritesBeforeThisSync() {
        db.deleteFrom(DIRECTORY_ASSIGNMENT_WRITE)
                .where(DIRECTORY_ASSIGNMENT_WRITE.WRITTEN_AT.lt(DSL.currentOffsetDateTime()))
                .execute();
    }
}
