package dev.gatehouse.review.internal;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectorySync;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.EvidenceKind;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewDecisions;
import dev.gatehouse.review.ReviewEvidence;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.MyReviewsFilter;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.shared.CsvWriter;

/**
 * After a sync: a removal the inventory no longer shows is confirmed, one still there is flagged; a person
 * under review who was disabled has their items marked; a reviewer who left hands their items to the
 * fallback. Each test has people, groups and accounts of its own.
 */
@SpringBootTest
class AfterSyncTest {

    private static final Duration SEEN = Duration.ofSeconds(30);

    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private ReviewEvidence evidence;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private DirectorySync directorySync;
    @Autowired
    private ItemRepository items;

    private String avery;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
        avery = fixtures.userId(TestUsers.APPROVER);
    }

    @Test
    void the_next_sync_confirms_a_removal_and_flags_one_whose_access_is_still_there() {
        String casey = fixtures.person("Casey", avery);
        String blake = fixtures.person("Blake", avery);
        String group = fixtures.group("build-team", null);
        fixtures.member(group, casey);
        fixtures.member(group, blake);
        AccountRow account = fixtures.account();
        fixtures.standing(account, "ReadOnlyAccess", "GROUP", group);
        fixtures.sync();
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id()))
                .ofPeople(Set.of(casey, blake)), List.of(ReviewerStage.manager())));
        ReviewItemRow caseys = only(campaign, casey);
        ReviewItemRow blakes = only(campaign, blake);
        as(TestUsers.APPROVER, () -> decisions.decide(caseys.id(), Decision.REVOKE, ""));
        as(TestUsers.APPROVER, () -> decisions.decide(blakes.id(), Decision.REVOKE, ""));
        awaitStatus(caseys, ItemStatus.REMOVED);
        awaitStatus(blakes, ItemStatus.REMOVED);
        // Someone puts Blake back in the group outside Gatehouse.
        fixtures.member(group, blake);

        SyncRun sync = fixtures.sync();

        ReviewItemRow confirmed = awaitStatus(caseys, ItemStatus.CONFIRMED);
        assertThat(confirmed.afterSync().confirmedBySync()).contains(sync.id());
        assertThat(confirmed.afterSync().confirmedAt()).isEqualTo(sync.finishedAt());
        ReviewItemRow flagged = Awaitility.await().atMost(SEEN).until(() -> find(blakes),
                i -> !i.afterSync().flag().isEmpty());
        assertThat(flagged.status()).isEqualTo(ItemStatus.REMOVED);
        assertThat(flagged.afterSync().flag()).isEqualTo("still present after sync #" + sync.id());
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        as(TestUsers.AUDITOR, () -> {
            evidence.download(campaign.id(), EvidenceKind.ITEMS_CSV, csv);
            return null;
        });
        assertThat(csv.toString(StandardCharsets.UTF_8).lines()).as("the evidence's confirmed by sync at")
                .anyMatch(line -> line.startsWith(caseys.id() + ",") && line.contains(",CONFIRMED,")
                        && line.contains("," + CsvWriter.time(sync.finishedAt().orElseThrow()) + ","));
    }

    @Test
    void a_person_disabled_mid_campaign_has_their_items_marked_and_still_offered_for_revocation() {
        String casey = fixtures.person("Casey", avery);
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", casey);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        ReviewItemRow item = only(campaign, casey);
        SandboxOrganization.User user = sandbox.organization().users().stream().filter(u -> u.id().equals(casey))
                .findFirst().orElseThrow();
        sandbox.organization().add(new SandboxOrganization.User(user.id(), user.userName(), user.givenName(),
                user.familyName(), user.email(), user.managerId(), false));

        as(TestUsers.ADMIN, () -> directorySync.refreshUser(casey));

        ReviewItemRow marked = Awaitility.await().atMost(SEEN).until(() -> find(item), i -> !i.personLeft().isEmpty());
        assertThat(marked.personLeft()).isEqualTo("left: disabled in the Identity Store");
        assertThat(marked.status()).isEqualTo(ItemStatus.PENDING);
        assertThat(as(TestUsers.APPROVER, () -> decisions.myItems(MyReviewsFilter.everything(), 0, 10_000))).extracting(i -> i.item().id())
                .contains(item.id());
        assertThat(as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, "Left the company"))
                .status()).isEqualTo(ItemStatus.APPLYING);
    }

    @Test
    void a_reviewer_who_left_has_their_items_moved_to_the_fallback_reviewer_with_the_reason() {
        String drew = fixtures.person("Drew", avery);
        String casey = fixtures.person("Casey", drew);
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", casey);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        ReviewItemRow item = only(campaign, casey);
        assertThat(item.reviewer().id()).isEqualTo(drew);
        sandbox.organization().removeUser(drew);

        fixtures.sync();

        ReviewItemRow moved = Awaitility.await().atMost(SEEN).until(() -> find(item),
                i -> !i.reviewer().id().equals(drew));
        assertThat(moved.reviewer()).isEqualTo(new Reviewer(Reviewer.Type.USER, campaign.fallbackReviewerId(),
                "Morgan Reyes", "The reviewer, Drew Tester, left: deleted in the Identity Store."));
        assertThat(moved.status()).isEqualTo(ItemStatus.PENDING);
        assertThat(as(TestUsers.ADMIN, () -> decisions.myItems(MyReviewsFilter.everything(), 0, 10_000))).extracting(i -> i.item().id())
                .contains(item.id());
    }

    private ReviewItemRow only(ReviewCampaign campaign, String personId) {
        List<ReviewItemRow> found = fixtures.items(campaign).stream().filter(i -> i.person().userId().equals(personId))
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private ReviewItemRow find(ReviewItemRow item) {
        return items.find(item.id()).orElseThrow();
    }

    private ReviewItemRow awaitStatus(ReviewItemRow item, ItemStatus status) {
        return Awaitility.await().atMost(SEEN).until(() -> find(item), i -> i.status() == status);
    }
}
