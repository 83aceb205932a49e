package dev.gatehouse.policy.internal;

import static dev.gatehouse.db.Tables.ACCESS_RULE;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.db.tables.records.AccessRuleRecord;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.shared.SearchText;

@Repository
public class RuleRepository {

    private final DSLContext db;

    RuleRepository(DSLContext db) {
        this.db = db;
    }

    public List<AccessRule> page(String search, int offset, int limit) {
        Condition matches = DSL.noCondition();
        if (!search.isBlank()) {
            String pattern = SearchText.containsPattern(search);
            matches = DSL.or(ACCESS_RULE.NAME.likeIgnoreCase(pattern, SearchText.ESCAPE),
                    ACCESS_RULE.PERMISSION_SET_NAME.likeIgnoreCase(pattern, SearchText.ESCAPE),
                    ACCESS_RULE.SCOPE_LABEL.likeIgnoreCase(pattern, SearchText.ESCAPE),
                    ACCESS_RULE.REQUESTER_LABEL.likeIgnoreCase(pattern, SearchText.ESCAPE),
                    ACCESS_RULE.APPROVER_LABEL.likeIgnoreCase(pattern, SearchText.ESCAPE));
        }
        return db.selectFrom(ACCESS_RULE).where(matches).orderBy(ACCESS_RULE.NAME, ACCESS_RULE.ID)
                .offset(offset).limit(limit).fetch(RuleRepository::rule);
    }

    public Optional<AccessRule> find(long id) {
        return db.selectFrom(ACCESS_RULE).where(ACCESS_RULE.ID.eq(id)).fetchOptional(RuleRepository::rule);
    }

    /** Rules whose requesters include the user (directly, through one of the groups, or everyone). */
    public List<AccessRule> forRequester(String userId, Collection<String> groupIds) {
        return db.selectFrom(ACCESS_RULE)
                .where(ACCESS_RULE.REQUESTER_TYPE.eq(RequesterType.EVERYONE)
                        .or(ACCESS_RULE.REQUESTER_TYPE.eq(RequesterType.USER)
                                .and(ACCESS_RULE.REQUESTER_ID.eq(userId)))
                        .or(ACCESS_RULE.REQUESTER_TYPE.eq(RequesterType.GROUP)
                                .and(ACCESS_RULE.REQUESTER_ID.in(groupIds))))
                .orderBy(ACCESS_RULE.ID)
                .fetch(RuleRepository::rule);
    }

    /** The rules any of these people may request under, directly or through any of these groups; oldest first. */
    public List<AccessRule> forRequesters(Collection<String> userIds, Collection<String> groupIds) {
        return db.selectFrom(ACCESS_RULE)
                .where(ACCESS_RULE.REQUESTER_TYPE.eq(RequesterType.EVERYONE)
                        .or(ACCESS_RULE.REQUESTER_TYPE.eq(RequesterType.USER)
                                .and(ACCESS_RULE.REQUESTER_ID.in(userIds)))
                        .or(ACCESS_RULE.REQUESTER_TYPE.eq(RequesterType.GROUP)
                                .and(ACCESS_RULE.REQUESTER_ID.in(groupIds))))
                .orderBy(ACCESS_RULE.ID)
                .fetch(RuleRepository::rule);
    }

    public long insert(AccessRule rule) {
        AccessRuleRecord record = db.newRecord(ACCESS_RULE);
        fill(record, rule);
        record.store();
        return record.getId();
    }

    public void update(AccessRule rule) {
        AccessRuleRecord record = db.fetchSingle(ACCESS_RULE, ACCESS_RULE.ID.eq(rule.id()));
        fill(record, rule);
        record.store();
    }

    public void delete(long id) {
        db.deleteFrom(ACCESS_RULE).where(ACCESS_RULE.ID.eq(id)).execute();
    }

    private static void fill(AccessRuleRecord r, AccessRule rule) {
        r.setName(rule.name());
        r.setRequesterType(rule.requesterType());
        r.setRequesterId(rule.requesterId());
        r.setRequesterLabel(rule.requesterLabel());
        r.setScopeType(rule.scopeType());
        r.setScopeId(rule.scopeId());
        r.setScopeLabel(rule.scopeLabel());
        r.setPermissionSetArn(rule.permissionSetArn());
        r.setPermissionSetName(rule.permissionSetName());
        r.setMaxDurationMinutes((int) rule.maxDuration().toMinutes());
        r.setDefaultDurationMinutes((int) rule.defaultDuration().toMinutes());
        r.setJustificationRequired(rule.justificationRequired());
        r.setTicketPattern(rule.ticketPattern());
        r.setTicketExample(rule.ticketExample());
        r.setFutureStartAllowed(rule.futureStartAllowed());
        r.setApprovalsRequired(rule.approvalsRequired());
        r.setApproverType(rule.approverType());
        r.setApproverId(rule.approverId());
        r.setApproverLabel(rule.approverLabel());
        r.setEmergency(rule.emergency());
        r.setSessionCapped(rule.sessionCapped());
        r.setMfaToRequest(rule.mfaToRequest());
        r.setMfaToApprove(rule.mfaToApprove());
        r.setPendingTimeoutMinutes((int) rule.pendingTimeout().toMinutes());
        r.setUpdatedAt(rule.updatedAt().atOffset(ZoneOffset.UTC));
        r.setUpdatedBy(rule.updatedBy());
    }

    private static AccessRule rule(AccessRuleRecord r) {
        return new AccessRule(r.getId(), r.getName(), r.getRequesterType(), r.getRequesterId(),
                r.getRequesterLabel(), r.getScopeType(), r.getScopeId(), r.getScopeLabel(),
                r.getPermissionSetArn(), r.getPermissionSetName(), Duration.ofMinutes(r.getMaxDurationMinutes()),
                Duration.ofMinutes(r.getDefaultDurationMinutes()), r.getJustificationRequired(), r.getTicketPattern(),
                r.getTicketExample(), r.getFutureStartAllowed(), r.getApprovalsRequired(),
                r.getApproverType(), r.getApproverId(), r.getApproverLabel(), r.getEmergency(),
                r.getSessionCapped(), r.getMfaToRequest(), r.getMfaToApprove(),
                Duration.ofMinutes(r.getPendingTimeoutMinutes()),
                r.getUpdatedAt().toInstant(), r.getUpdatedBy());
    }
}
