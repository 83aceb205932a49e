package dev.gatehouse.access.internal;

import static dev.gatehouse.access.internal.RequestRepository.utc;
import static dev.gatehouse.db.Tables.ACCESS_APPROVAL;
import static dev.gatehouse.db.Tables.ACCESS_ASSIGNMENT;
import static dev.gatehouse.db.Tables.ACCESS_GRANT;
import static dev.gatehouse.db.Tables.ACCESS_LEDGER;
import static dev.gatehouse.db.Tables.ACCESS_REQUEST;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.access.GrantHistoryRow;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.db.tables.records.AccessRequestRecord;
import dev.gatehouse.db.tables.records.AccessGrantRecord;
import dev.gatehouse.directory.PrincipalType;
import dev.gatehouse.policy.ApproverScope;
import dev.gatehouse.shared.SearchText;

/** Grants, who owns each assignment, and the ledger of Identity Center writes. */
@Repository
public class GrantRepository {

    /** What a ledger row records about one write. */
    public enum Operation { CREATE, DELETE, SKIP }

    /**
     * Where a write stands: SENDING is written before the call, so a crash leaves a trace to reconcile.
     * WAITING is a decided removal waiting for the last live grant on the assignment to end.
     */
    public enum WriteState { WAITING, SENDING, IN_PROGRESS, SUCCEEDED, FAILED }

    private final DSLContext db;

    GrantRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(StoredRequest request, Instant startsAt, Instant endsAt) {
        return db.insertInto(ACCESS_GRANT)
                .set(ACCESS_GRANT.REQUEST_ID, request.id())
                .set(ACCESS_GRANT.USER_ID, request.requesterId())
                .set(ACCESS_GRANT.ACCOUNT_ID, request.accountId())
                .set(ACCESS_GRANT.PERMISSION_SET_ARN, request.permissionSetArn())
                .set(ACCESS_GRANT.STARTS_AT, utc(startsAt))
                .set(ACCESS_GRANT.ENDS_AT, utc(endsAt))
                .set(ACCESS_GRANT.STATUS, GrantStatus.SCHEDULED)
                .returning(ACCESS_GRANT.ID).fetchOne(ACCESS_GRANT.ID);
    }

    public Optional<StoredGrant> find(long id) {
        return withNames().where(ACCESS_GRANT.ID.eq(id)).fetchOptional(GrantRepository::grant);
    }

    /** Locks the grant row until the transaction ends. */
    public Optional<StoredGrant> lock(long id) {
        return withNames().where(ACCESS_GRANT.ID.eq(id)).forUpdate().of(ACCESS_GRANT)
                .fetchOptional(GrantRepository::grant);
    }

    private SelectOnConditionStep<Record> withNames() {
        return db.select(ACCESS_GRANT.asterisk(), ACCESS_REQUEST.REQUESTER_NAME, ACCESS_REQUEST.ACCOUNT_NAME,
                        ACCESS_REQUEST.PERMISSION_SET_NAME)
                .from(ACCESS_GRANT).join(ACCESS_REQUEST).on(ACCESS_REQUEST.ID.eq(ACCESS_GRANT.REQUEST_ID));
    }

    public void status(long id, GrantStatus status) {
        db.update(ACCESS_GRANT).set(ACCESS_GRANT.STATUS, status).where(ACCESS_GRANT.ID.eq(id)).execute();
    }

    public void activated(long id, Instant at) {
        db.update(ACCESS_GRANT).set(ACCESS_GRANT.STATUS, GrantStatus.ACTIVE)
                .set(ACCESS_GRANT.ACTIVATED_AT, utc(at)).where(ACCESS_GRANT.ID.eq(id)).execute();
    }

