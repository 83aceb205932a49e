package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static dev.gatehouse.access.RequesterSteps.awaitGrant;
import static dev.gatehouse.access.RequesterSteps.form;
import static dev.gatehouse.access.RequesterSteps.giveBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * What My reviews tells a reviewer beside each item: the person now, the policies and admin-level flag, the
 * last just-in-time use, the access rule that covers it and a recommendation; and keep or revoke on every
 * item matching a filter.
 */
@SpringBootTest
class MyReviewsTest {

    private static final String CONVERT = "No just-in-time use in 90 days and an access rule covers it: convert to "
            + "just-in-time";

    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private TestRules rules;
    @Autowired
    private AccessService access;
    @Autowired
    private GrantService grants;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private DSLContext db;

    private String avery;
    private String pat;
    private String patName;

    @BeforeEach
    void aReportOfAverys() {
        rules.demoDirectoryWithoutRules();
        avery = fixtures.userId(TestUsers.APPROVER);
        String given = "Pat" + UUID.randomUUID().toString().substring(0, 6);
        pat = fixtures.person(given, avery);
        patName = given + " Tester";
    }

    @Test
    void standing_access_a_rule_covers_and_nobody_used_just_in_time_is_recommended_for_conversion() {
        AccountRow covered = fixtures.account();
        AccountRow uncovered = fixtures.account();
        fixtures.standing(covered, "Developer", "USER", pat);
        fixtures.standing(uncovered, "Developer", "USER", pat);
        rules.save(TestRules.draft("Pat deploys", RequesterType.USER, pat, ScopeType.ACCOUNT, covered.id(),
                fixtures.arn("Developer"), 0, ApproverType.NONE, ""));
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(covered.id(), uncovered.id())),
                List.of(ReviewerStage.manager())));

        MyReviewItem onCovered = only(covered);
        MyReviewItem onUncovered = only(uncovered);

        assertThat(onCovered.context().coveringRule()).contains("Pat deploys");
        assertThat(onCovered.context().lastJustInTimeUse()).isEmpty();
        assertThat(onCovered.context().recommendation()).isEqualTo(CONVERT);
        assertThat(onCovered.context().person().text()).isEqualTo("Enabled; manager Avery Patel");
        assertThat(onCovered.context().policySummary())
                .isEqualTo("customer managed /gatehouse/developer-baseline, boundary arn:aws:iam::aws:policy/PowerUserAccess");
        assertThat(onCovered.context().adminLevel()).isEmpty();
        assertThat(onUncovered.context().coveringRule()).isEmpty();
        assertThat(onUncovered.context().recommendation()).as("nothing to suggest").isEmpty();
    }

    @Test
    void admin_level_access_is_flagged_from_its_policies_and_kept_only_with_a_reason() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "AdministratorAccess", "USER", pat);
        fixtures.standing(account, "PowerUserAccess", "USER", pat);
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager())));

        List<MyReviewItem> mine = as(TestUsers.APPROVER, () -> decisions.myItems(MyReviewsFilter.everything()
                .account(Optional.of(account.id())), 0, 50));

        assertThat(mine).extracting(i -> i.item().access().permissionSetName() + " | "
                + i.context().adminLevel().orElse("-") + " | " + i.context().policySummary() + " | "
                + i.context().recommendation()).containsExactly(
                "AdministratorAccess | AWS managed AdministratorAccess | AWS managed AdministratorAccess | "
                        + "Admin-level access: keep only with a reason",
                "PowerUserAccess | - | AWS managed PowerUserAccess | ");
        assertThat(as(TestUsers.APPROVER, () -> decisions.myItemCount(MyReviewsFilter.everything()
                .account(Optional.of(account.id())).adminLevelOnly(true)))).isEqualTo(1);
    }

    @Test
    void a_recent_just_in_time_grant_is_shown_and_changes_the_recommendation() {
        String riley = fixtures.userId(TestUsers.REQUESTER);
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        rules.save(TestRules.draft("Open", RequesterType.USER, riley, ScopeType.ACCOUNT, account.id(),
                fixtures.arn("Developer"), 0, ApproverType.NONE, ""));
        Instant before = Instant.now();
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(fixtures.arn("Developer"), account.id(), ""))
                .get(0));
        GrantSummary grant = awaitGrant(access, request, GrantStatus.ACTIVE);
        giveBack(grants, grant);
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager())));

        MyReviewItem item = only(account);

        assertThat(item.context().lastJustInTimeUse()).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(
                before.minusSeconds(1)));
        assertThat(item.context().recommendation()).startsWith("An access rule covers it and it was used just in time on ")
                .endsWith(": convert to just-in-time unless it must stay standing");
    }

    @Test
    void someone_disabled_in_the_identity_store_is_recommended_for_revocation() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", pat);
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager())));
        SandboxOrganization.User user = sandbox.organization().users().stream().filter(u -> u.id().equals(pat))
                .findFirst().orElseThrow();
        sandbox.organization().add(new SandboxOrganization.User(user.id(), user.userName(), user.givenName(),
                user.familyName(), user.email(), user.managerId(), false));
        fixtures.refreshPerson(pat);

        MyReviewItem item = only(account);

        assertThat(item.context().person().text()).isEqualTo("Disabled in the Identity Store; manager Avery Patel");
        assertThat(item.context().recommendation()).isEqualTo("Disabled in the Identity Store: revoke");
    }

    @Test
    void keep_on_the_filter_decides_every_matching_item_and_reports_those_it_cannot() {
        AccountRow account = fixtures.account();
        for (String set : List.of("Developer", "ReadOnlyAccess", "SecurityAudit")) {
            fixtures.standing(account, set, "USER", pat);
        }
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        MyReviewsFilter onAccount = MyReviewsFilter.everything().account(Optional.of(account.id()));
        ReviewItemRow revoked = only(account, "SecurityAudit").item();
        as(TestUsers.APPROVER, () -> decisions.decide(revoked.id(), Decision.REVOKE, ""));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.items(campaign).stream()
                .filter(i -> i.id() == revoked.id()).findFirst().orElseThrow().status() == ItemStatus.REMOVED);

        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> decisions.decideMatching(onAccount, Decision.KEEP, "ok")))
                .isInstanceOf(ReviewProblem.class).hasMessage("Say why the access should stay (at least 5 characters).");
        BulkOutcome outcome = as(TestUsers.APPROVER, () -> decisions.decideMatching(onAccount, Decision.KEEP,
                "Still deploys the payments service"));

        assertThat(outcome.decided()).isEqualTo(2);
        assertThat(outcome.problems()).containsExactly(patName + ", SecurityAudit on " + account.name()
                + ": The revoke is being applied in Identity Center, so the decision can no longer change.");
        assertThat(fixtures.items(campaign)).extracting(i -> i.access().permissionSetName() + " " + i.status() + " "
                + i.decidedBy()).containsExactlyInAnyOrder("Developer DECIDED Avery Patel",
                "ReadOnlyAccess DECIDED Avery Patel", "SecurityAudit REMOVED Avery Patel");
        assertThat(as(TestUsers.APPROVER, () -> decisions.myItemCount(onAccount.decided(MyReviewsFilter.Decided.UNDECIDED))))
                .isZero();
    }

    @Test
    void the_person_under_review_cannot_decide_anything_on_the_filter_and_sees_none_of_their_own_items() {
        String riley = fixtures.userId(TestUsers.REQUESTER);
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.person(riley))));
        MyReviewsFilter onAccount = MyReviewsFilter.everything().account(Optional.of(account.id()));

        BulkOutcome outcome = as(TestUsers.REQUESTER, () -> decisions.decideMatching(onAccount, Decision.REVOKE, ""));

        assertThat(outcome.decided()).isZero();
        assertThat(as(TestUsers.REQUESTER, () -> decisions.myItems(onAccount, 0, 50))).isEmpty();
    }

    @Test
    void a_page_costs_the_same_few_queries_however_many_items_and_people_it_shows() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> people = List.of(fixtures.person("Ada" + tag, avery), fixtures.person("Bo" + tag, avery),
                fixtures.person("Cy" + tag, avery));
        List<AccountRow> accounts = List.of(fixtures.account(), fixtures.account());
        for (String person : people) {
            for (AccountRow account : accounts) {
                fixtures.standing(account, "ReadOnlyAccess", "USER", person);
            }
        }
        rules.save(TestRules.draft("Ada reads", RequesterType.USER, people.get(0), ScopeType.ORGANIZATION, "",
                fixtures.arn("ReadOnlyAccess"), 1, ApproverType.MANAGER, ""));
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(accounts.get(0).id(), accounts.get(1).id())),
                List.of(ReviewerStage.manager())));
        MyReviewsFilter theirs = MyReviewsFilter.everything().search(tag);

        int forOne = queries(() -> as(TestUsers.APPROVER, () -> decisions.myItems(theirs, 0, 1)));
        int forSix = queries(() -> as(TestUsers.APPROVER, () -> decisions.myItems(theirs, 0, 6)));

        assertThat(as(TestUsers.APPROVER, () -> decisions.myItems(theirs, 0, 6))).hasSize(6);
        assertThat(forOne).as("the count sees the queries").isPositive();
        assertThat(forSix).as("queries for six items of three people on two accounts").isEqualTo(forOne);
    }

    /** How many SQL statements the work ran on this thread. */
    private int queries(Runnable work) {
        AtomicInteger count = new AtomicInteger();
        Thread me = Thread.currentThread();
        ExecuteListenerProvider[] before = db.configuration().executeListenerProviders();
        ExecuteListenerProvider[] counting = Arrays.copyOf(before, before.length + 1);
        counting[before.length] = () -> new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (Thread.currentThread() == me) {
                    count.incrementAndGet();
                }
            }
        };
        db.configuration().set(counting);
        try {
            work.run();
        } finally {
            db.configuration().set(before);
        }
        return count.get();
    }

    @Test
    void nobody_signed_out_reads_or_decides_anything_and_someone_in_no_campaign_sees_nothing() {
        MyReviewsFilter all = MyReviewsFilter.everything();

        assertThatThrownBy(() -> decisions.myItems(all, 0, 10)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> decisions.myItemCount(all)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> decisions.myAccounts("", 0, 10))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> decisions.myPermissionSets("", 0, 10))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> decisions.decideMatching(all, Decision.REVOKE, ""))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(as(TestUsers.STRANGER, () -> decisions.myItems(all, 0, 10))).isEmpty();
        assertThat(as(TestUsers.STRANGER, () -> decisions.myAccounts("", 0, 10))).isEmpty();
        assertThatThrownBy(() -> as(TestUsers.STRANGER, () -> decisions.decideMatching(all, Decision.REVOKE, "")))
                .isInstanceOf(ReviewProblem.class).hasMessageEndingWith("matches no Identity Center user, so you review nothing.");
    }

    private MyReviewItem only(AccountRow account) {
        List<MyReviewItem> mine = as(TestUsers.APPROVER, () -> decisions.myItems(MyReviewsFilter.everything()
                .account(Optional.of(account.id())), 0, 50));
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    private MyReviewItem only(AccountRow account, String permissionSet) {
        return as(TestUsers.APPROVER, () -> decisions.myItems(MyReviewsFilter.everything()
                .account(Optional.of(account.id())).permissionSet(Optional.of(fixtures.arn(permissionSet))), 0, 50))
                .get(0);
    }
}
