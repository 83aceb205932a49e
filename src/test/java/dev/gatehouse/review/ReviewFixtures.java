package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.stereotype.Component;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.directory.internal.DirectoryRefresher;
import dev.gatehouse.directory.internal.DirectorySyncJob;
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
    private final DirectorySyncJob sync;

    ReviewFixtures(TestRules rules, SandboxAccounts accounts, Sandbox sandbox, DirectoryRefresher refresher,
                   ReviewCampaigns campaigns, CampaignLaunch launch, DirectorySyncJob sync) {
        this.rules = rules;
        this.accounts = accounts;
        this.sandbox = sandbox;
        this.refresher = refresher;
        this.campaigns = campaigns;
        this.launch = launch;
        this.sync = sync;
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

    /**
     * A group of this test alone in the sandbox, made in the Identity Store or, with an issuer, provisioned
     * from an IdP by SCIM; it reaches the mirror with the next {@link #sync()}.
     */
    public String group(String name, String externalIssuer) {
        String id = UUID.randomUUID().toString();
        sandbox.organization().add(new SandboxOrganization.Group(id, name + "-" + id.substring(0, 8),
                "Members of " + name, externalIssuer));
        return id;
    }

    /**
     * A permission set of this test alone with only an inline policy, in the sandbox and (by a full sync) the
     * mirror. @return its name, unique, for {@link #standing}
     */
    public String permissionSet(String name, String inlinePolicy) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        sandbox.organization().add(new SandboxOrganization.PermissionSet(
                "arn:aws:sso:::permissionSet/" + SandboxOrganization.INSTANCE_ARN.substring(
                        SandboxOrganization.INSTANCE_ARN.lastIndexOf('/') + 1) + "/ps-" + unique.toLowerCase(),
                unique, "Made by a test", "PT1H", null, List.of(), List.of(), inlinePolicy, null, Map.of()));
        sync();
        return unique;
    }

    public void member(String groupId, String userId) {
        sandbox.organization().add(new SandboxOrganization.Membership(UUID.randomUUID().toString(), groupId, userId));
    }

    public boolean memberInSandbox(String groupId, String userId) {
        return sandbox.organization().memberships().stream()
                .anyMatch(m -> m.groupId().equals(groupId) && m.userId().equals(userId));
    }

    /** A full sync now, as the scheduled one would run. */
    public SyncRun sync() {
        return sync.run(SyncTrigger.MANUAL, null).filter(run -> run.status() == SyncStatus.SUCCEEDED)
                .orElseThrow(() -> new IllegalStateException("The directory did not sync"));
    }

    /** The person as the Identity Store has them now, read into the mirror as a person's refresh does. */
    public void refreshPerson(String userId) {
        refresher.refreshUser(userId);
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
