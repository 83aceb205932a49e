package dev.gatehouse.access.internal;

import static dev.gatehouse.db.Tables.ACCESS_APPROVAL;
import static dev.gatehouse.db.Tables.ACCESS_GRANT;
import static dev.gatehouse.db.Tables.ACCESS_REQUEST;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverScope;
import dev.gatehouse.policy.ApproverType;

@Repository
public class RequestRepository {

    private final DSLContext db;

    RequestRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * @param approverId   the approving user, group or (for manager rules) the requester's manager
     * @param extendsGrant for an extension, the grant it lengthens by {@code duration}
     */
    public long insert(String requesterId, String requesterName, String accountId, String accountName,
                       String permissionSetArn, String permissionSetName, AccessRule rule, String approverId,
                       Duration duration, Optional<Instant> startsAt, String justification, String ticket,
                       Optional<Long> extendsGrant, Instant now) {
        return db.insertInto(ACCESS_REQUEST)
                .set(ACCESS_REQUEST.EXTENDS_GRANT_ID, extendsGrant.orElse(null))
                .set(ACCESS_REQUEST.REQUESTER_ID, requesterId)
                .set(ACCESS_REQUEST.REQUESTER_NAME, requesterName)
                .set(ACCESS_REQUEST.ACCOUNT_ID, accountId)
                .set(ACCESS_REQUEST.ACCOUNT_NAME, accountName)
                .set(ACCESS_REQUEST.PERMISSION_SET_ARN, permissionSetArn)
                .set(ACCESS_REQUEST.PERMISSION_SET_NAME, permissionSetName)
                .set(ACCESS_REQUEST.RULE_ID, rule.id())
                .set(ACCESS_REQUEST.DURATION_MINUTES, (int) duration.toMinutes())
                .set(ACCESS_REQUEST.STARTS_AT, startsAt.map(RequestRepository::utc).orElse(null))
                .set(ACCESS_REQUEST.JUSTIFICATION, justification)
                .set(ACCESS_REQUEST.TICKET, ticket)
                .set(ACCESS_REQUEST.APPROVALS_REQUIRED, rule.approvalsRequired())
                .set(ACCESS_REQUEST.APPROVER_TYPE, rule.approverType())
                .set(ACCESS_REQUEST.APPROVER_ID, approverId)
                .set(ACCESS_REQUEST.APPROVAL_SUMMARY, rule.approvalSummary())
                .set(ACCESS_REQUEST.BREAK_GLASS, rule.emergency())
                .set(ACCESS_REQUEST.MFA_TO_APPROVE, rule.mfaToApprove())
                .set(ACCESS_REQUEST.STATUS, RequestStatus.PENDING)
                .set(ACCESS_REQUEST.CREATED_AT, utc(now))
                .set(ACCESS_REQUEST.PENDING_UNTIL, utc(now.plus(rule.pendingTimeout())))
                .returning(ACCESS_REQUEST.ID).fetchOne(ACCESS_REQUEST.ID);
    }

    /** Reads the request and locks it until the transaction ends, so decisions on it happen one at a time. */
    public Optional<StoredRequest> lock(long id) {
        return db.selectFrom(ACCESS_REQUEST).where(ACCESS_REQUEST.ID.eq(id)).forUpdate()
                .fetchOptional(r -> new StoredRequest(r.getId(), r.getRequesterId(), r.getRequesterName(),
                        r.getAccountId(), r.getAccountName(), r.getPermissionSetArn(), r.getPermissionSetName(),
                        Duration.ofMinutes(r.getDurationMinutes()),
                        Optional.ofNullable(r.getStartsAt()).map(OffsetDateTime::toInstant),
                        r.getApprovalsRequired(), r.getApproverType(), r.getApproverId(),
                        r.getStatus(), r.getPendingUntil().toInstant(),
                        Optional.ofNullable(r.getExtendsGrantId()), r.getMfaToApprove()));
    }

    public void finish(long id, RequestStatus status, String by, String comment, Instant at) {
        db.update(ACCESS_REQUEST)
                .set(ACCESS_REQUEST.STATUS, status)
                .set(ACCESS_REQUEST.DECIDED_AT, utc(at))
                .set(ACCESS_REQUEST.DECIDED_BY, by)
                .set(ACCESS_REQUEST.DECISION_COMMENT, comment)
                .where(ACCESS_REQUEST.ID.eq(id), ACCESS_REQUEST.STATUS.eq(RequestStatus.PENDING))
                .execute();
    }

    /** @return false when this approver had already decided the request */
    public boolean addDecision(long id, String approverId, String approverName, boolean approved, String comment,
                               Instant at) {
        return db.insertInto(ACCESS_APPROVAL)
                .set(ACCESS_APPROVAL.REQUEST_ID, id)
                .set(ACCESS_APPROVAL.APPROVER_ID, approverId)
                .set(ACCESS_APPROVAL.APPROVER_NAME, approverName)
                .set(ACCESS_APPROVAL.APPROVED, approved)
                .set(ACCESS_APPROVAL.COMMENT, comment)
                .set(ACCESS_APPROVAL.DECIDED_AT, utc(at))
                .onConflictDoNothing()
                .execute() == 1;
    }