    /**
     * When each person's latest grant on the account and permission set began to hold access, for the
     * keys (people) that ever had one; one query, on the grants' (account, permission set, user) index.
     */
    public Map<AssignmentKey, Instant> lastActivated(Collection<AssignmentKey> keys) {
        List<AssignmentKey> people = keys.stream().filter(key -> key.principalType() == PrincipalType.USER).toList();
        if (people.isEmpty()) {
            return Map.of();
        }
        Map<AssignmentKey, Instant> last = new HashMap<>();
        db.select(ACCESS_GRANT.ACCOUNT_ID, ACCESS_GRANT.PERMISSION_SET_ARN, ACCESS_GRANT.USER_ID,
                        DSL.max(ACCESS_GRANT.ACTIVATED_AT))
                .from(ACCESS_GRANT)
                .where(DSL.row(ACCESS_GRANT.ACCOUNT_ID, ACCESS_GRANT.PERMISSION_SET_ARN, ACCESS_GRANT.USER_ID)
                        .in(people.stream().map(key -> DSL.row(key.accountId().value(), key.permissionSetArn().value(),
                                key.principalId())).toList()))
                .and(ACCESS_GRANT.ACTIVATED_AT.isNotNull())
                .groupBy(ACCESS_GRANT.ACCOUNT_ID, ACCESS_GRANT.PERMISSION_SET_ARN, ACCESS_GRANT.USER_ID)
                .forEach(r -> last.put(AssignmentKey.user(r.value1(), r.value2(), r.value3()), r.value4().toInstant()));
        return last;
    }

    public void failed(long id, String reason, Instant at) {
        db.update(ACCESS_GRANT).set(ACCESS_GRANT.STATUS, GrantStatus.FAILED)
                .set(ACCESS_GRANT.FAILURE_REASON, reason).set(ACCESS_GRANT.ENDED_AT, utc(at))
                .where(ACCESS_GRANT.ID.eq(id)).execute();
    }

    /** Ends the grant as ENDED or REVOKED. */
    public void ended(long id, GrantStatus status, Instant at) {
        db.update(ACCESS_GRANT).set(ACCESS_GRANT.STATUS, status).set(ACCESS_GRANT.ENDED_AT, utc(at))
                .where(ACCESS_GRANT.ID.eq(id)).execute();
    }

    /** Moves the end (give back, revoke, extend); a revocation also records by whom and why. */
    public void endsAt(long id, Instant endsAt, String endedBy, String reason) {
        db.update(ACCESS_GRANT).set(ACCESS_GRANT.ENDS_AT, utc(endsAt)).set(ACCESS_GRANT.ENDED_BY, endedBy)
                .set(ACCESS_GRANT.END_REASON, reason).where(ACCESS_GRANT.ID.eq(id)).execute();
    }

    public void extend(long id, Instant endsAt) {
        db.update(ACCESS_GRANT).set(ACCESS_GRANT.ENDS_AT, utc(endsAt)).where(ACCESS_GRANT.ID.eq(id)).execute();
    }

    /**
     * Active grants ending within the warning time whose holder has not been warned about this end;
     * grants that were never longer than the warning time are left out.
     */
    List<Long> endingSoon(Instant now, Duration warning, int limit) {
        return db.select(ACCESS_GRANT.ID).from(ACCESS_GRANT)
                .where(ACCESS_GRANT.STATUS.eq(GrantStatus.ACTIVE),
                        ACCESS_GRANT.ENDS_AT.gt(utc(now)), ACCESS_GRANT.ENDS_AT.le(utc(now.plus(warning))),
                        ACCESS_GRANT.ENDING_SOON_FOR.isDistinctFrom(ACCESS_GRANT.ENDS_AT),
                        DSL.condition("{0} - {1} > make_interval(secs => {2})", ACCESS_GRANT.ENDS_AT,
                                ACCESS_GRANT.STARTS_AT, DSL.inline(warning.toSeconds())))
                .orderBy(ACCESS_GRANT.ENDS_AT)
                .limit(limit)
                .fetch(ACCESS_GRANT.ID);
    }

    void warnedEndingSoon(long id, Instant endsAt) {
        db.update(ACCESS_GRANT).set(ACCESS_GRANT.ENDING_SOON_FOR, utc(endsAt)).where(ACCESS_GRANT.ID.eq(id)).execute();
    }

    /** Who ended the grant before its time and why; both empty when it ran its course. */
    public record EarlyEnd(String by, String reason) {
    }

    public EarlyEnd earlyEnd(long id) {
        return db.select(ACCESS_GRANT.ENDED_BY, ACCESS_GRANT.END_REASON).from(ACCESS_GRANT)
                .where(ACCESS_GRANT.ID.eq(id)).fetchOne(r -> new EarlyEnd(r.value1(), r.value2()));
    }

