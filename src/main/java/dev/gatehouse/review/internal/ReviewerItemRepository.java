package dev.gatehouse.review.internal;

import static dev.gatehouse.db.Tables.REVIEW_CAMPAIGN;
import static dev.gatehouse.db.Tables.REVIEW_ITEM;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectLimitPercentStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.ItemChoice;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.MyReviewsFilter;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.shared.SearchText;

/**
 * What My reviews lists: a reviewer's items of active campaigns, filtered, searched and ordered in SQL by one
 * condition, so a page, its count and a bulk decision's chunks never disagree.
 */
@Repository
public class ReviewerItemRepository {

    private final DSLContext db;
    private final ItemRepository items;

    ReviewerItemRepository(DSLContext db, ItemRepository items) {
        this.db = db;
        this.items = items;
    }

    /**
     * Items of active campaigns the person decides now: as the reviewer, or as a member of the reviewer
     * group; never their own. By person, account, permission set, then id.
     */
    /**
     * Items of active campaigns the person decides now (as the reviewer, or as a member of the reviewer group;
     * never their own) that match the filter, by person then account or by account then person, then
     * permission set and id.
     *
     * @param adminLevelArns the permission sets whose policies make them admin-level, besides those
     *                       {@link AdminLevelAccess} names
     */
    public List<ReviewItemRow> reviewedBy(String userId, Set<String> groupIds, MyReviewsFilter filter,
                                          Set<String> adminLevelArns, int offset, int limit) {
        return items.rows().where(reviewedByCondition(userId, groupIds)).and(matching(filter, adminLevelArns))
                .orderBy(order(filter.grouping())).offset(offset).limit(limit).fetch(ItemRepository::row);
    }

    public int reviewedByCount(String userId, Set<String> groupIds, MyReviewsFilter filter, Set<String> adminLevelArns) {
        return db.fetchCount(db.select().from(REVIEW_ITEM).join(REVIEW_CAMPAIGN)
                .on(REVIEW_CAMPAIGN.ID.eq(REVIEW_ITEM.CAMPAIGN_ID)).where(reviewedByCondition(userId, groupIds))
                .and(matching(filter, adminLevelArns)));
    }

    /** The next of the person's items matching the filter after this id, by id: a bulk decision's chunk. */
    public List<ReviewItemRow> reviewedByAfter(String userId, Set<String> groupIds, MyReviewsFilter filter,
                                               Set<String> adminLevelArns, long afterId, int limit) {
        return after(userId, groupIds, filter, adminLevelArns, afterId, limit).fetch(ItemRepository::row);
    }

    /** {@link #reviewedByAfter}, the rows locked until the transaction ends, so the chunk is decided as read. */
    public List<ReviewItemRow> lockReviewedByAfter(String userId, Set<String> groupIds, MyReviewsFilter filter,
                                                   Set<String> adminLevelArns, long afterId, int limit) {
        return after(userId, groupIds, filter, adminLevelArns, afterId, limit).forUpdate().of(REVIEW_ITEM)
                .fetch(ItemRepository::row);
    }

    private SelectLimitPercentStep<Record> after(String userId, Set<String> groupIds, MyReviewsFilter filter,
                                                 Set<String> adminLevelArns, long afterId, int limit) {
        return items.rows().where(reviewedByCondition(userId, groupIds)).and(matching(filter, adminLevelArns))
                .and(REVIEW_ITEM.ID.gt(afterId)).orderBy(REVIEW_ITEM.ID).limit(limit);
    }

    /** The accounts among the person's items whose name or id contains the text, by name: "payments (111122223333)". */
    public List<ItemChoice> reviewedAccounts(String userId, Set<String> groupIds, String text, int offset, int limit) {
        Field<String> name = DSL.max(REVIEW_ITEM.ACCOUNT_NAME);
        return db.select(REVIEW_ITEM.ACCOUNT_ID, name).from(REVIEW_ITEM).join(REVIEW_CAMPAIGN)
                .on(REVIEW_CAMPAIGN.ID.eq(REVIEW_ITEM.CAMPAIGN_ID)).where(reviewedByCondition(userId, groupIds))
                .and(contains(text, REVIEW_ITEM.ACCOUNT_NAME, REVIEW_ITEM.ACCOUNT_ID))
                .groupBy(REVIEW_ITEM.ACCOUNT_ID).orderBy(name, REVIEW_ITEM.ACCOUNT_ID).offset(offset).limit(limit)
                .fetch(r -> new ItemChoice(r.value1(), r.value2() + " (" + r.value1() + ")"));
    }