    public int approvals(long id) {
        return db.fetchCount(ACCESS_APPROVAL, ACCESS_APPROVAL.REQUEST_ID.eq(id), ACCESS_APPROVAL.APPROVED.isTrue());
    }

    /** The person's requests, newest first. */
    public List<RequestSummary> mine(String requesterId, int offset, int limit) {
        return summaries(ACCESS_REQUEST.REQUESTER_ID.eq(requesterId), offset, limit);
    }

    /** Pending requests the approver may decide and has not decided yet, oldest first. */
    public List<RequestSummary> inbox(ApproverScope approver, int offset, int limit) {
        return db.select(summaryFields()).from(ACCESS_REQUEST)
                .leftJoin(ACCESS_GRANT).on(ACCESS_GRANT.REQUEST_ID.eq(ACCESS_REQUEST.ID))
                .where(undecided(approver)).orderBy(ACCESS_REQUEST.CREATED_AT.asc(), ACCESS_REQUEST.ID.asc())
                .offset(offset).limit(limit).fetch(RequestRepository::summary);
    }

    public int inboxCount(ApproverScope approver) {
        return db.fetchCount(ACCESS_REQUEST, undecided(approver));
    }

    private static Condition undecided(ApproverScope approver) {
        return ACCESS_REQUEST.STATUS.eq(RequestStatus.PENDING)
                .and(approvableBy(approver))
                .andNotExists(DSL.selectOne().from(ACCESS_APPROVAL).where(ACCESS_APPROVAL.REQUEST_ID
                        .eq(ACCESS_REQUEST.ID), ACCESS_APPROVAL.APPROVER_ID.eq(approver.userId())));
    }

    /** Break-glass requests nobody has followed up yet, newest first. */
    public List<RequestSummary> breakGlassToFollowUp(int offset, int limit) {
        return summaries(notFollowedUp(), offset, limit);
    }

    /** The break-glass request, if nobody has followed it up yet. */
    public Optional<RequestSummary> breakGlassToFollowUp(long id) {
        return summaries(notFollowedUp().and(ACCESS_REQUEST.ID.eq(id)), 0, 1).stream().findFirst();
    }

    public int breakGlassToFollowUpCount() {
        return db.fetchCount(ACCESS_REQUEST, notFollowedUp());
    }

    /** Break-glass requests not followed up yet whose rule names this person to be told, newest first. */
    public List<RequestSummary> breakGlassToldTo(ApproverScope approver, int offset, int limit) {
        return summaries(notFollowedUp().and(approvableBy(approver)), offset, limit);
    }

    public int breakGlassToldToCount(ApproverScope approver) {
        return db.fetchCount(ACCESS_REQUEST, notFollowedUp().and(approvableBy(approver)));
    }

    private static Condition notFollowedUp() {
        return ACCESS_REQUEST.BREAK_GLASS.isTrue().and(ACCESS_REQUEST.FOLLOWED_UP_AT.isNull());
    }

    /** @return false when the request is not break-glass or was followed up already */
    public boolean followUp(long id, String by, String note, Instant at) {
        return db.update(ACCESS_REQUEST)
                .set(ACCESS_REQUEST.FOLLOWED_UP_AT, utc(at))
                .set(ACCESS_REQUEST.FOLLOWED_UP_BY, by)
                .set(ACCESS_REQUEST.FOLLOW_UP_NOTE, note)
                .where(ACCESS_REQUEST.ID.eq(id), ACCESS_REQUEST.BREAK_GLASS.isTrue(),
                        ACCESS_REQUEST.FOLLOWED_UP_AT.isNull())
                .execute() == 1;
    }

    public boolean pendingExtensionExists(long grantId) {
        return db.fetchExists(ACCESS_REQUEST, ACCESS_REQUEST.EXTENDS_GRANT_ID.eq(grantId),
                ACCESS_REQUEST.STATUS.eq(RequestStatus.PENDING));
    }

    public boolean pendingExists(String requesterId, String accountId, String permissionSetArn) {
        return db.fetchExists(ACCESS_REQUEST, ACCESS_REQUEST.REQUESTER_ID.eq(requesterId),
                ACCESS_REQUEST.ACCOUNT_ID.eq(accountId), ACCESS_REQUEST.PERMISSION_SET_ARN.eq(permissionSetArn),
                ACCESS_REQUEST.STATUS.eq(RequestStatus.PENDING));
    }

    /** Requests of others whose approvers include this person: by name, through a group, or as manager. */
    static Condition approvableBy(ApproverScope approver) {
        Condition mine = ACCESS_REQUEST.APPROVER_TYPE.in(ApproverType.USER, ApproverType.MANAGER)
                .and(ACCESS_REQUEST.APPROVER_ID.eq(approver.userId()));
        if (!approver.groupIds().isEmpty()) {
            mine = mine.or(ACCESS_REQUEST.APPROVER_TYPE.eq(ApproverType.GROUP)
                    .and(ACCESS_REQUEST.APPROVER_ID.in(approver.groupIds())));
        }
        return mine.and(ACCESS_REQUEST.REQUESTER_ID.ne(approver.userId()));
    }

