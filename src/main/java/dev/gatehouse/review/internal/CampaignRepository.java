package dev.gatehouse.review.internal;

import static dev.gatehouse.db.Tables.REVIEW_CAMPAIGN;
import static dev.gatehouse.db.Tables.REVIEW_CAMPAIGN_SCOPE;
import static dev.gatehouse.db.Tables.REVIEW_ITEM;
import static dev.gatehouse.db.Tables.REVIEW_STAGE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

import dev.gatehouse.db.tables.records.ReviewCampaignRecord;
import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.Population;
import dev.gatehouse.review.Recurrence;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewTiming;
import dev.gatehouse.review.ReviewerKind;
import dev.gatehouse.review.ReviewerStage;

/** Campaigns with their scope rows and reviewer stages. */
@Repository
public class CampaignRepository {

    /** The kinds of scope row, as the CHECK constraint of review_campaign_scope names them. */
    private enum ScopeKind {
        OU, ACCOUNT, PERMISSION_SET, USER, GROUP, EXCLUDED_PERMISSION_SET, EXCLUDED_GROUP
    }

    private final DSLContext db;

    CampaignRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(CampaignDraft draft, String createdBy, String createdById, Instant at) {
        ReviewTiming timing = draft.timing();
        long id = db.insertInto(REVIEW_CAMPAIGN)
                .set(REVIEW_CAMPAIGN.NAME, draft.name())
                .set(REVIEW_CAMPAIGN.DESCRIPTION, draft.description())
                .set(REVIEW_CAMPAIGN.STATUS, CampaignStatus.DRAFT.name())
                .set(REVIEW_CAMPAIGN.WHOLE_ORGANIZATION, draft.scope().wholeOrganization())
                .set(REVIEW_CAMPAIGN.FALLBACK_REVIEWER_ID, draft.fallbackReviewerId())
                .set(REVIEW_CAMPAIGN.DUE_AT, utc(draft.dueAt()))
                .set(REVIEW_CAMPAIGN.DUE_DATE_POLICY, draft.dueDatePolicy().name())
                .set(REVIEW_CAMPAIGN.CREATED_BY, createdBy)
                .set(REVIEW_CAMPAIGN.CREATED_BY_ID, createdById)
                .set(REVIEW_CAMPAIGN.CREATED_AT, utc(at))
                .set(REVIEW_CAMPAIGN.REMIND_DAYS_BEFORE, timing.remindDaysBefore().toArray(Integer[]::new))
                .set(REVIEW_CAMPAIGN.OVERDUE_DAILY, timing.overdueDaily())
                .set(REVIEW_CAMPAIGN.OVERDUE_DAYS, timing.overdueDays())
                .set(REVIEW_CAMPAIGN.REVOKES_AT_CLOSE, timing.revokesAtClose())
                .set(REVIEW_CAMPAIGN.ESCALATE_AFTER_DAYS, timing.escalateAfterDays())
                .set(REVIEW_CAMPAIGN.MESSAGES, timing.messages().stream().sorted().map(Enum::name).toList())
                .set(REVIEW_CAMPAIGN.RECURRENCE, draft.recurrence().name())
                .set(REVIEW_CAMPAIGN.ITEM_KINDS, draft.kinds().stream().sorted().map(Enum::name).toArray(String[]::new))
                .returning(REVIEW_CAMPAIGN.ID).fetchOne().getId();
        CampaignScope scope = draft.scope();
        Map<ScopeKind, Set<String>> rows = Map.of(ScopeKind.OU, scope.ouIds(), ScopeKind.ACCOUNT, scope.accountIds(),
                ScopeKind.PERMISSION_SET, scope.permissionSetArns(), ScopeKind.USER, scope.userIds(),
                ScopeKind.GROUP, scope.groupIds(), ScopeKind.EXCLUDED_PERMISSION_SET, scope.excludedPermissionSetArns(),
                ScopeKind.EXCLUDED_GROUP, scope.excludedGroupIds());
        rows.forEach((kind, values) -> values.forEach(value -> db.insertInto(REVIEW_CAMPAIGN_SCOPE)
                .set(REVIEW_CAMPAIGN_SCOPE.CAMPAIGN_ID, id).set(REVIEW_CAMPAIGN_SCOPE.KIND, kind.name())
                .set(REVIEW_CAMPAIGN_SCOPE.VALUE, value).execute()));
        for (int i = 0; i < draft.stages().size(); i++) {
            ReviewerStage stage = draft.stages().get(i);
            db.insertInto(REVIEW_STAGE).set(REVIEW_STAGE.CAMPAIGN_ID, id).set(REVIEW_STAGE.POSITION, i + 1)
                    .set(REVIEW_STAGE.REVIEWER_KIND, stage.kind().name())
                    .set(REVIEW_STAGE.PRINCIPAL_ID, stage.principalId()).execute();
        }
        return id;
    }