    /** The permission sets among the person's items whose name contains the text, by name. */
    public List<ItemChoice> reviewedPermissionSets(String userId, Set<String> groupIds, String text, int offset,
                                                   int limit) {
        Field<String> name = DSL.max(REVIEW_ITEM.PERMISSION_SET_NAME);
        return db.select(REVIEW_ITEM.PERMISSION_SET_ARN, name).from(REVIEW_ITEM).join(REVIEW_CAMPAIGN)
                .on(REVIEW_CAMPAIGN.ID.eq(REVIEW_ITEM.CAMPAIGN_ID)).where(reviewedByCondition(userId, groupIds))
                .and(contains(text, REVIEW_ITEM.PERMISSION_SET_NAME))
                .groupBy(REVIEW_ITEM.PERMISSION_SET_ARN).orderBy(name, REVIEW_ITEM.PERMISSION_SET_ARN)
                .offset(offset).limit(limit).fetch(r -> new ItemChoice(r.value1(), r.value2()));
    }

    private static Condition matching(MyReviewsFilter filter, Set<String> adminLevelArns) {
        Condition matching = switch (filter.decided()) {
            case ANY -> DSL.noCondition();
            case UNDECIDED -> REVIEW_ITEM.STATUS.eq(ItemStatus.PENDING.name());
            case DECIDED -> REVIEW_ITEM.STATUS.ne(ItemStatus.PENDING.name());
        };
        if (filter.adminLevelOnly()) {
            matching = matching.and(AdminLevelAccess.condition(REVIEW_ITEM.PERMISSION_SET_NAME,
                    REVIEW_ITEM.PERMISSION_SET_ARN, adminLevelArns));
        }
        matching = matching.and(filter.accountId().map(REVIEW_ITEM.ACCOUNT_ID::eq).orElse(DSL.noCondition()))
                .and(filter.permissionSetArn().map(REVIEW_ITEM.PERMISSION_SET_ARN::eq).orElse(DSL.noCondition()))
                .and(filter.held().map(how -> REVIEW_ITEM.HELD.eq(how.name())).orElse(DSL.noCondition()))
                .and(filter.kind().map(kind -> REVIEW_ITEM.KIND.eq(kind.name())).orElse(DSL.noCondition()));
        return matching.and(contains(filter.search(), REVIEW_ITEM.PERSON_NAME, REVIEW_ITEM.ACCOUNT_NAME,
                REVIEW_ITEM.ACCOUNT_ID, REVIEW_ITEM.PERMISSION_SET_NAME, REVIEW_ITEM.GROUP_NAME, REVIEW_ITEM.ABOUT));
    }

    @SafeVarargs
    private static Condition contains(String text, Field<String>... fields) {
        if (text == null || text.isBlank()) {
            return DSL.noCondition();
        }
        String pattern = SearchText.containsPattern(text);
        return DSL.or(Arrays.stream(fields).map(field -> field.likeIgnoreCase(pattern, SearchText.ESCAPE)).toList());
    }

    private static List<SortField<?>> order(MyReviewsFilter.Grouping grouping) {
        return switch (grouping) {
            case BY_PERSON -> List.of(REVIEW_ITEM.PERSON_NAME.asc(), REVIEW_ITEM.PERSON_ID.asc(),
                    REVIEW_ITEM.ACCOUNT_NAME.asc(), REVIEW_ITEM.ACCOUNT_ID.asc(), REVIEW_ITEM.PERMISSION_SET_NAME.asc(),
                    REVIEW_ITEM.ID.asc());
            case BY_ACCOUNT -> List.of(REVIEW_ITEM.ACCOUNT_NAME.asc(), REVIEW_ITEM.ACCOUNT_ID.asc(),
                    REVIEW_ITEM.PERSON_NAME.asc(), REVIEW_ITEM.PERSON_ID.asc(), REVIEW_ITEM.PERMISSION_SET_NAME.asc(),
                    REVIEW_ITEM.ID.asc());
        };
    }

    private static Condition reviewedByCondition(String userId, Set<String> groupIds) {
        Condition reviewer = REVIEW_ITEM.REVIEWER_TYPE.eq(Reviewer.Type.USER.name()).and(REVIEW_ITEM.REVIEWER_ID.eq(userId));
        if (!groupIds.isEmpty()) {
            reviewer = reviewer.or(REVIEW_ITEM.REVIEWER_TYPE.eq(Reviewer.Type.GROUP.name())
                    .and(REVIEW_ITEM.REVIEWER_ID.in(groupIds)));
        }
        return reviewer.and(REVIEW_ITEM.PERSON_ID.ne(userId))
                .and(REVIEW_CAMPAIGN.STATUS.eq(CampaignStatus.ACTIVE.name()));
    }
}
