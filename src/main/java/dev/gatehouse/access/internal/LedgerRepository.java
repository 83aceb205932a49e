package dev.gatehouse.access.internal;

import static dev.gatehouse.access.internal.RequestRepository.utc;
import static dev.gatehouse.db.Tables.ACCESS_LEDGER;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.access.internal.GrantRepository.Operation;
import dev.gatehouse.access.internal.GrantRepository.WriteState;
import dev.gatehouse.db.tables.records.AccessLedgerRecord;

/** The ledger rows of writes a named decision asked for (grant_id null, decision_id set). */
@Repository
class LedgerRepository {

    /** One decided write and where it stands. */
    record DecidedWrite(long id, AssignmentKey key, Operation operation, String decisionId, String decidedBy,
                        WriteState state, String awsRequestId, String detail, Instant updatedAt) {
    }

    private final DSLContext db;

    LedgerRepository(DSLContext db) {
        this.db = db;
    }

    /** Records the decided write before it is made; a decision already recorded is left as it is. */
    void insert(AssignmentKey key, Operation operation, String decisionId, String decidedBy, WriteState state,
                String detail, Instant at) {
        db.insertInto(ACCESS_LEDGER)
                .set(ACCESS_LEDGER.DECISION_ID, decisionId)
                .set(ACCESS_LEDGER.DECIDED_BY, decidedBy)
                .set(ACCESS_LEDGER.OPERATION, operation.name())
                .set(ACCESS_LEDGER.ACCOUNT_ID, key.accountId().value())
                .set(ACCESS_LEDGER.PERMISSION_SET_ARN, key.permissionSetArn().value())
                .set(ACCESS_LEDGER.PRINCIPAL_TYPE, key.principalType())
                .set(ACCESS_LEDGER.PRINCIPAL_ID, key.principalId())
                .set(ACCESS_LEDGER.STATUS, state.name())
                .set(ACCESS_LEDGER.DETAIL, detail)
                .set(ACCESS_LEDGER.CREATED_AT, utc(at))
                .set(ACCESS_LEDGER.UPDATED_AT, utc(at))
                .onConflict(ACCESS_LEDGER.DECISION_ID).doNothing()
                .execute();
    }

    Optional<DecidedWrite> find(String decisionId) {
        return db.selectFrom(ACCESS_LEDGER).where(ACCESS_LEDGER.DECISION_ID.eq(decisionId))
                .fetchOptional(LedgerRepository::write);
    }

    /** Decisions whose removal of this assignment waits for its live grants to end. */
    List<String> waiting(AssignmentKey key) {
        return db.select(ACCESS_LEDGER.DECISION_ID).from(ACCESS_LEDGER)
                .where(ACCESS_LEDGER.ACCOUNT_ID.eq(key.accountId().value()),
                        ACCESS_LEDGER.PERMISSION_SET_ARN.eq(key.permissionSetArn().value()),
                        ACCESS_LEDGER.PRINCIPAL_TYPE.eq(key.principalType()),
                        ACCESS_LEDGER.PRINCIPAL_ID.eq(key.principalId()),
                        ACCESS_LEDGER.STATUS.eq(WriteState.WAITING.name()))
                .orderBy(ACCESS_LEDGER.ID)
                .fetch(ACCESS_LEDGER.DECISION_ID);
    }

    /** Moves the write on; an attempt (a call about to be made) is counted. */
    void state(long id, WriteState state, String awsRequestId, String detail, boolean attempt, Instant at) {
        db.update(ACCESS_LEDGER).set(ACCESS_LEDGER.STATUS, state.name())
                .set(ACCESS_LEDGER.AWS_REQUEST_ID, awsRequestId).set(ACCESS_LEDGER.DETAIL, detail)
                .set(ACCESS_LEDGER.ATTEMPTS, attempt ? ACCESS_LEDGER.ATTEMPTS.plus(1) : ACCESS_LEDGER.ATTEMPTS)
                .set(ACCESS_LEDGER.UPDATED_AT, utc(at))
                .where(ACCESS_LEDGER.ID.eq(id)).execute();
    }

    private static DecidedWrite write(AccessLedgerRecord r) {
        return new DecidedWrite(r.getId(), AssignmentKey.of(r.getAccountId(), r.getPermissionSetArn(),
                r.getPrincipalType(), r.getPrincipalId()), Operation.valueOf(r.getOperation()),
                r.getDecisionId(), r.getDecidedBy(), WriteState.valueOf(r.getStatus()), r.getAwsRequestId(),
                r.getDetail(), r.getUpdatedAt().toInstant());
    }
}
