package dev.gatehouse.review.internal;

import static dev.gatehouse.db.Tables.REVIEW_CAMPAIGN;
import static dev.gatehouse.db.Tables.REVIEW_ITEM;
import static dev.gatehouse.db.Tables.REVIEW_ITEM_DECISION;
import static dev.gatehouse.db.Tables.REVIEW_STAGE;
import static dev.gatehouse.review.internal.CampaignRepository.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.review.Decision;
import dev.gatehouse.review.CampaignProgress;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemFlag;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.review.ReviewerLoad;

/**
 * Review items: written in batches by the launch, moved on by decisions, the ledger, reminders and the close.
 * What reviewers list and filter is {@link ReviewerItemRepository}.
 */
@Repository
public class ItemRepository {

    /**
     * An item as the launch snapshots it.
     *
     * @param subjectId the access rule's or break-glass request's id, empty for standing access and memberships
     * @param about     what an item other than standing access is about, in one line
     */
    public record NewItem(ReviewItemRow.Person person, ReviewItemRow.Access access, HowHeld held, String groupId,
                          String groupName, Optional<Instant> firstSeen, Reviewer reviewer, ItemKind kind,
                          String subjectId, String about) {

        /** Standing access. */
        public NewItem(ReviewItemRow.Person person, ReviewItemRow.Access access, HowHeld held, String groupId,
                       String groupName, Optional<Instant> firstSeen, Reviewer reviewer) {
            this(person, access, held, groupId, groupName, firstSeen, reviewer, ItemKind.STANDING, "", "");
        }
    }

    /** What a launch's hash covers for one item: the ids that make it this item. */
    public record ItemKey(String accountId, String permissionSetArn, String personId, HowHeld held, String groupId,
                          ItemKind kind, String subjectId) {

        /**
         * One line of the hashed list: the ids, tab-separated; an item of another kind than standing access
         * adds its kind and subject, so a standing-only campaign hashes as it always did.
         */
        public String line() {
            return accountId + "\t" + permissionSetArn + "\t" + personId + "\t" + held + "\t" + groupId
                    + (kind == ItemKind.STANDING ? "" : "\t" + kind + "\t" + subjectId) + "\n";
        }
    }

    private static final Field<Integer> STAGES = DSL.field(DSL.selectCount().from(REVIEW_STAGE)
            .where(REVIEW_STAGE.CAMPAIGN_ID.eq(REVIEW_ITEM.CAMPAIGN_ID))).as("stages");

    /** The kinds whose removal a directory sync sees: assignments and memberships, not rules or grants. */
    private static final Condition SYNC_SEES = REVIEW_ITEM.KIND.in(ItemKind.STANDING.name(), ItemKind.MEMBERSHIP.name());

    private final DSLContext db;

    ItemRepository(DSLContext db) {
        this.db = db;
    }