    /** Other grants on the same account, permission set and user that may hold the assignment now. */
    public int othersHolding(StoredGrant grant) {
        return db.fetchCount(ACCESS_GRANT, ACCESS_GRANT.ACCOUNT_ID.eq(grant.accountId()),
                ACCESS_GRANT.PERMISSION_SET_ARN.eq(grant.permissionSetArn()), ACCESS_GRANT.USER_ID.eq(grant.userId()),
                ACCESS_GRANT.ID.ne(grant.id()), ACCESS_GRANT.STATUS.in(GrantStatus.ACTIVE,
                        GrantStatus.ACTIVATING));
    }

    /** Whether Gatehouse created the assignment (true), found it standing (false), or has no record (empty). */
    public Optional<Boolean> owned(StoredGrant grant) {
        return owned(grant.key());
    }

    public Optional<Boolean> owned(AssignmentKey key) {
        return db.select(ACCESS_ASSIGNMENT.OWNED).from(ACCESS_ASSIGNMENT).where(is(key))
                .fetchOptional(ACCESS_ASSIGNMENT.OWNED);
    }

    public void own(StoredGrant grant, boolean owned) {
        own(grant.key(), owned);
    }

    public void own(AssignmentKey key, boolean owned) {
        db.insertInto(ACCESS_ASSIGNMENT)
                .set(ACCESS_ASSIGNMENT.ACCOUNT_ID, key.accountId().value())
                .set(ACCESS_ASSIGNMENT.PERMISSION_SET_ARN, key.permissionSetArn().value())
                .set(ACCESS_ASSIGNMENT.PRINCIPAL_TYPE, key.principalType().name())
                .set(ACCESS_ASSIGNMENT.PRINCIPAL_ID, key.principalId())
                .set(ACCESS_ASSIGNMENT.OWNED, owned)
                .onConflict(ACCESS_ASSIGNMENT.ACCOUNT_ID, ACCESS_ASSIGNMENT.PERMISSION_SET_ARN,
                        ACCESS_ASSIGNMENT.PRINCIPAL_TYPE, ACCESS_ASSIGNMENT.PRINCIPAL_ID)
                .doNothing()
                .execute();
    }

    public void disown(StoredGrant grant) {
        disown(grant.key());
    }

    /** Forgets the assignment: the next write on it looks at Identity Center afresh. */
    public void disown(AssignmentKey key) {
        db.deleteFrom(ACCESS_ASSIGNMENT).where(is(key)).execute();
    }

    private static Condition is(AssignmentKey key) {
        return DSL.and(ACCESS_ASSIGNMENT.ACCOUNT_ID.eq(key.accountId().value()),
                ACCESS_ASSIGNMENT.PERMISSION_SET_ARN.eq(key.permissionSetArn().value()),
                ACCESS_ASSIGNMENT.PRINCIPAL_TYPE.eq(key.principalType().name()),
                ACCESS_ASSIGNMENT.PRINCIPAL_ID.eq(key.principalId()));
    }

    /** Grants that hold the assignment now or are about to (activating) or still do (ending), oldest first. */
    public List<Long> live(AssignmentKey key) {
        if (key.principalType() != PrincipalType.USER) {
            return List.of();
        }
        return db.select(ACCESS_GRANT.ID).from(ACCESS_GRANT)
                .where(ACCESS_GRANT.ACCOUNT_ID.eq(key.accountId().value()),
                        ACCESS_GRANT.PERMISSION_SET_ARN.eq(key.permissionSetArn().value()),
                        ACCESS_GRANT.USER_ID.eq(key.principalId()),
                        ACCESS_GRANT.STATUS.in(GrantStatus.ACTIVATING, GrantStatus.ACTIVE, GrantStatus.ENDING))
                .orderBy(ACCESS_GRANT.ID).fetch(ACCESS_GRANT.ID);
    }

    /** Records a write before it is made. */
    public long ledger(StoredGrant grant, Operation operation, WriteState state, String detail, Instant at) {
        return db.insertInto(ACCESS_LEDGER)
                .set(ACCESS_LEDGER.GRANT_ID, grant.id())
                .set(ACCESS_LEDGER.OPERATION, operation.name())
                .set(ACCESS_LEDGER.ACCOUNT_ID, grant.accountId())
                .set(ACCESS_LEDGER.PERMISSION_SET_ARN, grant.permissionSetArn())
                .set(ACCESS_LEDGER.PRINCIPAL_TYPE, PrincipalType.USER)
                .set(ACCESS_LEDGER.PRINCIPAL_ID, grant.userId())
                .set(ACCESS_LEDGER.STATUS, state.name())
                .set(ACCESS_LEDGER.ATTEMPTS, operation == Operation.SKIP ? 0 : 1)
                .set(ACCESS_LEDGER.DETAIL, detail)
                .set(ACCESS_LEDGER.CREATED_AT, utc(at))
                .set(ACCESS_LEDGER.UPDATED_AT, utc(at))
                .returning(ACCESS_LEDGER.ID).fetchOne(ACCESS_LEDGER.ID);
    }

