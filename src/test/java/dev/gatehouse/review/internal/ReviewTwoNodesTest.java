package dev.gatehouse.review.internal;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gatehouse.SecondNode;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewDecisions;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * Two Gatehouse nodes on one database and one Identity Center: this test's context and a second one in
 * production mode against the same sandbox. Both take the same campaign's launch snapshot at the same moment,
 * and both apply each revoke at the same moment (besides the scheduler's own task on either node): the
 * campaign is launched once with each item once, and each revoked assignment is deleted with one
 * DeleteAccountAssignment.
 */
@SpringBootTest
class ReviewTwoNodesTest {

    private static final int ACCOUNTS = 6;
    private static ConfigurableApplicationContext secondNode;

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private CampaignLaunch launch;
    @Autowired
    private Revocations revocations;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private SandboxAccounts accounts;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void two_nodes_launch_a_campaign_once_and_delete_each_revoked_assignment_once() throws Exception {
        fixtures.demoDirectory();
        String riley = fixtures.userId(TestUsers.REQUESTER);
        List<AccountRow> fresh = accounts.fresh(ACCOUNTS);
        fresh.forEach(account -> fixtures.standing(account, "Developer", "USER", riley));
        CampaignLaunch otherLaunch = secondNode().getBean(CampaignLaunch.class);
        Revocations otherRevocations = secondNode().getBean(Revocations.class);
        long id = as(TestUsers.ADMIN, () -> campaigns.create(fixtures.draft(CampaignScope.accounts(fresh.stream()
                .map(AccountRow::id).collect(Collectors.toSet())), List.of(ReviewerStage.manager())))).id();
        as(TestUsers.ADMIN, () -> campaigns.launch(id));

        List<Boolean> launched = race(() -> launch.launch(id), () -> otherLaunch.launch(id));

        // The scheduler's own review-launch task may have won the race: then neither call launched it.
        assertThat(launched).filteredOn(Boolean::booleanValue).hasSizeLessThanOrEqualTo(1);
        ReviewCampaign campaign = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> as(TestUsers.ADMIN, () -> campaigns.campaign(id)), c -> c.status() == CampaignStatus.ACTIVE);
        List<ReviewItemRow> snapshot = fixtures.items(campaign);
        assertThat(snapshot).hasSize(ACCOUNTS);
        assertThat(campaign.population().orElseThrow().items()).isEqualTo(ACCOUNTS);

        for (ReviewItemRow item : snapshot) {
            as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, "Left the payments team"));
            race(() -> {
                revocations.apply(item.id());
                return true;
            }, () -> {
                otherRevocations.apply(item.id());
                return true;
            });
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> fixtures.items(campaign).stream()
                .allMatch(item -> item.status() == ItemStatus.REMOVED));
        for (AccountRow account : fresh) {
            var triple = new SandboxOrganization.Assignment(account.id(), fixtures.arn("Developer"), "USER", riley);
            assertThat(sandbox.writes()).as("writes on " + account.name()).filteredOn(w -> w.assignment().equals(triple))
                    .extracting(Sandbox.Write::create).containsExactly(false);
            assertThat(sandbox.organization().assignments()).doesNotContain(triple);
        }
    }

    /** Both calls at the same moment; their results in order. */
    private static List<Boolean> race(Callable<Boolean> here, Callable<Boolean> there) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> both = List.of(pool.submit(() -> {
                go.await();
                return here.call();
            }), pool.submit(() -> {
                go.await();
                return there.call();
            }));
            go.countDown();
            return List.of(both.get(0).get(), both.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }

    private ConfigurableApplicationContext secondNode() {
        if (secondNode == null) {
            secondNode = SecondNode.start(sandbox);
        }
        return secondNode;
    }
}