    public Optional<ReviewCampaign> find(long id) {
        return db.selectFrom(REVIEW_CAMPAIGN).where(REVIEW_CAMPAIGN.ID.eq(id)).fetchOptional(this::campaign);
    }

    /** Newest first. */
    public List<ReviewCampaign> page(int offset, int limit) {
        return db.selectFrom(REVIEW_CAMPAIGN).orderBy(REVIEW_CAMPAIGN.ID.desc()).offset(offset).limit(limit)
                .fetch(this::campaign);
    }

    public int count() {
        return db.fetchCount(REVIEW_CAMPAIGN);
    }

    /** The campaign's status, its row locked until the transaction ends: one launch at a time. */
    public Optional<CampaignStatus> lockStatus(long id) {
        return db.select(REVIEW_CAMPAIGN.STATUS).from(REVIEW_CAMPAIGN).where(REVIEW_CAMPAIGN.ID.eq(id)).forUpdate()
                .fetchOptional(r -> CampaignStatus.valueOf(r.value1()));
    }

    public void launching(long id, String launchedBy) {
        db.update(REVIEW_CAMPAIGN).set(REVIEW_CAMPAIGN.STATUS, CampaignStatus.LAUNCHING.name())
                .set(REVIEW_CAMPAIGN.LAUNCHED_BY, launchedBy).where(REVIEW_CAMPAIGN.ID.eq(id)).execute();
    }

    public String launchedBy(long id) {
        return db.select(REVIEW_CAMPAIGN.LAUNCHED_BY).from(REVIEW_CAMPAIGN).where(REVIEW_CAMPAIGN.ID.eq(id))
                .fetchOne(REVIEW_CAMPAIGN.LAUNCHED_BY);
    }

    public void active(long id, Population population) {
        db.update(REVIEW_CAMPAIGN).set(REVIEW_CAMPAIGN.STATUS, CampaignStatus.ACTIVE.name())
                .set(REVIEW_CAMPAIGN.LAUNCHED_AT, utc(population.launchedAt()))
                .set(REVIEW_CAMPAIGN.ITEM_COUNT, population.items())
                .set(REVIEW_CAMPAIGN.DIRECT_COUNT, population.direct())
                .set(REVIEW_CAMPAIGN.GROUP_COUNT, population.throughGroups())
                .set(REVIEW_CAMPAIGN.POPULATION_SHA256, population.sha256())
                .set(REVIEW_CAMPAIGN.ELIGIBILITY_COUNT, population.eligibility())
                .set(REVIEW_CAMPAIGN.MEMBERSHIP_COUNT, population.memberships())
                .set(REVIEW_CAMPAIGN.BREAK_GLASS_COUNT, population.breakGlass())
                .where(REVIEW_CAMPAIGN.ID.eq(id)).execute();
    }

    public void dueAt(long id, Instant dueAt) {
        db.update(REVIEW_CAMPAIGN).set(REVIEW_CAMPAIGN.DUE_AT, utc(dueAt)).where(REVIEW_CAMPAIGN.ID.eq(id)).execute();
    }

    /** CLOSED or CANCELLED, by whom and when; the caller checks the move is allowed. */
    public void end(long id, CampaignStatus status, String by, Instant at) {
        db.update(REVIEW_CAMPAIGN).set(REVIEW_CAMPAIGN.STATUS, status.name()).set(REVIEW_CAMPAIGN.ENDED_BY, by)
                .set(REVIEW_CAMPAIGN.ENDED_AT, utc(at)).where(REVIEW_CAMPAIGN.ID.eq(id)).execute();
    }

    /** ACTIVE campaigns whose due date, plus the overdue period, has come. */
    public List<Long> dueActive(Instant now, int limit) {
        Field<OffsetDateTime> closesAt = DSL.field("{0} + {1} * interval '1 day'", SQLDataType.TIMESTAMPWITHTIMEZONE,
                REVIEW_CAMPAIGN.DUE_AT, REVIEW_CAMPAIGN.OVERDUE_DAYS);
        return db.select(REVIEW_CAMPAIGN.ID).from(REVIEW_CAMPAIGN)
                .where(REVIEW_CAMPAIGN.STATUS.eq(CampaignStatus.ACTIVE.name())).and(closesAt.le(utc(now)))
                .orderBy(closesAt).limit(limit).fetch(REVIEW_CAMPAIGN.ID);
    }