    public void ledgerResult(long id, WriteState state, String awsRequestId, String detail, Instant at) {
        db.update(ACCESS_LEDGER).set(ACCESS_LEDGER.STATUS, state.name()).set(ACCESS_LEDGER.AWS_REQUEST_ID, awsRequestId)
                .set(ACCESS_LEDGER.DETAIL, detail).set(ACCESS_LEDGER.UPDATED_AT, utc(at))
                .where(ACCESS_LEDGER.ID.eq(id)).execute();
    }

    public void ledgerResultByRequest(long grantId, String awsRequestId, WriteState state, String detail, Instant at) {
        db.update(ACCESS_LEDGER).set(ACCESS_LEDGER.STATUS, state.name()).set(ACCESS_LEDGER.DETAIL, detail)
                .set(ACCESS_LEDGER.UPDATED_AT, utc(at)).set(ACCESS_LEDGER.ATTEMPTS, ACCESS_LEDGER.ATTEMPTS.plus(1))
                .where(ACCESS_LEDGER.GRANT_ID.eq(grantId), ACCESS_LEDGER.AWS_REQUEST_ID.eq(awsRequestId)).execute();
    }

    /** How many times Gatehouse has tried this write for the grant. */
    public int attempts(long grantId, Operation operation) {
        return db.fetchCount(ACCESS_LEDGER, ACCESS_LEDGER.GRANT_ID.eq(grantId),
                ACCESS_LEDGER.OPERATION.eq(operation.name()));
    }

    /** The last write still IN_PROGRESS for the grant, to poll again instead of writing again. */
    public Optional<String> inProgressRequestId(long grantId, Operation operation) {
        return db.select(ACCESS_LEDGER.AWS_REQUEST_ID).from(ACCESS_LEDGER)
                .where(ACCESS_LEDGER.GRANT_ID.eq(grantId), ACCESS_LEDGER.OPERATION.eq(operation.name()),
                        ACCESS_LEDGER.STATUS.eq(WriteState.IN_PROGRESS.name()))
                .orderBy(ACCESS_LEDGER.ID.desc()).limit(1).fetchOptional(ACCESS_LEDGER.AWS_REQUEST_ID);
    }

    /** The person's grants that are not over yet, soonest end first. */
    public List<GrantSummary> current(String userId) {
        return current(ACCESS_GRANT.USER_ID.eq(userId), 0, 1000);
    }

    /** Everyone's grants that are not over yet whose holder, account or permission set contains the text. */
    public List<GrantSummary> current(String search, int offset, int limit) {
        Condition matches = DSL.noCondition();
        if (!search.isBlank()) {
            String pattern = SearchText.containsPattern(search);
            matches = DSL.or(ACCESS_REQUEST.REQUESTER_NAME.likeIgnoreCase(pattern, SearchText.ESCAPE),
                    ACCESS_REQUEST.ACCOUNT_NAME.likeIgnoreCase(pattern, SearchText.ESCAPE),
                    ACCESS_GRANT.ACCOUNT_ID.like(pattern, SearchText.ESCAPE),
                    ACCESS_REQUEST.PERMISSION_SET_NAME.likeIgnoreCase(pattern, SearchText.ESCAPE));
        }
        return current(matches, offset, limit);
    }

    /** Others' current grants this person approves (or would have approved), soonest end first. */
    public List<GrantSummary> current(ApproverScope approver, int offset, int limit) {
        return current(RequestRepository.approvableBy(approver), offset, limit);
    }

