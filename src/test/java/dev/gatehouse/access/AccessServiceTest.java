package dev.gatehouse.access;

import static dev.gatehouse.TestUsers.as;
import static dev.gatehouse.access.RequesterSteps.awaitGrant;
import static dev.gatehouse.access.RequesterSteps.form;
import static dev.gatehouse.access.RequesterSteps.giveBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.security.StepUp;
import dev.gatehouse.security.StepUpRequired;
import dev.gatehouse.security.TestMfa;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * Requests, approvals and grants end to end against the sandbox: the assignment appears in Identity
 * Center when access is granted and disappears when it ends. Each test works on accounts of its own.
 */
@SpringBootTest
class AccessServiceTest {

    @Autowired
    private AccessService access;
    @Autowired
    private BreakGlassFollowUps followUps;
    @Autowired
    private GrantService grants;
    @Autowired
    private AccessPolicy policy;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private StepUp stepUp;
    @Autowired
    private TestMfa mfa;

    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;
    private String riley;
    private String readOnly;
    private String developer;

    @BeforeEach
    void demoDirectoryWithoutRules() {
        rules.demoDirectoryWithoutRules();
        riley = rules.userId(TestUsers.REQUESTER);
        readOnly = rules.permissionSetArn("ReadOnlyAccess");
        developer = rules.permissionSetArn("Developer");
    }

    @AfterEach
    void signOut() {
        mfa.clear(TestUsers.APPROVER);
        TestUsers.signOut();
    }

    @Test
    void an_automatic_rule_grants_at_once_and_giving_back_removes_the_assignment() {
        String account = accounts.fresh().id();
        automatic(readOnly);

        long request = as(TestUsers.REQUESTER, () -> access.submit(form(readOnly, account, "")).get(0));

        GrantSummary grant = awaitGrant(access, request, GrantStatus.ACTIVE);
        assertThat(sandboxHas(account, readOnly, riley)).isTrue();
        giveBack(grants, grant);
        awaitGrant(access, request, GrantStatus.REVOKED);
        assertThat(sandboxHas(account, readOnly, riley)).isFalse();
    }