    /** Pending requests past their timeout. */
    public List<Long> overdue(Instant now, int limit) {
        return db.select(ACCESS_REQUEST.ID).from(ACCESS_REQUEST)
                .where(ACCESS_REQUEST.STATUS.eq(RequestStatus.PENDING),
                        ACCESS_REQUEST.PENDING_UNTIL.le(utc(now)))
                .orderBy(ACCESS_REQUEST.PENDING_UNTIL).limit(limit).fetch(ACCESS_REQUEST.ID);
    }

    private List<RequestSummary> summaries(Condition condition, int offset, int limit) {
        return db.select(summaryFields()).from(ACCESS_REQUEST)
                .leftJoin(ACCESS_GRANT).on(ACCESS_GRANT.REQUEST_ID.eq(ACCESS_REQUEST.ID))
                .where(condition).orderBy(ACCESS_REQUEST.CREATED_AT.desc(), ACCESS_REQUEST.ID.desc())
                .offset(offset).limit(limit).fetch(RequestRepository::summary);
    }

    private static List<SelectFieldOrAsterisk> summaryFields() {
        return List.<SelectFieldOrAsterisk>of(ACCESS_REQUEST.asterisk(), ACCESS_GRANT.ID, ACCESS_GRANT.STARTS_AT,
                ACCESS_GRANT.ENDS_AT,
                ACCESS_GRANT.STATUS, ACCESS_GRANT.FAILURE_REASON, ACCESS_GRANT.ENDED_BY, ACCESS_GRANT.END_REASON,
                DSL.multiset(DSL.select(ACCESS_APPROVAL.APPROVER_NAME).from(ACCESS_APPROVAL)
                                .where(ACCESS_APPROVAL.REQUEST_ID.eq(ACCESS_REQUEST.ID),
                                        ACCESS_APPROVAL.APPROVED.isTrue())
                                .orderBy(ACCESS_APPROVAL.DECIDED_AT))
                        .convertFrom(r -> r.map(a -> a.value1())).as("approved_by"),
                requesterAccess());
    }

    /** The requester's active grants, for the approver to see what they hold already. */
    private static Field<List<String>> requesterAccess() {
        var held = ACCESS_GRANT.as("held");
        var heldRequest = ACCESS_REQUEST.as("held_request");
        return DSL.multiset(DSL.select(heldRequest.PERMISSION_SET_NAME.concat(" on ").concat(heldRequest.ACCOUNT_NAME))
                        .from(held).join(heldRequest).on(heldRequest.ID.eq(held.REQUEST_ID))
                        .where(held.USER_ID.eq(ACCESS_REQUEST.REQUESTER_ID), held.STATUS.eq(GrantStatus.ACTIVE))
                        .orderBy(held.ENDS_AT))
                .convertFrom(r -> r.map(a -> a.value1())).as("requester_access");
    }

    @SuppressWarnings("unchecked")
    private static RequestSummary summary(Record r) {
        var q = r.into(ACCESS_REQUEST);
        Optional<GrantSummary> grant = r.get(ACCESS_GRANT.ID) == null ? Optional.empty()
                : Optional.of(new GrantSummary(r.get(ACCESS_GRANT.ID), q.getId(), q.getRequesterId(),
                q.getRequesterName(), q.getAccountId(), q.getAccountName(), q.getPermissionSetName(),
                r.get(ACCESS_GRANT.STARTS_AT).toInstant(),
                r.get(ACCESS_GRANT.ENDS_AT).toInstant(), r.get(ACCESS_GRANT.STATUS),
                r.get(ACCESS_GRANT.FAILURE_REASON), r.get(ACCESS_GRANT.ENDED_BY), r.get(ACCESS_GRANT.END_REASON)));
        return new RequestSummary(q.getId(), q.getRequesterId(), q.getRequesterName(), q.getAccountId(),
                q.getAccountName(), q.getPermissionSetName(), Duration.ofMinutes(q.getDurationMinutes()),
                Optional.ofNullable(q.getStartsAt()).map(OffsetDateTime::toInstant), q.getJustification(),
                q.getTicket(), q.getStatus(), q.getCreatedAt().toInstant(),
                q.getPendingUntil().toInstant(), q.getApprovalsRequired(), q.getApprovalSummary(),
                (List<String>) r.get("approved_by"), q.getDecidedBy(), q.getDecisionComment(), grant,
                (List<String>) r.get("requester_access"), Optional.ofNullable(q.getExtendsGrantId()),
                q.getBreakGlass(), Optional.ofNullable(q.getFollowedUpAt())
                .map(at -> q.getFollowedUpBy() + ": " + q.getFollowUpNote()));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
