package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.OwnedKind;
import dev.gatehouse.directory.Owners;
import dev.gatehouse.directory.Ownership;
import dev.gatehouse.directory.PrincipalType;
import dev.gatehouse.directory.UserRow;

/**
 * Campaigns: an admin's draft is checked with messages that say what to fix, and a launch snapshots
 * exactly the standing access in scope (direct, and one item per person and group), minus the
 * exclusions, with a hash that depends only on the items, each with its first stage's reviewer or the
 * fallback and why.
 */
@SpringBootTest
class ReviewCampaignsTest {

    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private Owners owners;

    private String riley;
    private String avery;
    private String jordan;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
        riley = fixtures.userId(TestUsers.REQUESTER);
        avery = fixtures.userId(TestUsers.APPROVER);
        jordan = fixtures.userId(TestUsers.DIRECTOR);
    }

    @Test
    void a_draft_is_refused_with_the_field_and_a_message_that_says_what_to_fix() {
        AccountRow account = fixtures.account();
        CampaignDraft good = fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager()));

        assertRefused(with(good, "", good.scope(), good.stages(), good.fallbackReviewerId(), good.dueAt()),
                "name", "Give the campaign a name.");
        assertRefused(with(good, "x".repeat(121), good.scope(), good.stages(), good.fallbackReviewerId(), good.dueAt()),
                "name", "The name is at most 120 characters; this one has 121.");
        assertRefused(with(good, good.name(), new CampaignScope(false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of()), good.stages(), good.fallbackReviewerId(), good.dueAt()),
                "scope", "Choose the whole organization, or at least one OU or account.");
        assertRefused(with(good, good.name(), new CampaignScope(true, Set.of(), Set.of(account.id()), Set.of(), Set.of(),
                Set.of(), Set.of(), Set.of()), good.stages(), good.fallbackReviewerId(), good.dueAt()),
                "scope", "The whole organization includes every OU and account: choose one or the other.");
        assertRefused(with(good, good.name(), CampaignScope.accounts(Set.of("999999999999")), good.stages(),
                good.fallbackReviewerId(), good.dueAt()), "scope", "There is no account 999999999999 in the directory.");
        assertRefused(with(good, good.name(), good.scope().excluding(Set.of("arn:aws:sso:::permissionSet/nope"), Set.of()),
                good.stages(), good.fallbackReviewerId(), good.dueAt()),
                "scope", "There is no permission set arn:aws:sso:::permissionSet/nope in the directory.");
        assertRefused(with(good, good.name(), good.scope(), List.of(), good.fallbackReviewerId(), good.dueAt()),
                "stages", "Add at least one stage of reviewers.");
        assertRefused(with(good, good.name(), good.scope(), List.of(ReviewerStage.manager(), ReviewerStage.person("")),
                good.fallbackReviewerId(), good.dueAt()), "stages", "Stage 2 is a named person but names nobody.");
        assertRefused(with(good, good.name(), good.scope(), List.of(ReviewerStage.group("no-such-group")),
                good.fallbackReviewerId(), good.dueAt()), "stages", "Stage 1's reviewer group is not in the directory.");
        assertRefused(with(good, good.name(), good.scope(), good.stages(), "", good.dueAt()), "fallbackReviewer",
                "Choose a fallback reviewer: they decide whenever a stage has no reviewer who may.");
        assertRefused(with(good, good.name(), good.scope(), good.stages(), "no-such-user", good.dueAt()),
                "fallbackReviewer", "The fallback reviewer is not in the directory.");
        assertRefused(with(good, good.name(), good.scope(), good.stages(), good.fallbackReviewerId(),
                Instant.now().minus(Duration.ofMinutes(1))), "dueAt", "The due date must be in the future.");
        assertRefused(new CampaignDraft(good.name(), "", good.scope(), good.stages(), good.fallbackReviewerId(),
                good.dueAt(), null), "dueDatePolicy", "Choose what happens to items nobody decided by the due date.");

        ReviewCampaign created = as(TestUsers.ADMIN, () -> campaigns.create(good));
        assertThat(created.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(created.createdBy()).isEqualTo("Morgan Reyes");
        assertThat(created.scope().accountIds()).containsExactly(account.id());
        assertThat(created.stages()).containsExactly(ReviewerStage.manager());
        assertThat(created.population()).isEmpty();
    }

    @Test
    void a_launch_snapshots_the_standing_access_in_scope_one_item_per_person_and_group_without_the_exclusions() {
        AccountRow account = fixtures.account();
        String paymentsTeam = fixtures.groupId("payments-team");
        String contractors = fixtures.groupId("contractors");
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "BreakGlass", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "GROUP", paymentsTeam);
        fixtures.standing(account, "Developer", "GROUP", contractors);
        CampaignScope scope = CampaignScope.accounts(Set.of(account.id()))
                .excluding(Set.of(fixtures.arn("BreakGlass")), Set.of(contractors));

        ReviewCampaign campaign = fixtures.launched(fixtures.draft(scope, List.of(ReviewerStage.manager())));

        List<UserRow> members = directory.members(paymentsTeam, 1000);
        List<ReviewItemRow> items = fixtures.items(campaign);
        assertThat(items).filteredOn(i -> i.held() == HowHeld.DIRECT)
                .extracting(i -> i.person().displayName(), i -> i.access().permissionSetName(), ReviewItemRow::source)
                .containsExactly(tuple("Riley Chen", "Developer", "Standing: assigned directly"));
        assertThat(items).filteredOn(i -> i.held() == HowHeld.GROUP)
                .extracting(i -> i.person().userId())
                .containsExactlyInAnyOrderElementsOf(members.stream().map(UserRow::id).toList());
        assertThat(items).filteredOn(i -> i.held() == HowHeld.GROUP).allSatisfy(item -> {
            assertThat(item.source()).isEqualTo("Standing: via group payments-team");
            assertThat(item.access().permissionSetName()).isEqualTo("ReadOnlyAccess");
        });
        assertThat(items).allSatisfy(item -> {
            assertThat(item.access().accountName()).isEqualTo(account.name());
            assertThat(item.access().ouPath()).isEqualTo(account.ouPath()).isNotEmpty();
            assertThat(item.status()).isEqualTo(ItemStatus.PENDING);
            assertThat(item.stage()).isEqualTo(1);
            assertThat(item.stages()).isEqualTo(1);
        });

        Population population = campaign.population().orElseThrow();
        assertThat(population.items()).isEqualTo(1 + members.size());
        assertThat(population.direct()).isEqualTo(1);
        assertThat(population.throughGroups()).isEqualTo(members.size());
        assertThat(population.sha256()).isEqualTo(sha256(items));

        ReviewCampaign again = fixtures.launched(fixtures.draft(scope, List.of(ReviewerStage.accountOwner())));
        assertThat(again.population().orElseThrow().sha256()).as("the same items, whoever reviews them")
                .isEqualTo(population.sha256());
    }

    @Test
    void the_manager_reviews_and_the_fallback_decides_when_there_is_no_manager_or_the_manager_is_the_person() {
        AccountRow account = fixtures.account();
        String sam = fixtures.userId(TestUsers.AUDITOR);
        String selfManaged = fixtures.person("Selma", "self");
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "Developer", "USER", sam);
        fixtures.standing(account, "Developer", "USER", selfManaged);
        fixtures.standing(account, "Developer", "USER", jordan);
        CampaignDraft draft = fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager()));

        ReviewCampaign campaign = fixtures.launched(new CampaignDraft(draft.name(), draft.description(), draft.scope(),
                draft.stages(), jordan, draft.dueAt(), draft.dueDatePolicy()));

        assertThat(fixtures.items(campaign)).extracting(i -> i.person().userId(), i -> i.reviewer().type(),
                i -> i.reviewer().id(), i -> i.reviewer().note()).containsExactlyInAnyOrder(
                tuple(riley, Reviewer.Type.USER, avery, ""),
                tuple(sam, Reviewer.Type.USER, jordan, "The person under review has no manager in the Identity Store."),
                tuple(selfManaged, Reviewer.Type.USER, jordan, "The manager is the person under review."),
                tuple(jordan, Reviewer.Type.NOBODY, "", "The fallback reviewer is the person under review: "
                        + "an admin must reassign the item."));
    }

    @Test
    void an_owner_group_reviews_through_its_members_and_an_account_without_owner_goes_to_the_fallback() {
        AccountRow owned = fixtures.account();
        AccountRow unowned = fixtures.account();
        String paymentsTeam = fixtures.groupId("payments-team");
        as(TestUsers.ADMIN, () -> ownersSet(owned, paymentsTeam));
        fixtures.standing(owned, "Developer", "USER", jordan);
        fixtures.standing(unowned, "Developer", "USER", jordan);

        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(owned.id(), unowned.id())),
                List.of(ReviewerStage.accountOwner())));

        assertThat(fixtures.items(campaign)).extracting(i -> i.access().accountId(), i -> i.reviewer().type(),
                i -> i.reviewer().name(), i -> i.reviewer().note()).containsExactlyInAnyOrder(
                tuple(owned.id(), Reviewer.Type.GROUP, "payments-team", ""),
                tuple(unowned.id(), Reviewer.Type.USER, "Morgan Reyes", "The account has no owner: No AWS tag owner."));
    }

    @Test
    void only_admins_create_and_launch_and_auditors_read() {
        CampaignDraft draft = fixtures.draft(CampaignScope.organization(), List.of(ReviewerStage.manager()));
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> campaigns.create(draft)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.AUDITOR, () -> campaigns.create(draft)))
                .isInstanceOf(AccessDeniedException.class);
        long id = as(TestUsers.ADMIN, () -> campaigns.create(draft)).id();
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> campaigns.launch(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.AUDITOR, () -> campaigns.launch(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> campaigns.campaign(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> campaigns.items(id, 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> campaigns.campaigns(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> campaigns.campaignCount()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(TestUsers.AUDITOR, () -> campaigns.campaign(id)).name()).isEqualTo(draft.name());
        assertThat(as(TestUsers.AUDITOR, () -> campaigns.campaigns(0, 1000))).extracting(ReviewCampaign::id).contains(id);
        assertThat(as(TestUsers.AUDITOR, () -> campaigns.campaignCount())).isPositive();
    }

    @Test
    void a_campaign_is_launched_once() {
        AccountRow account = fixtures.account();
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));

        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.launch(campaign.id())))
                .isInstanceOf(ReviewProblem.class).hasMessage("Only a draft campaign can be launched; this one is active.");
    }

    private Ownership ownersSet(AccountRow account, String groupId) {
        return owners.set(OwnedKind.ACCOUNT, account.id(), PrincipalType.GROUP, groupId);
    }

    private void assertRefused(CampaignDraft draft, String field, String message) {
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.create(draft)))
                .isInstanceOfSatisfying(ReviewProblem.class, problem -> {
                    assertThat(problem.getMessage()).isEqualTo(message);
                    assertThat(problem.field()).isEqualTo(field);
                });
    }

    private static CampaignDraft with(CampaignDraft draft, String name, CampaignScope scope, List<ReviewerStage> stages,
                                      String fallback, Instant dueAt) {
        return new CampaignDraft(name, draft.description(), scope, stages, fallback, dueAt, draft.dueDatePolicy());
    }

    /** The population hash as an auditor could recompute it from the evidence: the key lines in byte order. */
    private static String sha256(List<ReviewItemRow> items) {
        List<String> lines = new ArrayList<>(items.stream().map(i -> i.access().accountId() + "\t"
                + i.access().permissionSetArn() + "\t" + i.person().userId() + "\t" + i.held() + "\t" + i.groupId() + "\n")
                .toList());
        lines.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