    public int deleteFor(long campaignId) {
        return db.deleteFrom(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId)).execute();
    }

    /**
     * One insert for the batch, its values bound as one array per column (a batch of a thousand is 15 values
     * to bind, not 19,000); an item already there (found by two parts of the scope) stays once.
     */
    public void insert(long campaignId, List<NewItem> items, Instant at) {
        if (items.isEmpty()) {
            return;
        }
        List<Function<NewItem, String>> columns = List.of(i -> i.access().accountId(), i -> i.access().accountName(),
                i -> i.access().ouPath(), i -> i.access().permissionSetArn(), i -> i.access().permissionSetName(),
                i -> i.person().userId(), i -> i.person().displayName(), i -> i.held().name(), NewItem::groupId,
                NewItem::groupName, i -> i.firstSeen().map(CampaignRepository::utc).map(Object::toString).orElse(null),
                i -> i.reviewer().type().name(), i -> i.reviewer().id(), i -> i.reviewer().name(),
                i -> i.reviewer().note(), i -> i.kind().name(), NewItem::subjectId, NewItem::about);
        List<String> names = List.of("account_id", "account_name", "ou_path", "permission_set_arn",
                "permission_set_name", "person_id", "person_name", "held", "group_id", "group_name", "first_seen",
                "reviewer_type", "reviewer_id", "reviewer_name", "reviewer_note", "kind", "subject_id", "about");
        StringBuilder unnest = new StringBuilder("unnest(");
        List<QueryPart> arrays = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Function<NewItem, String> column = columns.get(c);
            unnest.append(c == 0 ? "" : ", ").append('{').append(c).append("}::")
                    .append(names.get(c).equals("first_seen") ? "timestamptz[]" : "text[]");
            arrays.add(DSL.val(items.stream().map(column).toArray(String[]::new)));
        }
        Table<?> rows = DSL.table(unnest.append(')').toString(), arrays.toArray(QueryPart[]::new))
                .as("new_item", names.toArray(String[]::new));
        Function<String, Field<String>> text = name -> DSL.field(DSL.name("new_item", name), String.class);
        db.insertInto(REVIEW_ITEM, List.<Field<?>>of(REVIEW_ITEM.CAMPAIGN_ID,
                        REVIEW_ITEM.ACCOUNT_ID, REVIEW_ITEM.ACCOUNT_NAME, REVIEW_ITEM.OU_PATH, REVIEW_ITEM.PERMISSION_SET_ARN,
                        REVIEW_ITEM.PERMISSION_SET_NAME, REVIEW_ITEM.PERSON_ID, REVIEW_ITEM.PERSON_NAME, REVIEW_ITEM.HELD,
                        REVIEW_ITEM.GROUP_ID, REVIEW_ITEM.GROUP_NAME, REVIEW_ITEM.FIRST_SEEN, REVIEW_ITEM.STAGE,
                        REVIEW_ITEM.REVIEWER_TYPE, REVIEW_ITEM.REVIEWER_ID, REVIEW_ITEM.REVIEWER_NAME, REVIEW_ITEM.REVIEWER_NOTE,
                        REVIEW_ITEM.STATUS, REVIEW_ITEM.UPDATED_AT, REVIEW_ITEM.KIND, REVIEW_ITEM.SUBJECT_ID,
                        REVIEW_ITEM.ABOUT))
                .select(DSL.select(DSL.val(campaignId), text.apply("account_id"), text.apply("account_name"),
                                text.apply("ou_path"), text.apply("permission_set_arn"), text.apply("permission_set_name"),
                                text.apply("person_id"), text.apply("person_name"), text.apply("held"),
                                text.apply("group_id"), text.apply("group_name"),
                                DSL.field(DSL.name("new_item", "first_seen"), REVIEW_ITEM.FIRST_SEEN.getDataType()),
                                DSL.val(1), text.apply("reviewer_type"), text.apply("reviewer_id"),
                                text.apply("reviewer_name"), text.apply("reviewer_note"), DSL.val(ItemStatus.PENDING.name()),
                                DSL.val(utc(at)), text.apply("kind"), text.apply("subject_id"), text.apply("about"))
                        .from(rows))
                .onConflictDoNothing().execute();
    }

    /** The campaign's item keys in one stable order (the ids, compared by their bytes), from a cursor. */
    public void keysInOrder(long campaignId, Consumer<ItemKey> each) {
        try (var cursor = db.select(REVIEW_ITEM.ACCOUNT_ID, REVIEW_ITEM.PERMISSION_SET_ARN, REVIEW_ITEM.PERSON_ID,
                        REVIEW_ITEM.HELD, REVIEW_ITEM.GROUP_ID, REVIEW_ITEM.KIND, REVIEW_ITEM.SUBJECT_ID).from(REVIEW_ITEM)
                .where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                .orderBy(REVIEW_ITEM.ACCOUNT_ID.collate("C"), REVIEW_ITEM.PERMISSION_SET_ARN.collate("C"),
                        REVIEW_ITEM.PERSON_ID.collate("C"), REVIEW_ITEM.HELD.collate("C"), REVIEW_ITEM.GROUP_ID.collate("C"),
                        REVIEW_ITEM.KIND.collate("C"), REVIEW_ITEM.SUBJECT_ID.collate("C"))
                .fetchSize(5_000).fetchLazy()) {
            cursor.forEach(r -> each.accept(new ItemKey(r.value1(), r.value2(), r.value3(), HowHeld.valueOf(r.value4()),
                    r.value5(), ItemKind.valueOf(r.value6()), r.value7())));
        }
    }

    /** Standing items by how they are held. */
    public Map<HowHeld, Integer> countsByHeld(long campaignId) {
        return db.select(REVIEW_ITEM.HELD, DSL.count()).from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                .and(REVIEW_ITEM.KIND.eq(ItemKind.STANDING.name()))
                .groupBy(REVIEW_ITEM.HELD).fetchMap(r -> HowHeld.valueOf(r.value1()), r -> r.value2());
    }

    public Map<ItemKind, Integer> countsByKind(long campaignId) {
        return db.select(REVIEW_ITEM.KIND, DSL.count()).from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                .groupBy(REVIEW_ITEM.KIND).fetchMap(r -> ItemKind.valueOf(r.value1()), r -> r.value2());
    }

    public Optional<ReviewItemRow> find(long itemId) {
        return rows().where(REVIEW_ITEM.ID.eq(itemId)).fetchOptional(ItemRepository::row);
    }

    /** The item, its row locked until the transaction ends, so two decisions on it go one after the other. */
    public Optional<ReviewItemRow> lock(long itemId) {
        return rows().where(REVIEW_ITEM.ID.eq(itemId)).forUpdate().of(REVIEW_ITEM).fetchOptional(ItemRepository::row);
    }

    public List<ReviewItemRow> ofCampaign(long campaignId, int offset, int limit) {
        return rows().where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId)).orderBy(REVIEW_ITEM.ID).offset(offset).limit(limit)
                .fetch(ItemRepository::row);
    }

    /** Who has undecided items in the campaign, and how many; a group counts once, as a group. */
    public List<ReviewerLoad> pendingByReviewer(long campaignId) {
        return db.select(REVIEW_ITEM.REVIEWER_TYPE, REVIEW_ITEM.REVIEWER_ID, DSL.max(REVIEW_ITEM.REVIEWER_NAME), DSL.count())
                .from(REVIEW_ITEM)
                .where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId), REVIEW_ITEM.STATUS.eq(ItemStatus.PENDING.name()),
                        REVIEW_ITEM.REVIEWER_TYPE.ne(Reviewer.Type.NOBODY.name()))
                .groupBy(REVIEW_ITEM.REVIEWER_TYPE, REVIEW_ITEM.REVIEWER_ID)
                .orderBy(REVIEW_ITEM.REVIEWER_TYPE, REVIEW_ITEM.REVIEWER_ID)
                .fetch(r -> new ReviewerLoad(Reviewer.Type.valueOf(r.value1()), r.value2(), r.value3(), r.value4()));
    }

    /**
     * The campaign's undecided items the fallback reviewer could take over, locked: a person or group reviews
     * them, not the fallback, and the fallback is not the person under review.
     */
    public List<ReviewItemRow> lockEscalatable(long campaignId, String fallbackId) {
        return rows().where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId), REVIEW_ITEM.STATUS.eq(ItemStatus.PENDING.name()),
                        REVIEW_ITEM.FLAG.eq(""), REVIEW_ITEM.PERSON_ID.ne(fallbackId),
                        REVIEW_ITEM.REVIEWER_TYPE.eq(Reviewer.Type.GROUP.name())
                                .or(REVIEW_ITEM.REVIEWER_TYPE.eq(Reviewer.Type.USER.name())
                                        .and(REVIEW_ITEM.REVIEWER_ID.ne(fallbackId))))
                .orderBy(REVIEW_ITEM.ID).forUpdate().of(REVIEW_ITEM).fetch(ItemRepository::row);
    }

    /** An item and the stage it is decided at. */
    public record AtStage(long itemId, int stage) {
    }

    /** Records a decision: on the item, and in its history. */
    public void decide(long itemId, int stage, Decision decision, String comment, String decidedBy, ItemStatus status,
                       Instant at) {
        decideAll(List.of(new AtStage(itemId, stage)), decision, comment, decidedBy, status, at);
    }

    /** Records one decision on many items: one update of the items, one insert into their history. */
    public void decideAll(List<AtStage> decided, Decision decision, String comment, String decidedBy, ItemStatus status,
                          Instant at) {
        if (decided.isEmpty()) {
            return;
        }
        db.update(REVIEW_ITEM).set(REVIEW_ITEM.DECISION, decision.name()).set(REVIEW_ITEM.COMMENT, comment)
                .set(REVIEW_ITEM.DECIDED_BY, decidedBy).set(REVIEW_ITEM.DECIDED_AT, utc(at))
                .set(REVIEW_ITEM.STATUS, status.name()).set(REVIEW_ITEM.APPLY_DETAIL, "")
                .set(REVIEW_ITEM.UPDATED_AT, utc(at))
                .where(REVIEW_ITEM.ID.in(decided.stream().map(AtStage::itemId).toList())).execute();
        var history = db.insertInto(REVIEW_ITEM_DECISION, REVIEW_ITEM_DECISION.ITEM_ID, REVIEW_ITEM_DECISION.STAGE,
                REVIEW_ITEM_DECISION.DECISION, REVIEW_ITEM_DECISION.COMMENT, REVIEW_ITEM_DECISION.DECIDED_BY,
                REVIEW_ITEM_DECISION.DECIDED_AT);
        for (AtStage item : decided) {
            history = history.values(item.itemId(), item.stage(), decision.name(), comment, decidedBy, utc(at));
        }
        history.execute();
    }

    /** An item a keep passed to a stage, and that stage's reviewer. */
    public record NextStage(long itemId, int stage, Reviewer reviewer) {
    }

    /** A keep passed the item to the next stage: pending again, with that stage's reviewer. */
    public void nextStage(long itemId, int stage, Reviewer reviewer, Instant at) {
        nextStages(List.of(new NextStage(itemId, stage, reviewer)), at);
    }

    /** {@link #nextStage} for many items in one update, each with its own stage and reviewer. */
    public void nextStages(List<NextStage> passed, Instant at) {
        if (passed.isEmpty()) {
            return;
        }
        Table<?> next = DSL.table("unnest({0}, {1}, {2}, {3}, {4}, {5})",
                        DSL.val(passed.stream().map(NextStage::itemId).toArray(Long[]::new)),
                        DSL.val(passed.stream().map(NextStage::stage).toArray(Integer[]::new)),
                        DSL.val(passed.stream().map(p -> p.reviewer().type().name()).toArray(String[]::new)),
                        DSL.val(passed.stream().map(p -> p.reviewer().id()).toArray(String[]::new)),
                        DSL.val(passed.stream().map(p -> p.reviewer().name()).toArray(String[]::new)),
                        DSL.val(passed.stream().map(p -> p.reviewer().note()).toArray(String[]::new)))
                .as("next", "item_id", "stage", "reviewer_type", "reviewer_id", "reviewer_name", "reviewer_note");
        db.update(REVIEW_ITEM).set(REVIEW_ITEM.STAGE, DSL.field(DSL.name("next", "stage"), Integer.class))
                .set(REVIEW_ITEM.REVIEWER_TYPE, DSL.field(DSL.name("next", "reviewer_type"), String.class))
                .set(REVIEW_ITEM.REVIEWER_ID, DSL.field(DSL.name("next", "reviewer_id"), String.class))
                .set(REVIEW_ITEM.REVIEWER_NAME, DSL.field(DSL.name("next", "reviewer_name"), String.class))
                .set(REVIEW_ITEM.REVIEWER_NOTE, DSL.field(DSL.name("next", "reviewer_note"), String.class))
                .set(REVIEW_ITEM.STATUS, ItemStatus.PENDING.name())
                .setNull(REVIEW_ITEM.DECISION).set(REVIEW_ITEM.COMMENT, "").set(REVIEW_ITEM.DECIDED_BY, "")
                .setNull(REVIEW_ITEM.DECIDED_AT).set(REVIEW_ITEM.UPDATED_AT, utc(at))
                .from(next).where(REVIEW_ITEM.ID.eq(DSL.field(DSL.name("next", "item_id"), Long.class))).execute();
    }

    /** How applying the item's revoke stands now; the caller checks the move is allowed. */
    public void applying(long itemId, ItemStatus status, String detail, Instant at) {
        db.update(REVIEW_ITEM).set(REVIEW_ITEM.STATUS, status.name()).set(REVIEW_ITEM.APPLY_DETAIL, detail)
                .set(REVIEW_ITEM.REMOVED_AT, status == ItemStatus.REMOVED ? utc(at) : null)
                .set(REVIEW_ITEM.UPDATED_AT, utc(at)).where(REVIEW_ITEM.ID.eq(itemId)).execute();
    }

    /** Campaigns with REMOVED items that a sync begun at this time can judge: removed before it began. */
    public List<Long> campaignsWithRemovalsBefore(Instant syncStarted) {
        return db.selectDistinct(REVIEW_ITEM.CAMPAIGN_ID).from(REVIEW_ITEM)
                .where(REVIEW_ITEM.STATUS.eq(ItemStatus.REMOVED.name()), REVIEW_ITEM.REMOVED_AT.lt(utc(syncStarted)),
                        SYNC_SEES)
                .orderBy(REVIEW_ITEM.CAMPAIGN_ID).fetch(REVIEW_ITEM.CAMPAIGN_ID);
    }

    /** The campaign's REMOVED items removed before the sync began, locked. */
    public List<ReviewItemRow> lockRemovedBefore(long campaignId, Instant syncStarted) {
        return rows().where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId), REVIEW_ITEM.STATUS.eq(ItemStatus.REMOVED.name()),
                REVIEW_ITEM.REMOVED_AT.lt(utc(syncStarted)), SYNC_SEES).orderBy(REVIEW_ITEM.ID).forUpdate().of(REVIEW_ITEM)
                .fetch(ItemRepository::row);
    }

    public void confirmed(long itemId, long syncId, Instant syncFinished) {
        db.update(REVIEW_ITEM).set(REVIEW_ITEM.STATUS, ItemStatus.CONFIRMED.name())
                .set(REVIEW_ITEM.CONFIRMED_AT, utc(syncFinished)).set(REVIEW_ITEM.CONFIRMED_BY_SYNC, syncId)
                .set(REVIEW_ITEM.UPDATED_AT, utc(syncFinished)).where(REVIEW_ITEM.ID.eq(itemId)).execute();
    }

    public void stillPresent(long itemId, long syncId, Instant at) {
        db.update(REVIEW_ITEM).set(REVIEW_ITEM.STILL_PRESENT_SYNC, syncId).set(REVIEW_ITEM.UPDATED_AT, utc(at))
                .where(REVIEW_ITEM.ID.eq(itemId)).execute();
    }

    /** The PENDING items of the campaign, locked: the ones a person leaving changes. */
    public List<ReviewItemRow> lockPending(long campaignId) {
        return rows().where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId), REVIEW_ITEM.STATUS.eq(ItemStatus.PENDING.name()))
                .orderBy(REVIEW_ITEM.ID).forUpdate().of(REVIEW_ITEM).fetch(ItemRepository::row);
    }

    public void personLeft(long itemId, String note, Instant at) {
        db.update(REVIEW_ITEM).set(REVIEW_ITEM.PERSON_LEFT, note).set(REVIEW_ITEM.UPDATED_AT, utc(at))
                .where(REVIEW_ITEM.ID.eq(itemId)).execute();
    }

    /** Reviewer and status counts of the campaign's items, for its progress. */
    public List<CampaignProgress.StatusCount> progress(long campaignId) {
        return db.select(REVIEW_ITEM.REVIEWER_TYPE, REVIEW_ITEM.REVIEWER_ID, REVIEW_ITEM.REVIEWER_NAME,
                        REVIEW_ITEM.STATUS, DSL.count())
                .from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                .groupBy(REVIEW_ITEM.REVIEWER_TYPE, REVIEW_ITEM.REVIEWER_ID, REVIEW_ITEM.REVIEWER_NAME, REVIEW_ITEM.STATUS)
                .orderBy(REVIEW_ITEM.REVIEWER_NAME, REVIEW_ITEM.REVIEWER_ID, REVIEW_ITEM.STATUS)
                .fetch(r -> new CampaignProgress.StatusCount(new Reviewer(Reviewer.Type.valueOf(r.value1()), r.value2(),
                        r.value3(), ""), ItemStatus.valueOf(r.value4()), r.value5()));
    }

    /** Ids of the campaign's items nobody decided and the due-date policy has not dealt with, oldest first. */
    /** Items the close still has to deal with: undecided and not held back, or a revoke held for the close. */
    static Condition waitingForClose() {
        return REVIEW_ITEM.STATUS.eq(ItemStatus.PENDING.name()).and(REVIEW_ITEM.FLAG.eq(""))
                .or(REVIEW_ITEM.STATUS.eq(ItemStatus.DECIDED.name()).and(REVIEW_ITEM.DECISION.ne(Decision.KEEP.name())));
    }

    /** Revokes and conversions a campaign holding them for its close has not applied yet. */
    public List<Long> heldRevokes(long campaignId, int limit) {
        return db.select(REVIEW_ITEM.ID).from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                .and(REVIEW_ITEM.STATUS.eq(ItemStatus.DECIDED.name())).and(REVIEW_ITEM.DECISION.ne(Decision.KEEP.name()))
                .orderBy(REVIEW_ITEM.ID).limit(limit).fetch(REVIEW_ITEM.ID);
    }

    public List<Long> undecided(long campaignId, int limit) {
        return db.select(REVIEW_ITEM.ID).from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                .and(REVIEW_ITEM.STATUS.eq(ItemStatus.PENDING.name())).and(REVIEW_ITEM.FLAG.eq(""))
                .orderBy(REVIEW_ITEM.ID).limit(limit).fetch(REVIEW_ITEM.ID);
    }

    /** What the due-date policy weighs for an item: enough to tell admin-level access and what survives. */
    public record PolicyFacts(long id, String accountId, String permissionSetName, String permissionSetArn,
                              ItemStatus status, Optional<Decision> decision, Optional<ItemFlag> flag, ItemKind kind) {

        /**
         * An admin-level account assignment (an access rule or a break-glass grant is not standing access).
         *
         * @param adminLevelArns the permission sets admin-level by their policies, as {@link AdminLevelAccess#arns}
         */
        public boolean adminLevelAssignment(Set<String> adminLevelArns) {
            return kind == ItemKind.STANDING
                    && (AdminLevelAccess.is(permissionSetName) || adminLevelArns.contains(permissionSetArn));
        }
    }

    /** The campaign's undecided items and its admin-level ones (those on one account only, when given). */
    public List<PolicyFacts> policyFacts(long campaignId, Optional<String> accountId, Set<String> adminLevelArns) {
        Condition which = REVIEW_ITEM.STATUS.eq(ItemStatus.PENDING.name()).or(AdminLevelAccess.condition(
                REVIEW_ITEM.PERMISSION_SET_NAME, REVIEW_ITEM.PERMISSION_SET_ARN, adminLevelArns));
        return db.select(REVIEW_ITEM.ID, REVIEW_ITEM.ACCOUNT_ID, REVIEW_ITEM.PERMISSION_SET_NAME,
                        REVIEW_ITEM.PERMISSION_SET_ARN, REVIEW_ITEM.STATUS, REVIEW_ITEM.DECISION, REVIEW_ITEM.FLAG,
                        REVIEW_ITEM.KIND)
                .from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId)).and(which)
                .and(accountId.map(REVIEW_ITEM.ACCOUNT_ID::eq).orElse(DSL.noCondition()))
                .orderBy(REVIEW_ITEM.ID)
                .fetch(r -> new PolicyFacts(r.value1(), r.value2(), r.value3(), r.value4(),
                        ItemStatus.valueOf(r.value5()), Optional.ofNullable(r.value6()).map(Decision::valueOf),
                        Optional.of(r.value7()).filter(f -> !f.isEmpty()).map(ItemFlag::valueOf),
                        ItemKind.valueOf(r.value8())));
    }

    public void flag(long itemId, Optional<ItemFlag> flag, Instant at) {
        db.update(REVIEW_ITEM).set(REVIEW_ITEM.FLAG, flag.map(Enum::name).orElse(""))
                .set(REVIEW_ITEM.UPDATED_AT, utc(at)).where(REVIEW_ITEM.ID.eq(itemId)).execute();
    }

    /** Another reviewer decides the item at its stage, with the reason in the note. */
    public void reassign(long itemId, Reviewer reviewer, Instant at) {
        db.update(REVIEW_ITEM).set(REVIEW_ITEM.REVIEWER_TYPE, reviewer.type().name())
                .set(REVIEW_ITEM.REVIEWER_ID, reviewer.id()).set(REVIEW_ITEM.REVIEWER_NAME, reviewer.name())
                .set(REVIEW_ITEM.REVIEWER_NOTE, reviewer.note()).set(REVIEW_ITEM.UPDATED_AT, utc(at))
                .where(REVIEW_ITEM.ID.eq(itemId)).execute();
    }

    /** The campaign's items in this state, by id. */
    public List<ReviewItemRow> withStatus(long campaignId, ItemStatus status, int limit) {
        return rows().where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId)).and(REVIEW_ITEM.STATUS.eq(status.name()))
                .orderBy(REVIEW_ITEM.ID).limit(limit).fetch(ItemRepository::row);
    }

    /** The campaign's items held back from a revoke for an admin's confirmation. */
    public List<ReviewItemRow> flagged(long campaignId, ItemFlag flag) {
        return rows().where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId)).and(REVIEW_ITEM.FLAG.eq(flag.name()))
                .and(REVIEW_ITEM.STATUS.eq(ItemStatus.PENDING.name())).orderBy(REVIEW_ITEM.ID).fetch(ItemRepository::row);
    }

    /** AWS's request id for the item's removal (kept when this call had none) and, once it succeeded, when. */
    public void written(long itemId, String requestId, Instant appliedAt) {
        var update = db.update(REVIEW_ITEM).set(REVIEW_ITEM.AWS_REQUEST_ID,
                requestId == null || requestId.isEmpty() ? REVIEW_ITEM.AWS_REQUEST_ID : DSL.val(requestId));
        (appliedAt == null ? update : update.set(REVIEW_ITEM.APPLIED_AT,
                DSL.coalesce(REVIEW_ITEM.APPLIED_AT, DSL.val(utc(appliedAt)))))
                .where(REVIEW_ITEM.ID.eq(itemId)).execute();
    }

    /**
     * The campaign's items for its evidence, by account, permission set, person and id, from a cursor, so
     * a campaign of any size is written in constant memory.
     */
    public void eachForEvidence(long campaignId, Consumer<EvidenceRow> each) {
        // One campaign: its stage count once, not a subquery per row; room to sort a large campaign's items.
        db.execute("set local work_mem = '128MB'");
        Field<Integer> stages = DSL.field(DSL.selectCount().from(REVIEW_STAGE)
                .where(REVIEW_STAGE.CAMPAIGN_ID.eq(campaignId))).as(STAGES.getName());
        try (var cursor = db.select(REVIEW_ITEM.fields()).select(REVIEW_CAMPAIGN.NAME, stages).from(REVIEW_ITEM)
                .join(REVIEW_CAMPAIGN).on(REVIEW_CAMPAIGN.ID.eq(REVIEW_ITEM.CAMPAIGN_ID))
                .where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                // Byte order ("C"): sorting half a million rows by the database's collation costs more than writing them.
                .orderBy(REVIEW_ITEM.ACCOUNT_NAME.collate("C"), REVIEW_ITEM.PERMISSION_SET_NAME.collate("C"),
                        REVIEW_ITEM.PERSON_NAME.collate("C"), REVIEW_ITEM.ID)
                .fetchSize(5_000).fetchLazy()) {
            cursor.forEach(r -> each.accept(new EvidenceRow(row(r), r.get(REVIEW_ITEM.AWS_REQUEST_ID),
                    instant(r.get(REVIEW_ITEM.APPLIED_AT)))));
        }
    }

    /** Items by status and by decision (null: undecided), for the evidence summary. */
    public Map<ItemStatus, Integer> countsByStatus(long campaignId) {
        return db.select(REVIEW_ITEM.STATUS, DSL.count()).from(REVIEW_ITEM).where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                .groupBy(REVIEW_ITEM.STATUS).fetchMap(r -> ItemStatus.valueOf(r.value1()), r -> r.value2());
    }

    public int pendingCount(long campaignId) {
        return db.fetchCount(REVIEW_ITEM, REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId)
                .and(REVIEW_ITEM.STATUS.eq(ItemStatus.PENDING.name())));
    }

    /** Items with their campaign's name and stage count, as {@link #row} reads them. */
    SelectOnConditionStep<Record> rows() {
        return db.select(REVIEW_ITEM.fields()).select(REVIEW_CAMPAIGN.NAME, STAGES).from(REVIEW_ITEM)
                .join(REVIEW_CAMPAIGN).on(REVIEW_CAMPAIGN.ID.eq(REVIEW_ITEM.CAMPAIGN_ID));
    }

    static ReviewItemRow row(Record r) {
        return new ReviewItemRow(r.get(REVIEW_ITEM.ID), r.get(REVIEW_ITEM.CAMPAIGN_ID), r.get(REVIEW_CAMPAIGN.NAME),
                new ReviewItemRow.Person(r.get(REVIEW_ITEM.PERSON_ID), r.get(REVIEW_ITEM.PERSON_NAME)),
                new ReviewItemRow.Access(r.get(REVIEW_ITEM.ACCOUNT_ID), r.get(REVIEW_ITEM.ACCOUNT_NAME),
                        r.get(REVIEW_ITEM.OU_PATH), r.get(REVIEW_ITEM.PERMISSION_SET_ARN),
                        r.get(REVIEW_ITEM.PERMISSION_SET_NAME)),
                HowHeld.valueOf(r.get(REVIEW_ITEM.HELD)), r.get(REVIEW_ITEM.GROUP_ID), r.get(REVIEW_ITEM.GROUP_NAME),
                instant(r.get(REVIEW_ITEM.FIRST_SEEN)), r.get(REVIEW_ITEM.STAGE), r.get(STAGES),
                new Reviewer(Reviewer.Type.valueOf(r.get(REVIEW_ITEM.REVIEWER_TYPE)), r.get(REVIEW_ITEM.REVIEWER_ID),
                        r.get(REVIEW_ITEM.REVIEWER_NAME), r.get(REVIEW_ITEM.REVIEWER_NOTE)),
                ItemStatus.valueOf(r.get(REVIEW_ITEM.STATUS)),
                Optional.ofNullable(r.get(REVIEW_ITEM.DECISION)).map(Decision::valueOf), r.get(REVIEW_ITEM.COMMENT),
                r.get(REVIEW_ITEM.DECIDED_BY), instant(r.get(REVIEW_ITEM.DECIDED_AT)), r.get(REVIEW_ITEM.APPLY_DETAIL),
                new ReviewItemRow.AfterSync(instant(r.get(REVIEW_ITEM.CONFIRMED_AT)),
                        Optional.ofNullable(r.get(REVIEW_ITEM.CONFIRMED_BY_SYNC)),
                        Optional.ofNullable(r.get(REVIEW_ITEM.STILL_PRESENT_SYNC))),
                r.get(REVIEW_ITEM.PERSON_LEFT),
                Optional.of(r.get(REVIEW_ITEM.FLAG)).filter(flag -> !flag.isEmpty()).map(ItemFlag::valueOf),
                r.get(REVIEW_ITEM.NEW_SINCE_LAST_REVIEW), ItemKind.valueOf(r.get(REVIEW_ITEM.KIND)),
                r.get(REVIEW_ITEM.SUBJECT_ID), r.get(REVIEW_ITEM.ABOUT));
    }

    private static Optional<Instant> instant(OffsetDateTime at) {
        return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
    }
}
