package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.stereotype.Component;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.directory.internal.DirectoryRefresher;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.review.internal.CampaignLaunch;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.shared.ConditionalOnMode;
import dev.gatehouse.shared.GatehouseMode;

/**
 * What review tests set up: standing access on fresh accounts, people of a test's own, and campaigns
 * created and launched by Morgan (an admin). A launch runs its step directly, as the task would; the
 * scheduler may run it too, which changes nothing.
 */
@Component
@ConditionalOnMode(GatehouseMode.DEMO)
public class ReviewFixtures {

    private final TestRules rules;
    private final SandboxAccounts accounts;
    private final Sandbox sandbox;
    private final DirectoryRefresher refresher;
    private final ReviewCampaigns campaigns;
    private final CampaignLaunch launch;

    ReviewFixtures(TestRules rules, SandboxAccounts accounts, Sandbox sandbox, DirectoryRefresher refresher,
                   ReviewCampaigns campaigns, CampaignLaunch launch) {
        this.rules = rules;
        this.accounts = accounts;
        this.sandbox = sandbox;
        this.refresher = refresher;
        this.campaigns = campaigns;
        this.launch = launch;
    }

    public void demoDirectory() {
        rules.demoDirectory();
    }

    public String userId(GatehouseUser user) {
        return rules.userId(user);
    }

    public String groupId(String name) {
        return rules.groupId(name);
    }

    public String arn(String permissionSetName) {
        return rules.permissionSetArn(permissionSetName);
    }

    public AccountRow account() {
        return accounts.fresh();
    }

    /** Standing access in the sandbox, and the account refreshed into the mirror as a sync would. */
    public void standing(AccountRow account, String permissionSetName, String principalType, String principalId) {
        sandbox.organization().add(new SandboxOrganization.Assignment(account.id(), arn(permissionSetName),
                principalType, principalId));
        refresher.refreshAccount(account.id());
    }

    /** A person of this test alone, in the sandbox and the mirror; managerId may be their own id (use "self"). */
    public String person(String given, String managerId) {
        String id = UUID.randomUUID().toString();
        String userName = given.toLowerCase() + "." + id.substring(0, 8);
        sandbox.organization().add(new SandboxOrganization.User(id, userName, given, "Tester", userName + "@example.com",
                "self".equals(managerId) ? id : managerId, true));
        refresher.refreshUser(id);
        return id;
    }

    public CampaignDraft draft(CampaignScope scope, List<ReviewerStage> stages) {
        return new CampaignDraft("Quarterly review " + UUID.randomUUID().toString().substring(0, 6),
                "Standing access, Q4", scope, stages, userId(TestUsers.ADMIN), Instant.now().plus(Duration.ofDays(14)),
                DueDatePolicy.KEEP_AND_FLAG);
    }

    /** Created and launched by Morgan; ACTIVE when it returns. */
    public ReviewCampaign launched(CampaignDraft draft) {
        long id = as(TestUsers.ADMIN, () -> campaigns.create(draft)).id();
        as(TestUsers.ADMIN, () -> campaigns.launch(id));
        launch.launch(id);
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> as(TestUsers.ADMIN,
                () -> campaigns.campaign(id)), c -> c.status() == CampaignStatus.ACTIVE);
    }

    public List<ReviewItemRow> items(ReviewCampaign campaign) {
        return as(TestUsers.ADMIN, () -> campaigns.items(campaign.id(), 0, 10_000));
    }
}