    /** CLOSED campaigns that still have items the due-date policy has not dealt with (a close cut short). */
    public List<Long> closedWithUndecided(int limit) {
        return db.select(REVIEW_CAMPAIGN.ID).from(REVIEW_CAMPAIGN)
                .where(REVIEW_CAMPAIGN.STATUS.eq(CampaignStatus.CLOSED.name()))
                .andExists(db.selectOne().from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(REVIEW_CAMPAIGN.ID))
                        .and(ItemRepository.waitingForClose()))
                .orderBy(REVIEW_CAMPAIGN.ID).limit(limit).fetch(REVIEW_CAMPAIGN.ID);
    }

    private ReviewCampaign campaign(ReviewCampaignRecord r) {
        Map<ScopeKind, Set<String>> scope = db.selectFrom(REVIEW_CAMPAIGN_SCOPE)
                .where(REVIEW_CAMPAIGN_SCOPE.CAMPAIGN_ID.eq(r.getId())).fetch().stream()
                .collect(Collectors.groupingBy(s -> ScopeKind.valueOf(s.getKind()),
                        Collectors.mapping(s -> s.getValue(), Collectors.toSet())));
        List<ReviewerStage> stages = db.selectFrom(REVIEW_STAGE).where(REVIEW_STAGE.CAMPAIGN_ID.eq(r.getId()))
                .orderBy(REVIEW_STAGE.POSITION)
                .fetch(s -> new ReviewerStage(ReviewerKind.valueOf(s.getReviewerKind()), s.getPrincipalId()));
        Set<ItemKind> kinds = Arrays.stream(r.getItemKinds()).map(ItemKind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ItemKind.class)));
        Optional<Population> population = Optional.ofNullable(r.getLaunchedAt()).map(at -> new Population(
                at.toInstant(), r.getItemCount(), r.getDirectCount(), r.getGroupCount(), r.getPopulationSha256(), kinds,
                zeroIfNull(r.getEligibilityCount()), zeroIfNull(r.getMembershipCount()),
                zeroIfNull(r.getBreakGlassCount())));
        return new ReviewCampaign(r.getId(), r.getName(), r.getDescription(), CampaignStatus.valueOf(r.getStatus()),
                new CampaignScope(r.getWholeOrganization(), of(scope, ScopeKind.OU), of(scope, ScopeKind.ACCOUNT),
                        of(scope, ScopeKind.PERMISSION_SET), of(scope, ScopeKind.USER), of(scope, ScopeKind.GROUP),
                        of(scope, ScopeKind.EXCLUDED_PERMISSION_SET), of(scope, ScopeKind.EXCLUDED_GROUP)),
                stages, r.getFallbackReviewerId(), r.getDueAt().toInstant(), DueDatePolicy.valueOf(r.getDueDatePolicy()),
                r.getCreatedBy(), r.getCreatedAt().toInstant(), population, timing(r), r.getCreatedById(),
                Recurrence.valueOf(r.getRecurrence()), kinds);
    }

    private static ReviewTiming timing(ReviewCampaignRecord r) {
        return new ReviewTiming(Arrays.asList(r.getRemindDaysBefore()), r.getOverdueDaily(), r.getOverdueDays(),
                r.getEscalateAfterDays(), r.getMessages().stream().map(CampaignMessage::valueOf)
                .collect(Collectors.toSet()), r.getRevokesAtClose());
    }

    /** Counts of a launch before V44 counted other kinds. */
    private static int zeroIfNull(Integer count) {
        return count == null ? 0 : count;
    }

    private static Set<String> of(Map<ScopeKind, Set<String>> scope, ScopeKind kind) {
        return scope.getOrDefault(kind, Set.of());
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** The ids of ACTIVE campaigns, oldest first. */
    public List<Long> activeIds() {
        return db.select(REVIEW_CAMPAIGN.ID).from(REVIEW_CAMPAIGN)
                .where(REVIEW_CAMPAIGN.STATUS.eq(CampaignStatus.ACTIVE.name())).orderBy(REVIEW_CAMPAIGN.ID)
                .fetch(REVIEW_CAMPAIGN.ID);
    }
}
