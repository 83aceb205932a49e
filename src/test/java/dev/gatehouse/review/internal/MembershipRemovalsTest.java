package dev.gatehouse.review.internal;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewDecisions;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * A revoke of access held through a group removes the person from the group in the Identity Store when
 * the group is made there, and waits for the IdP when a SCIM sync provisions it; a refused removal is
 * retried, and one run again after a crash converges. Each test has a group and people of its own.
 */
@SpringBootTest
class MembershipRemovalsTest {

    private static final Duration APPLIED = Duration.ofSeconds(30);
    private static final String IDP = "https://idp.example.com/scim/v2";

    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private MembershipRemovals removals;
    @Autowired
    private MembershipRemovalRepository removalRows;
    @Autowired
    private ItemRepository items;
    @Autowired
    private PlatformTransactionManager transactions;

    private String avery;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
        avery = fixtures.userId(TestUsers.APPROVER);
    }

    @AfterEach
    void allowRemovals() {
        sandbox.allow("DeleteGroupMembership");
    }

    @Test
    void a_revoke_of_access_through_an_identity_store_group_removes_the_person_from_the_group() {
        String casey = fixtures.person("Casey", avery);
        String colleague = fixtures.person("Blake", avery);
        String group = groupWith(null, casey, colleague);
        AccountRow account = groupAccess(group);
        ReviewItemRow item = only(launched(account, casey));
        assertThat(directory.groupIds(casey)).contains(group);

        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, "Left the build team"));

        ReviewItemRow removed = awaitStatus(item, ItemStatus.REMOVED);
        assertThat(removed.applyDetail()).isEmpty();
        assertThat(fixtures.memberInSandbox(group, casey)).isFalse();
        assertThat(fixtures.memberInSandbox(group, colleague)).as("nobody else leaves the group").isTrue();
        assertThat(inSandbox(account, group)).as("the group's assignment stays for everyone else").isTrue();
        assertThat(directory.groupIds(casey)).as("the directory shows it before the next sync").doesNotContain(group);
    }

    @Test
    void a_revoke_of_access_through_a_group_from_the_idp_waits_for_the_idp_and_removes_nothing() {
        String casey = fixtures.person("Casey", avery);
        String group = groupWith(IDP, casey);
        AccountRow account = groupAccess(group);
        ReviewItemRow item = only(launched(account, casey));

        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, ""));

        ReviewItemRow waiting = awaitStatus(item, ItemStatus.WAITING_FOR_IDP);
        assertThat(waiting.applyDetail()).isEqualTo("Remove Casey Tester from group " + item.groupName()
                + " in your identity provider: the group comes from " + IDP + ", which would add them back");
        assertThat(fixtures.memberInSandbox(group, casey)).as("nothing was removed in the Identity Store").isTrue();
    }

    @Test
    void a_membership_removal_the_identity_store_refuses_shows_its_reason_and_ends_removed_when_retried() {
        String casey = fixtures.person("Casey", avery);
        String group = groupWith(null, casey);
        AccountRow account = groupAccess(group);
        ReviewItemRow item = only(launched(account, casey));
        sandbox.deny("DeleteGroupMembership");

        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, ""));

        ReviewItemRow failed = awaitStatus(item, ItemStatus.FAILED);
        assertThat(failed.applyDetail()).startsWith("The Identity Store refused to remove Casey Tester from group "
                + item.groupName() + ", which is tried again: ")
                .contains("not authorized to perform: identitystore:DeleteGroupMembership");
        assertThat(fixtures.memberInSandbox(group, casey)).isTrue();

        sandbox.allow("DeleteGroupMembership");

        assertThat(awaitStatus(item, ItemStatus.REMOVED).applyDetail()).isEmpty();
        assertThat(fixtures.memberInSandbox(group, casey)).isFalse();
        Integer attempts = transaction().execute(tx -> removalRows.lock(item.id()).orElseThrow().attempts());
        assertThat(attempts).as("each call counted before it went out").isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_removal_run_again_after_a_crash_finds_the_membership_gone_and_ends_removed_asking_nothing_twice() {
        String casey = fixtures.person("Casey", avery);
        String group = groupWith(null, casey);
        AccountRow account = groupAccess(group);
        ReviewItemRow item = only(launched(account, casey));
        // The decision's transaction committed its row, and the node died: the task never started.
        transaction().executeWithoutResult(tx -> {
            items.decide(item.id(), 1, Decision.REVOKE, "", "Avery Patel", ItemStatus.APPLYING, Instant.now());
            removalRows.request(item.id(), group, casey, Instant.now());
        });
        // ...or it did, and the membership went before the outcome was recorded.
        String membership = sandbox.organization().memberships().stream()
                .filter(m -> m.groupId().equals(group) && m.userId().equals(casey)).findFirst().orElseThrow().id();
        sandbox.organization().removeMembership(membership);
        long deletesBefore = sandbox.calls().getOrDefault("DeleteGroupMembership", 0L);

        removals.remove(item.id());

        ReviewItemRow removed = find(item);
        assertThat(removed.status()).isEqualTo(ItemStatus.REMOVED);
        assertThat(removed.applyDetail()).isEqualTo("Casey Tester was no longer in group " + item.groupName());
        long lookups = sandbox.calls().get("GetGroupMembershipId");

        removals.remove(item.id());

        assertThat(find(item).status()).isEqualTo(ItemStatus.REMOVED);
        assertThat(sandbox.calls().get("GetGroupMembershipId")).as("a finished removal asks AWS nothing").isEqualTo(lookups);
        assertThat(sandbox.calls().getOrDefault("DeleteGroupMembership", 0L)).isEqualTo(deletesBefore);
    }

    private String groupWith(String externalIssuer, String... members) {
        String group = fixtures.group("build-team", externalIssuer);
        for (String member : members) {
            fixtures.member(group, member);
        }
        return group;
    }

    /** ReadOnlyAccess for the group on a fresh account, and a sync so the group and its members are in the mirror. */
    private AccountRow groupAccess(String group) {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "ReadOnlyAccess", "GROUP", group);
        fixtures.sync();
        return account;
    }

    private ReviewCampaign launched(AccountRow account, String person) {
        return fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())).ofPeople(Set.of(person)),
                List.of(ReviewerStage.manager())));
    }

    private ReviewItemRow only(ReviewCampaign campaign) {
        List<ReviewItemRow> found = fixtures.items(campaign);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private ReviewItemRow find(ReviewItemRow item) {
        return items.find(item.id()).orElseThrow();
    }

    private ReviewItemRow awaitStatus(ReviewItemRow item, ItemStatus status) {
        return Awaitility.await().atMost(APPLIED).until(() -> find(item), i -> i.status() == status);
    }

    private boolean inSandbox(AccountRow account, String group) {
        return sandbox.organization().assignments().contains(new SandboxOrganization.Assignment(account.id(),
                fixtures.arn("ReadOnlyAccess"), "GROUP", group));
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactions);
    }
}
