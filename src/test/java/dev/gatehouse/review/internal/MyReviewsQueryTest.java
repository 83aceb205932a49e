package dev.gatehouse.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemChoice;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.MyReviewsFilter;
import dev.gatehouse.review.MyReviewsFilter.Decided;
import dev.gatehouse.review.MyReviewsFilter.Grouping;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewerStage;

/**
 * My reviews' queries: every filter narrows on the server, the count always says how many the pages hold,
 * and the grouping orders by person then account or by account then person.
 */
@SpringBootTest
class MyReviewsQueryTest {

    @Autowired
    private ItemRepository items;
    @Autowired
    private ReviewerItemRepository reviewerItems;
    @Autowired
    private ReviewFixtures fixtures;

    private String boss;
    private String zed;
    private String abe;
    private String group;
    private AccountRow first;
    private AccountRow second;

    /**
     * A manager of their own with two reports: Zed holds Developer on the first account, AdministratorAccess
     * on the second and ReadOnlyAccess there through a group; Abe holds ReadOnlyAccess on the first and
     * Developer on the second.
     */
    @BeforeEach
    void twoPeopleOnTwoAccounts() {
        fixtures.demoDirectory();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        boss = fixtures.person("Boss" + tag, "self");
        zed = fixtures.person("Zed" + tag, boss);
        abe = fixtures.person("Abe" + tag, boss);
        first = fixtures.account();
        second = fixtures.account();
        group = fixtures.group("builders" + tag, null);
        fixtures.member(group, zed);
        fixtures.standing(first, "Developer", "USER", zed);
        fixtures.standing(second, "AdministratorAccess", "USER", zed);
        fixtures.standing(first, "ReadOnlyAccess", "USER", abe);
        fixtures.standing(second, "Developer", "USER", abe);
        fixtures.standing(second, "ReadOnlyAccess", "GROUP", group);
        fixtures.sync();
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(first.id(), second.id())),
                List.of(ReviewerStage.manager())));
    }

    @Test
    void grouped_by_person_each_persons_items_come_together_by_account_and_by_account_each_accounts_by_person() {
        List<ReviewItemRow> byPerson = page(MyReviewsFilter.everything());
        List<ReviewItemRow> byAccount = page(MyReviewsFilter.everything().grouping(Grouping.BY_ACCOUNT));

        assertThat(first.name()).as("fresh accounts are handed out in name order").isLessThan(second.name());
        assertThat(byPerson).extracting(item -> item.person().userId() + " " + item.access().accountId())
                .containsExactly(abe + " " + first.id(), abe + " " + second.id(), zed + " " + first.id(),
                        zed + " " + second.id(), zed + " " + second.id());
        assertThat(byAccount).extracting(item -> item.access().accountId() + " " + item.person().userId())
                .containsExactly(first.id() + " " + abe, first.id() + " " + zed, second.id() + " " + abe,
                        second.id() + " " + zed, second.id() + " " + zed);
        assertThat(byAccount.subList(3, 5)).as("then by permission set").extracting(item -> item.access().permissionSetName())
                .containsExactly("AdministratorAccess", "ReadOnlyAccess");
        assertThat(count(MyReviewsFilter.everything().grouping(Grouping.BY_ACCOUNT))).isEqualTo(5);
        assertThat(reviewerItems.reviewedBy(boss, Set.of(), MyReviewsFilter.everything(), Set.of(), 2, 2))
                .as("pages follow the order").extracting(ReviewItemRow::id)
                .containsExactly(byPerson.get(2).id(), byPerson.get(3).id());
    }

    @Test
    void each_filter_narrows_the_items_and_the_count_says_how_many() {
        assertFilter(MyReviewsFilter.everything(), 5);
        assertFilter(MyReviewsFilter.everything().account(Optional.of(first.id())), 2);
        assertFilter(MyReviewsFilter.everything().permissionSet(Optional.of(fixtures.arn("ReadOnlyAccess"))), 2);
        assertFilter(MyReviewsFilter.everything().held(Optional.of(HowHeld.GROUP)), 1);
        assertFilter(MyReviewsFilter.everything().held(Optional.of(HowHeld.DIRECT)), 4);
        assertFilter(MyReviewsFilter.everything().adminLevelOnly(true), 1);
        assertFilter(MyReviewsFilter.everything().account(Optional.of(second.id())).held(Optional.of(HowHeld.DIRECT))
                .permissionSet(Optional.of(fixtures.arn("Developer"))), 1);

        assertThat(page(MyReviewsFilter.everything().held(Optional.of(HowHeld.GROUP))))
                .extracting(ReviewItemRow::groupId).containsExactly(group);
        assertThat(page(MyReviewsFilter.everything().adminLevelOnly(true)))
                .extracting(item -> item.access().permissionSetName()).containsExactly("AdministratorAccess");
    }

    @Test
    void the_risk_filter_adds_the_permission_sets_whose_policies_are_admin_level_to_the_named_ones() {
        List<ReviewItemRow> admin = reviewerItems.reviewedBy(boss, Set.of(), MyReviewsFilter.everything().adminLevelOnly(true),
                Set.of(fixtures.arn("Developer")), 0, 50);

        assertThat(admin).extracting(item -> item.access().permissionSetName())
                .containsExactlyInAnyOrder("AdministratorAccess", "Developer", "Developer");
        assertThat(reviewerItems.reviewedByCount(boss, Set.of(), MyReviewsFilter.everything().adminLevelOnly(true),
                Set.of(fixtures.arn("Developer")))).isEqualTo(3);
    }

    @Test
    void the_search_matches_person_account_permission_set_and_group_names_and_takes_wildcards_literally() {
        String zedName = page(MyReviewsFilter.everything()).get(4).person().displayName();
        assertFilter(MyReviewsFilter.everything().search(zedName.substring(0, 9).toUpperCase()), 3);
        assertFilter(MyReviewsFilter.everything().search(name(second.id())), 3);
        assertFilter(MyReviewsFilter.everything().search(first.id()), 2);
        assertFilter(MyReviewsFilter.everything().search("administrator"), 1);
        assertFilter(MyReviewsFilter.everything().search("builders"), 1);
        assertFilter(MyReviewsFilter.everything().search("%"), 0);
        assertFilter(MyReviewsFilter.everything().search("_"), 0);
    }

    @Test
    void decided_and_undecided_split_the_items_as_the_reviewer_decides() {
        ReviewItemRow kept = page(MyReviewsFilter.everything()).get(0);
        items.decide(kept.id(), 1, Decision.KEEP, "Still on the team", "Boss", ItemStatus.DECIDED, Instant.now());

        assertFilter(MyReviewsFilter.everything().decided(Decided.UNDECIDED), 4);
        assertFilter(MyReviewsFilter.everything().decided(Decided.DECIDED), 1);
        assertThat(page(MyReviewsFilter.everything().decided(Decided.DECIDED))).extracting(ReviewItemRow::id)
                .containsExactly(kept.id());
        assertThat(page(MyReviewsFilter.everything().decided(Decided.UNDECIDED))).extracting(ReviewItemRow::id)
                .doesNotContain(kept.id());
    }

    @Test
    void a_bulk_decision_walks_the_matching_items_by_id_in_chunks() {
        MyReviewsFilter direct = MyReviewsFilter.everything().held(Optional.of(HowHeld.DIRECT));
        List<ReviewItemRow> chunk = reviewerItems.reviewedByAfter(boss, Set.of(), direct, Set.of(), 0, 3);
        List<ReviewItemRow> rest = reviewerItems.reviewedByAfter(boss, Set.of(), direct, Set.of(), chunk.get(2).id(), 3);

        assertThat(chunk).hasSize(3).extracting(ReviewItemRow::id).isSorted();
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).id()).isGreaterThan(chunk.get(2).id());
        assertThat(reviewerItems.reviewedByAfter(boss, Set.of(), direct, Set.of(), rest.get(0).id(), 3)).isEmpty();
    }

    @Test
    void the_filter_lists_offer_the_reviewers_own_accounts_and_permission_sets() {
        assertThat(reviewerItems.reviewedAccounts(boss, Set.of(), "", 0, 50)).containsExactlyInAnyOrder(
                new ItemChoice(first.id(), name(first.id()) + " (" + first.id() + ")"),
                new ItemChoice(second.id(), name(second.id()) + " (" + second.id() + ")"));
        assertThat(reviewerItems.reviewedAccounts(boss, Set.of(), first.id(), 0, 50)).extracting(ItemChoice::id)
                .containsExactly(first.id());
        assertThat(reviewerItems.reviewedPermissionSets(boss, Set.of(), "", 0, 50)).extracting(ItemChoice::label)
                .containsExactly("AdministratorAccess", "Developer", "ReadOnlyAccess");
        assertThat(reviewerItems.reviewedPermissionSets(boss, Set.of(), "read", 0, 50)).extracting(ItemChoice::id)
                .containsExactly(fixtures.arn("ReadOnlyAccess"));
        assertThat(reviewerItems.reviewedAccounts(zed, Set.of(), "", 0, 50)).as("nobody reviews their own access").isEmpty();
    }

    private void assertFilter(MyReviewsFilter filter, int expected) {
        assertThat(count(filter)).as("count of %s", filter).isEqualTo(expected);
        assertThat(page(filter)).as("items of %s", filter).hasSize(expected);
    }

    private List<ReviewItemRow> page(MyReviewsFilter filter) {
        return reviewerItems.reviewedBy(boss, Set.of(), filter, Set.of(), 0, 50);
    }

    private int count(MyReviewsFilter filter) {
        return reviewerItems.reviewedByCount(boss, Set.of(), filter, Set.of());
    }

    private String name(String accountId) {
        return (accountId.equals(first.id()) ? first : second).name();
    }
}