    @Test
    void the_managers_approval_grants_and_nobody_decides_their_own_request() {
        String account = accounts.fresh().id();
        rules.save(TestRules.draft("Manager", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", developer, 1,
                ApproverType.MANAGER, ""));
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(developer, account, "OPS-1")).get(0));

        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> access.decide(request, true, "")))
                .hasMessage("You cannot decide your own request.");
        assertThatThrownBy(() -> as(TestUsers.DIRECTOR, () -> access.decide(request, true, "")))
                .hasMessage("You are not an approver for this request.");
        assertThat(as(TestUsers.APPROVER, () -> access.inbox(0, 50))).extracting(RequestSummary::id)
                .contains(request);

        assertThat(as(TestUsers.APPROVER, () -> access.decide(request, true, "ok"))).isEqualTo(RequestStatus.APPROVED);

        awaitGrant(access, request, GrantStatus.ACTIVE);
        assertThat(sandboxHas(account, developer, riley)).isTrue();
        assertThat(as(TestUsers.APPROVER, () -> access.inbox(0, 50))).extracting(RequestSummary::id)
                .doesNotContain(request);
    }

    @Test
    void a_rule_asking_for_mfa_holds_the_request_and_the_approval_until_each_person_steps_up() {
        String account = accounts.fresh().id();
        rules.save(TestRules.withMfa(TestRules.draft("Manager after MFA", RequesterType.USER, riley,
                ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER, ""), true, true));

        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> access.submit(form(developer, account, ""))))
                .isInstanceOf(StepUpRequired.class).hasMessage("Verify a second factor to request Developer.");
        assertThat(as(TestUsers.REQUESTER, () -> access.myRequests(0, 50))).as("nothing was sent")
                .noneMatch(r -> r.accountId().equals(account));

        long request = as(TestUsers.withMfaSignIn(TestUsers.REQUESTER),
                () -> access.submit(form(developer, account, "")).get(0));
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> access.decide(request, true, "ok")))
                .isInstanceOf(StepUpRequired.class).hasMessage("Verify a second factor to approve this request.");
        assertThat(as(TestUsers.APPROVER, () -> access.inbox(0, 50))).as("still waiting")
                .extracting(RequestSummary::id).contains(request);

        String secret = mfa.enrolTotp(TestUsers.APPROVER);
        as(TestUsers.APPROVER, () -> {
            stepUp.verifyCode(TestMfa.nextCode(secret));
            return null;
        });
        assertThat(as(TestUsers.APPROVER, () -> access.decide(request, true, "ok"))).isEqualTo(RequestStatus.APPROVED);
        awaitGrant(access, request, GrantStatus.ACTIVE);
    }

    @Test
    void denying_needs_no_second_factor() {
        String account = accounts.fresh().id();
        rules.save(TestRules.withMfa(TestRules.draft("Manager after MFA", RequesterType.USER, riley,
                ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER, ""), false, true));
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(developer, account, "")).get(0));

        assertThat(as(TestUsers.APPROVER, () -> access.decide(request, false, "not now")))
                .isEqualTo(RequestStatus.DENIED);
    }

    @Test
    void an_automatic_rule_extends_at_once_but_never_beyond_its_longest_access() {
        String account = accounts.fresh().id();
        automatic(readOnly);
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(readOnly, account, "")).get(0));
        GrantSummary grant = awaitGrant(access, request, GrantStatus.ACTIVE);

        assertThat(as(TestUsers.REQUESTER, () -> grants.extend(grant.id(), Duration.ofHours(2), "")))
                .isEqualTo(RequestStatus.APPROVED);

        assertThat(awaitGrant(access, request, GrantStatus.ACTIVE).endsAt())
                .isEqualTo(grant.endsAt().plus(Duration.ofHours(2)));
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> grants.extend(grant.id(), Duration.ofHours(2), "")))
                .isInstanceOfSatisfying(AccessProblem.class, problem -> assertThat(problem.getMessage())
                        .isEqualTo("That would make 5 h in all; the rule allows at most 4 h."));
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> grants.extend(grant.id(), Duration.ofHours(1), "")))
                .hasMessage("This is not one of your grants.");
    }

    @Test
    void an_extension_needing_approval_waits_for_the_approver_and_then_moves_the_end() {
        String account = accounts.fresh().id();
        rules.save(TestRules.draft("Manager", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", developer, 1,
                ApproverType.MANAGER, ""));
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(developer, account, "")).get(0));
        as(TestUsers.APPROVER, () -> access.decide(request, true, ""));
        GrantSummary grant = awaitGrant(access, request, GrantStatus.ACTIVE);

        assertThat(as(TestUsers.REQUESTER, () -> grants.extend(grant.id(), Duration.ofMinutes(30), "Still on it")))
                .isEqualTo(RequestStatus.PENDING);
        RequestSummary extension = as(TestUsers.APPROVER, () -> access.inbox(0, 50)).stream()
                .filter(r -> r.extendsGrant().equals(Optional.of(grant.id()))).findFirst().orElseThrow();
        assertThat(as(TestUsers.APPROVER, () -> access.decide(extension.id(), true, "")))
                .isEqualTo(RequestStatus.APPROVED);

        assertThat(awaitGrant(access, request, GrantStatus.ACTIVE).endsAt())
                .isEqualTo(grant.endsAt().plus(Duration.ofMinutes(30)));
    }

    @Test
    void a_quorum_needs_that_many_different_people() {
        String account = accounts.fresh().id();
        rules.save(TestRules.draft("Two managers", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", developer,
                2, ApproverType.GROUP, rules.groupId("engineering-managers")));
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(developer, account, "")).get(0));

        assertThat(as(TestUsers.APPROVER, () -> access.decide(request, true, ""))).isEqualTo(RequestStatus.PENDING);
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> access.decide(request, true, "")))
                .hasMessage("You have already decided this request.");
        assertThat(as(TestUsers.DIRECTOR, () -> access.decide(request, true, ""))).isEqualTo(RequestStatus.APPROVED);
        awaitGrant(access, request, GrantStatus.ACTIVE);
    }

    @Test
    void two_approvals_at_the_same_moment_give_exactly_one_grant() throws Exception {
        String account = accounts.fresh().id();
        rules.save(TestRules.draft("Any manager", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", developer,
                1, ApproverType.GROUP, rules.groupId("engineering-managers")));
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(developer, account, "")).get(0));

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = List.of(TestUsers.APPROVER, TestUsers.DIRECTOR).stream()
                    .map(approver -> pool.submit(() -> {
                        go.await();
                        try {
                            return as(approver, () -> access.decide(request, true, "")).name();
                        } catch (AccessProblem problem) {
                            return problem.getMessage();
                        }
                    })).toList();
            go.countDown();
            assertThat(outcomes.stream().map(AccessServiceTest::get))
                    .containsExactlyInAnyOrder("APPROVED", "This request is no longer pending: Approved.");
        } finally {
            pool.shutdownNow();
        }
        awaitGrant(access, request, GrantStatus.ACTIVE);
    }

    @Test
    void overlapping_grants_do_not_remove_each_others_access() {
        String account = accounts.fresh().id();
        automatic(readOnly);
        long first = as(TestUsers.REQUESTER, () -> access.submit(form(readOnly, account, "")).get(0));
        GrantSummary firstGrant = awaitGrant(access, first, GrantStatus.ACTIVE);
        long second = as(TestUsers.REQUESTER, () -> access.submit(form(readOnly, account, "")).get(0));
        GrantSummary secondGrant = awaitGrant(access, second, GrantStatus.ACTIVE);

        giveBack(grants, firstGrant);
        awaitGrant(access, first, GrantStatus.REVOKED);
        assertThat(sandboxHas(account, readOnly, riley)).as("the second grant still holds it").isTrue();

        giveBack(grants, secondGrant);
        awaitGrant(access, second, GrantStatus.REVOKED);
        assertThat(sandboxHas(account, readOnly, riley)).isFalse();
    }

    @Test
    void a_standing_assignment_is_never_removed() {
        SandboxOrganization.Assignment standing = sandbox.organization().assignments().stream()
                .filter(a -> a.principalType().equals("USER") && a.principalId().equals(riley)).findFirst()
                .orElseGet(() -> {
                    var created = new SandboxOrganization.Assignment(accounts.fresh().id(), developer, "USER", riley);
                    sandbox.organization().add(created);
                    return created;
                });
        rules.save(TestRules.draft("Open", RequesterType.USER, riley, ScopeType.ACCOUNT, standing.accountId(),
                standing.permissionSetArn(), 0, ApproverType.NONE, ""));
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(standing.permissionSetArn(),
                standing.accountId(), "")).get(0));
        GrantSummary grant = awaitGrant(access, request, GrantStatus.ACTIVE);

        giveBack(grants, grant);

        awaitGrant(access, request, GrantStatus.REVOKED);
        assertThat(sandbox.organization().assignments()).contains(standing);
    }

    @Test
    void a_request_is_refused_with_the_field_that_is_wrong() {
        String account = accounts.fresh().id();
        rules.save(TestRules.draft("Ticketed", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", developer, 1,
                ApproverType.MANAGER, ""));

        assertRefused(new RequestForm(developer, List.of(), Duration.ofHours(1), Optional.empty(), "why", ""),
                "accounts");
        assertRefused(new RequestForm(developer, List.of(account), Duration.ofHours(5), Optional.empty(), "why", ""),
                "duration");
        assertRefused(new RequestForm(readOnly, List.of(account), Duration.ofHours(1), Optional.empty(), "why", ""),
                "accounts");
        as(TestUsers.REQUESTER, () -> access.submit(form(developer, account, "")));
        assertRefused(form(developer, account, ""), "accounts");
    }

    @Test
    void break_glass_activates_at_once_and_waits_for_an_admin_to_follow_it_up() {
        String account = accounts.fresh().id();
        rules.breakGlass("Emergency", riley, developer, ApproverType.MANAGER);
        long request = as(TestUsers.REQUESTER, () -> access.submit(breakGlass(account, "Orders are failing: INC-5")))
                .get(0);

        awaitGrant(access, request, GrantStatus.ACTIVE);
        assertThat(sandboxHas(account, developer, riley)).isTrue();
        assertThat(as(TestUsers.ADMIN, () -> followUps.waiting(0, 200))).extracting(RequestSummary::id)
                .contains(request);
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> {
            followUps.record(request, "Looked into it");
            return null;
        })).isInstanceOf(AccessDeniedException.class);

        as(TestUsers.ADMIN, () -> {
            followUps.record(request, "INC-5: failover, access used as stated");
            return null;
        });

        assertThat(as(TestUsers.ADMIN, () -> followUps.waiting(0, 200))).extracting(RequestSummary::id)
                .doesNotContain(request);
        assertThat(as(TestUsers.REQUESTER, () -> access.myRequests(0, 200))).filteredOn(r -> r.id() == request)
                .singleElement().satisfies(r -> assertThat(r.followUp())
                        .contains("Morgan Reyes: INC-5: failover, access used as stated"));
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> {
            followUps.record(request, "Again");
            return null;
        })).hasMessage("Nothing to follow up: this is not break-glass access, or it was "
                + "followed up already.");
    }

    @Test
    void break_glass_needs_its_own_rule_a_justification_and_starts_now() {
        String account = accounts.fresh().id();
        rules.save(TestRules.draft("Manager", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", developer, 1,
                ApproverType.MANAGER, ""));
        assertRefused(breakGlass(account, "Orders are failing"), "accounts");

        rules.breakGlass("Emergency", riley, developer, ApproverType.NONE);
        assertRefused(breakGlass(account, "help"), "justification");
        assertRefused(new RequestForm(developer, List.of(account), Duration.ofHours(1),
                Optional.of(Instant.now().plus(Duration.ofHours(1))), "Orders are failing", "", true), "startsAt");
        assertRefused(new RequestForm(developer, List.of(account), Duration.ofHours(3), Optional.empty(),
                "Orders are failing", "", true), "duration");
        assertThat(as(TestUsers.REQUESTER, () -> access.preview(developer, account)).breakGlass())
                .contains(Duration.ofHours(2));
    }

    @Test
    void a_break_glass_rule_alone_does_not_let_anyone_request_normally() {
        String account = accounts.fresh().id();
        rules.breakGlass("Emergency", riley, developer, ApproverType.NONE);

        assertRefused(form(developer, account, ""), "accounts");
    }

    @Test
    void someone_who_maps_to_no_identity_store_user_is_told_why() {
        assertThat(as(TestUsers.STRANGER, () -> access.whyNotInDirectory())).get().asString()
                .contains("matches no Identity Center user");
        String account = accounts.fresh().id();
        assertThatThrownBy(() -> as(TestUsers.STRANGER, () -> access.submit(form(developer, account, ""))))
                .isInstanceOf(AccessProblem.class).hasMessageContaining("matches no Identity Center user");
    }

    @Test
    void an_approver_of_the_request_may_revoke_the_access_and_nobody_else_but_an_admin() {
        String account = accounts.fresh().id();
        rules.save(TestRules.draft("Manager", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", developer, 1,
                ApproverType.MANAGER, ""));
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(developer, account, "")).get(0));
        as(TestUsers.APPROVER, () -> access.decide(request, true, ""));
        GrantSummary grant = awaitGrant(access, request, GrantStatus.ACTIVE);
        assertThat(as(TestUsers.APPROVER, () -> grants.revocableGrants(0, 200))).extracting(GrantSummary::id)
                .contains(grant.id());

        assertThatThrownBy(() -> as(TestUsers.DIRECTOR, () -> {
            grants.revoke(grant.id(), "not mine to revoke");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        as(TestUsers.APPROVER, () -> {
            grants.revoke(grant.id(), "Incident over");
            return null;
        });

        assertThat(awaitGrant(access, request, GrantStatus.REVOKED).endReason()).isEqualTo("Revoked by Avery Patel: "
                + "Incident over");
    }

    private void automatic(String permissionSetArn) {
        rules.save(TestRules.draft("Automatic", RequesterType.USER, riley, ScopeType.ORGANIZATION, "",
                permissionSetArn, 0, ApproverType.NONE, ""));
    }

    @Test
    void a_ticket_that_does_not_match_is_refused_with_an_example_not_the_pattern() {
        String account = accounts.fresh().id();
        rules.save(TestRules.withTicket(TestRules.draft("Ticketed", RequesterType.USER, riley,
                ScopeType.ORGANIZATION, "", developer, 0, ApproverType.NONE, ""), "[A-Z]+-[0-9]+", "OPS-123"));

        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> access.submit(form(developer, account,
                "ticket 7")))).isInstanceOfSatisfying(AccessProblem.class, problem -> {
                    assertThat(problem.field()).isEqualTo("ticket");
                    assertThat(problem.getMessage()).isEqualTo("Enter a ticket like OPS-123.");
                });
    }

    private RequestForm breakGlass(String accountId, String justification) {
        return new RequestForm(developer, List.of(accountId), Duration.ofHours(1), Optional.empty(), justification, "",
                true);
    }

    private void assertRefused(RequestForm form, String field) {
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> access.submit(form)))
                .isInstanceOfSatisfying(AccessProblem.class, problem -> assertThat(problem.field()).isEqualTo(field));
    }

    private boolean sandboxHas(String account, String permissionSetArn, String userId) {
        return sandbox.organization().assignments().contains(
                new SandboxOrganization.Assignment(account, permissionSetArn, "USER", userId));
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