    private List<GrantSummary> current(Condition condition, int offset, int limit) {
        return withNames()
                .where(condition, ACCESS_GRANT.STATUS.in(GrantStatus.SCHEDULED, GrantStatus.ACTIVATING,
                        GrantStatus.ACTIVE, GrantStatus.ENDING))
                .orderBy(ACCESS_GRANT.ENDS_AT, ACCESS_GRANT.ID)
                .offset(offset).limit(limit)
                .fetch(r -> {
                    StoredGrant g = grant(r);
                    AccessGrantRecord record = r.into(ACCESS_GRANT);
                    return new GrantSummary(g.id(), g.requestId(), g.userId(), g.userName(), g.accountId(),
                            g.accountName(), g.permissionSetName(), g.startsAt(), g.endsAt(), g.status(),
                            record.getFailureReason(), record.getEndedBy(), record.getEndReason());
                });
    }

    /**
     * Every request sent in the range, oldest first, with its approvers' decisions and its grant, streamed
     * from a cursor (the caller holds a transaction).
     */
    public void eachHistory(Optional<Instant> from, Optional<Instant> until, Consumer<GrantHistoryRow> each) {
        Field<String> decisions = DSL.field(DSL.select(DSL.coalesce(DSL.field(
                "string_agg(approver_name || case when approved then ' approved' else ' denied' end || ' at ' "
                        + "|| to_char(decided_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI \"UTC\"') "
                        + "|| case when comment <> '' then ': ' || comment else '' end, '; ' order by decided_at)",
                String.class), DSL.inline(""))).from(ACCESS_APPROVAL)
                .where(ACCESS_APPROVAL.REQUEST_ID.eq(ACCESS_REQUEST.ID)));
        Condition range = DSL.and(from.map(t -> ACCESS_REQUEST.CREATED_AT.ge(utc(t))).orElse(DSL.noCondition()),
                until.map(t -> ACCESS_REQUEST.CREATED_AT.lt(utc(t))).orElse(DSL.noCondition()));
        try (var cursor = db.select(ACCESS_REQUEST.asterisk(), decisions.as("decisions"), ACCESS_GRANT.ID,
                        ACCESS_GRANT.STATUS, ACCESS_GRANT.ACTIVATED_AT, ACCESS_GRANT.ENDED_AT, ACCESS_GRANT.ENDED_BY,
                        ACCESS_GRANT.END_REASON, ACCESS_GRANT.FAILURE_REASON)
                .from(ACCESS_REQUEST).leftJoin(ACCESS_GRANT).on(ACCESS_GRANT.REQUEST_ID.eq(ACCESS_REQUEST.ID))
                .where(range)
                .orderBy(ACCESS_REQUEST.CREATED_AT, ACCESS_REQUEST.ID)
                .fetchSize(5_000)
                .fetchLazy()) {
            cursor.forEach(r -> {
                AccessRequestRecord request = r.into(ACCESS_REQUEST);
                Optional<GrantStatus> status = Optional.ofNullable(r.get(ACCESS_GRANT.STATUS));
                String endedHow = status.map(s -> s == GrantStatus.FAILED ? r.get(ACCESS_GRANT.FAILURE_REASON)
                        : r.get(ACCESS_GRANT.END_REASON)).orElse("");
                each.accept(new GrantHistoryRow(request.getId(), request.getCreatedAt().toInstant(),
                        request.getRequesterName(), request.getAccountId(), request.getAccountName(),
                        request.getPermissionSetName(), Duration.ofMinutes(request.getDurationMinutes()),
                        request.getJustification(), request.getTicket(), request.getBreakGlass(),
                        r.get("decisions", String.class), request.getStatus(),
                        request.getDecidedBy(), Optional.ofNullable(request.getDecidedAt()).map(t -> t.toInstant()),
                        Optional.ofNullable(r.get(ACCESS_GRANT.ID)), status,
                        Optional.ofNullable(r.get(ACCESS_GRANT.ACTIVATED_AT)).map(t -> t.toInstant()),
                        Optional.ofNullable(r.get(ACCESS_GRANT.ENDED_AT)).map(t -> t.toInstant()), endedHow));
            });
        }
    }

    private static StoredGrant grant(Record r) {
        AccessGrantRecord g = r.into(ACCESS_GRANT);
        return new StoredGrant(g.getId(), g.getRequestId(), g.getUserId(), g.getAccountId(), g.getPermissionSetArn(),
                g.getStartsAt().toInstant(), g.getEndsAt().toInstant(), g.getStatus(),
                r.get(ACCESS_REQUEST.REQUESTER_NAME), r.get(ACCESS_REQUEST.ACCOUNT_NAME),
                r.get(ACCESS_REQUEST.PERMISSION_SET_NAME));
    }
}
