package dev.gatehouse.review.internal;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.Population;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.review.ReviewerStage;

/**
 * A launch that crashed, or runs twice, converges: run for a campaign still LAUNCHING it replaces
 * whatever items an earlier run left with the full snapshot; run for one already ACTIVE it changes
 * nothing. The campaign is put in LAUNCHING without its task, so only the test runs the step.
 */
@SpringBootTest
class CampaignLaunchTest {

    @Autowired
    private CampaignLaunch launch;
    @Autowired
    private CampaignRepository campaignRows;
    @Autowired
    private ItemRepository items;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private TransactionTemplate transaction;

    private String riley;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
        riley = fixtures.userId(TestUsers.REQUESTER);
    }

    @Test
    void a_launch_run_again_after_a_crash_replaces_the_partial_items_and_a_finished_launch_is_left_alone() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        long id = as(TestUsers.ADMIN, () -> campaigns.create(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())))).id();
        transaction.executeWithoutResult(status -> {
            campaignRows.launching(id, "Morgan Reyes");
            items.insert(id, List.of(new ItemRepository.NewItem(new ReviewItemRow.Person(riley, "Riley Chen"),
                    new ReviewItemRow.Access(account.id(), account.name(), "", "arn:left-by-a-crash", "Gone"),
                    HowHeld.DIRECT, "", "", Optional.empty(), new Reviewer(Reviewer.Type.USER, riley, "x", ""))),
                    Instant.now());
        });

        assertThat(launch.launch(id)).isTrue();

        ReviewCampaign launched = campaign(id);
        assertThat(launched.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(itemsOf(id)).extracting(i -> i.access().permissionSetName())
                .containsExactlyInAnyOrder("Developer", "ReadOnlyAccess");
        Population population = launched.population().orElseThrow();
        assertThat(population.items()).isEqualTo(2);

        List<Long> itemIds = itemsOf(id).stream().map(ReviewItemRow::id).toList();
        assertThat(launch.launch(id)).as("already ACTIVE: nothing to do").isFalse();
        assertThat(campaign(id).population()).contains(population);
        assertThat(itemsOf(id)).extracting(ReviewItemRow::id).containsExactlyElementsOf(itemIds);
    }

    @Test
    void a_draft_nobody_launched_is_not_snapshot() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        long id = as(TestUsers.ADMIN, () -> campaigns.create(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())))).id();

        assertThat(launch.launch(id)).isFalse();
        assertThat(campaign(id).status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(itemsOf(id)).isEmpty();
    }

    private ReviewCampaign campaign(long id) {
        return as(TestUsers.ADMIN, () -> campaigns.campaign(id));
    }

    private List<ReviewItemRow> itemsOf(long id) {
        return as(TestUsers.ADMIN, () -> campaigns.items(id, 0, 100));
    }
}
