package dev.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import dev.gatehouse.TestEvents;
import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.directory.SandboxAccounts;

/** Saving access rules, and which rule applies to a person, account and permission set. */
@SpringBootTest
class AccessPolicyTest {

    @Autowired
    private AccessPolicy policy;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private EventPublicationRegistry events;

    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;
    private String riley;
    private String developer;
    private String account;

    @BeforeEach
    void oneDemoDirectoryAndNoRules() {
        rules.demoDirectoryWithoutRules();
        riley = rules.userId(TestUsers.REQUESTER);
        developer = rules.permissionSetArn("Developer");
        account = accounts.fresh().id();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_saved_rule_names_its_requesters_accounts_and_approvers() {
        AccessRule saved = rules.save(TestRules.draft("Payments develop", RequesterType.GROUP,
                rules.groupId("payments-team"), ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER, ""));

        assertThat(saved.id()).isNotNull();
        assertThat(saved.requesterLabel()).isEqualTo("payments-team");
        assertThat(saved.scopeLabel()).isEqualTo("Whole organization");
        assertThat(saved.permissionSetName()).isEqualTo("Developer");
        assertThat(saved.approvalSummary()).isEqualTo("1 approval from the requester's manager");
        assertThat(saved.updatedBy()).isEqualTo("morgan.reyes");
    }

    @Test
    void a_break_glass_rule_always_asks_why_starts_at_once_and_is_kept_apart_from_normal_rules() {
        AccessRule saved = rules.breakGlass("Emergency", riley, developer, ApproverType.MANAGER);

        assertThat(saved.emergency()).isTrue();
        assertThat(saved.justificationRequired()).isTrue();
        assertThat(saved.futureStartAllowed()).isFalse();
        assertThat(saved.approvalSummary())
                .isEqualTo("Break-glass: active at once, the requester's manager told, followed up afterwards");
        TestUsers.signIn(TestUsers.REQUESTER);
        assertThat(policy.evaluate(riley, account, developer).allowed()).as("not a normal rule").isFalse();
        assertThat(policy.breakGlass(riley, account, developer)).contains(saved);
    }

    @Test
    void a_rule_that_counts_the_session_leaves_room_for_a_whole_session_in_its_longest_access() {
        String powerUser = rules.permissionSetArn("PowerUserAccess");
        rules.save(new AccessRule(null, "Power with sessions counted", RequesterType.USER, riley, "",
                ScopeType.ORGANIZATION, "", "", powerUser, "", Duration.ofHours(4), Duration.ofHours(3), false, "",
                "", false, 0, ApproverType.NONE, "", "", false, true, false, false, Duration.ofDays(1), null, ""));
        TestUsers.signIn(TestUsers.REQUESTER);

        Eligibility eligibility = policy.evaluate(riley, account, powerUser);

        assertThat(eligibility.rule().orElseThrow().maxDuration()).as("4 h less PowerUserAccess's 2-h sessions")
                .isEqualTo(Duration.ofHours(2));
        assertThat(eligibility.rule().orElseThrow().defaultDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(eligibility.reason()).contains("It counts the AWS session: grants last at most 2 h");
    }

    @Test
    void evaluating_a_page_of_subjects_at_once_says_what_evaluating_each_one_says() {
        String other = accounts.fresh().id();
        String readOnly = rules.permissionSetArn("ReadOnlyAccess");
        String admin = rules.permissionSetArn("AdministratorAccess");
        String avery = rules.userId(TestUsers.APPROVER);
        String payments = rules.groupId("payments-team");
        rules.save(TestRules.draft("Payments develop", RequesterType.GROUP, payments, ScopeType.ORGANIZATION, "",
                developer, 1, ApproverType.MANAGER, ""));
        rules.save(TestRules.draft("Riley reads here", RequesterType.USER, riley, ScopeType.ACCOUNT, account, readOnly,
                0, ApproverType.NONE, ""));
        rules.save(TestRules.draft("Payments approve Avery", RequesterType.USER, avery, ScopeType.ORGANIZATION, "",
                readOnly, 1, ApproverType.GROUP, payments));
        rules.breakGlass("Emergency", riley, admin, ApproverType.MANAGER);
        String powerUser = rules.permissionSetArn("PowerUserAccess");
        String ou = directory.ouChain(account).iterator().next();
        rules.save(TestRules.draft("Riley powers the OU", RequesterType.USER, riley, ScopeType.OU, ou, powerUser, 0,
                ApproverType.NONE, ""));
        TestUsers.signIn(TestUsers.REQUESTER);
        List<AccessPolicy.Subject> subjects = new ArrayList<>();
        for (String person : List.of(riley, avery, rules.userId(TestUsers.DIRECTOR))) {
            for (String on : List.of(account, other)) {
                for (String set : List.of(developer, readOnly, admin, powerUser)) {
                    subjects.add(new AccessPolicy.Subject(person, on, set));
                }
            }
        }

        Map<AccessPolicy.Subject, Eligibility> all = policy.evaluateAll(subjects);

        assertThat(all).hasSize(subjects.size());
        subjects.forEach(subject -> assertThat(all.get(subject)).as(subject.toString())
                .isEqualTo(policy.evaluate(subject.userId(), subject.accountId(), subject.permissionSetArn())));
        assertThat(all.values()).extracting(Eligibility::allowed).as("some are allowed, some not").contains(true, false);
        assertThat(all.get(new AccessPolicy.Subject(riley, account, powerUser)).rule()).as("a rule on an OU above")
                .hasValueSatisfying(rule -> assertThat(rule.name()).isEqualTo("Riley powers the OU"));
        assertThat(all.values()).extracting(Eligibility::reason).as("break-glass is named where no rule applies")
                .anyMatch(reason -> reason.contains("break-glass rule \"Emergency\""));
    }

    @Test
    void a_rule_change_is_audited_with_before_and_after() {
        AccessRule saved = rules.save(TestRules.draft("Payments develop", RequesterType.GROUP,
                rules.groupId("payments-team"), ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER, ""));
        rules.save(new AccessRule(saved.id(), "Payments develop longer", saved.requesterType(), saved.requesterId(), "",
                saved.scopeType(), "", "", developer, "", Duration.ofHours(8), Duration.ofHours(2), false, "", "", true,
                1, ApproverType.MANAGER, "", "", false, false, false, false, Duration.ofDays(1), null, ""));
        TestEvents.awaitDelivered(events);

        TestUsers.signIn(TestUsers.AUDITOR);
        var entries = audit.page(new AuditFilter("rule #" + saved.id(), Optional.of(AuditAction.ACCESS_RULE_CHANGED)),
                0, 10);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).details()).startsWith("before: \"Payments develop\"")
                .contains("after: \"Payments develop longer\"").contains("up to 8 h (default 2 h)")
                .contains("pending for up to 1 d");
        assertThat(entries).extracting(AuditEntry::actor).as("by display name, as everywhere in the trail")
                .containsOnly("Morgan Reyes");
    }

    @Test
    void only_admins_change_rules_and_requesters_do_not_read_them() {
        TestUsers.signIn(TestUsers.AUDITOR);
        assertThat(policy.rules("", 0, 10)).isEmpty();
        assertThatThrownBy(() -> policy.save(TestRules.draft("x", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION,
                "", developer, 0, ApproverType.NONE, ""))).isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn(TestUsers.REQUESTER);
        assertThatThrownBy(() -> policy.rules("", 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_stored_id_shows_as_its_picker_lists_it_and_requesters_may_not_look_it_up() {
        TestUsers.signIn(TestUsers.AUDITOR);
        assertThat(policy.choice(AccessPolicy.Picker.PERSON, riley)).hasValue(new Choice(riley, "Riley Chen (riley.chen)"));
        assertThat(policy.choices(AccessPolicy.Picker.PERSON, "riley.chen", 5))
                .contains(policy.choice(AccessPolicy.Picker.PERSON, riley).orElseThrow());
        assertThat(policy.choice(AccessPolicy.Picker.PERMISSION_SET, developer)).hasValue(new Choice(developer,
                "Developer"));
        assertThat(policy.choice(AccessPolicy.Picker.OU, "ou-gone-1234")).isEmpty();

        TestUsers.signIn(TestUsers.REQUESTER);
        assertThatThrownBy(() -> policy.choice(AccessPolicy.Picker.PERSON, riley))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_rule_is_refused_with_the_field_that_is_wrong() {
        assertProblem(TestRules.draft("", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION, "", developer, 0,
                ApproverType.NONE, ""), "name");
        assertProblem(TestRules.draft("auto", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION, "", developer, 1,
                ApproverType.NONE, ""), "approvalsRequired");
        assertProblem(TestRules.draft("boss", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION, "", developer, 2,
                ApproverType.MANAGER, ""), "approvalsRequired");
        assertProblem(TestRules.draft("nowhere", RequesterType.EVERYONE, "", ScopeType.OU, "ou-none", developer, 0,
                ApproverType.NONE, ""), "scopeId");
        AccessRule longDefault = TestRules.draft("long", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION, "",
                developer, 0, ApproverType.NONE, "");
        assertProblem(new AccessRule(null, "long", RequesterType.EVERYONE, "", "", ScopeType.ORGANIZATION, "", "",
                developer, "", Duration.ofHours(1), Duration.ofHours(2), false, "", "", true, 0, ApproverType.NONE,
                "", "", false, false, false, false, Duration.ofDays(1), null, ""), "defaultDuration");
        assertProblem(new AccessRule(null, "ticket", RequesterType.EVERYONE, "", "", ScopeType.ORGANIZATION, "", "",
                developer, "", longDefault.maxDuration(), longDefault.defaultDuration(), false, "[A-Z+", "", true, 0,
                ApproverType.NONE, "", "", false, false, false, false, Duration.ofDays(1), null, ""), "ticketPattern");
    }

    @Test
    void an_ou_rule_covers_accounts_in_nested_ous() {
        String topOu = directory.ouChain(account).stream()
                .filter(ou -> directory.organizationalUnit(ou).orElseThrow().path().chars().filter(c -> c == '/')
                        .count() == 1)
                .findFirst().orElseThrow();
        rules.save(TestRules.draft("Top OU", RequesterType.USER, riley, ScopeType.OU, topOu, developer, 0,
                ApproverType.NONE, ""));

        TestUsers.signIn(TestUsers.REQUESTER);
        assertThat(policy.evaluate(riley, account, developer).allowed()).isTrue();
        assertThat(policy.evaluate(riley, account, rules.permissionSetArn("ReadOnlyAccess")).allowed()).isFalse();
    }

    @Test
    void of_several_matching_rules_the_one_needing_fewest_approvals_applies() {
        rules.save(TestRules.draft("Manager approves", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION, "",
                developer, 1, ApproverType.MANAGER, ""));
        rules.save(TestRules.draft("Account is open", RequesterType.USER, riley, ScopeType.ACCOUNT, account,
                developer, 0, ApproverType.NONE, ""));

        TestUsers.signIn(TestUsers.REQUESTER);
        Eligibility eligibility = policy.evaluate(riley, account, developer);

        assertThat(eligibility.rule().orElseThrow().name()).isEqualTo("Account is open");
        assertThat(eligibility.reason()).contains("2 rules match");
    }

    @Test
    void a_manager_rule_is_passed_over_for_someone_without_a_manager_and_says_so() {
        rules.save(TestRules.draft("Manager approves", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION, "",
                developer, 1, ApproverType.MANAGER, ""));
        String jordan = rules.userId(TestUsers.DIRECTOR);

        TestUsers.signIn(TestUsers.DIRECTOR);
        Eligibility eligibility = policy.evaluate(jordan, account, developer);

        assertThat(eligibility.allowed()).isFalse();
        assertThat(eligibility.reason()).contains("records no manager");
        TestUsers.signIn(TestUsers.REQUESTER);
        assertThat(policy.evaluate(riley, account, developer).approvers()).containsExactly("Avery Patel");
    }

    @Test
    void a_rule_for_access_a_review_converted_lets_that_person_alone_request_it_approved_by_the_fallback_without_a_manager() {
        String jordan = rules.userId(TestUsers.DIRECTOR);
        String morgan = rules.userId(TestUsers.ADMIN);
        assertThatThrownBy(() -> policy.addRuleForConvertedAccess(jordan, account, developer, morgan))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        TestUsers.signIn(TestUsers.APPROVER);
        AccessRule added = policy.addRuleForConvertedAccess(jordan, account, developer, morgan);

        assertThat(added.name()).startsWith("Converted in review: Jordan Kim on ");
        assertThat(added.requesterLabel()).isEqualTo("Jordan Kim");
        assertThat(added.approvalSummary()).isEqualTo("1 approval from Morgan Reyes");
        assertThat(added.justificationRequired()).isTrue();
        assertThat(policy.evaluate(jordan, account, developer).approvers()).containsExactly("Morgan Reyes");
        assertThat(policy.evaluate(riley, account, developer).allowed()).isFalse();
    }

    @Test
    void without_a_rule_the_explanation_says_none_applies() {
        TestUsers.signIn(TestUsers.REQUESTER);

        Eligibility eligibility = policy.evaluate(riley, account, developer);

        assertThat(eligibility.allowed()).isFalse();
        assertThat(eligibility.reason()).startsWith("No rule lets this person request");
    }

    @Test
    void a_group_of_approvers_is_named_up_to_ten_and_the_rest_are_counted() {
        GroupRow engineering = directory.group(rules.groupId("engineering")).orElseThrow();
        assertThat(engineering.members()).as("a group larger than the names shown").isGreaterThan(12);
        rules.save(TestRules.draft("Engineers approve", RequesterType.USER, riley, ScopeType.ORGANIZATION, "",
                developer, 1, ApproverType.GROUP, engineering.id()));
        TestUsers.signIn(TestUsers.REQUESTER);

        Eligibility eligibility = policy.evaluate(riley, account, developer);

        int others = engineering.members() - 1;
        assertThat(eligibility.approvers()).hasSize(10).doesNotContain("Riley Chen");
        assertThat(eligibility.approverList()).isEqualTo(String.join(", ", eligibility.approvers()) + " and "
                + (others - 10) + " more");
    }

    @Test
    void a_rule_asking_for_a_ticket_needs_an_example_that_matches_its_pattern() {
        AccessRule draft = TestRules.draft("Ticketed", RequesterType.USER, riley, ScopeType.ORGANIZATION, "",
                developer, 0, ApproverType.NONE, "");
        assertProblem(TestRules.withTicket(draft, "[A-Z]+-[0-9]+", ""), "ticketExample");
        assertProblem(TestRules.withTicket(draft, "[A-Z]+-[0-9]+", "ops-12"), "ticketExample");

        AccessRule saved = rules.save(TestRules.withTicket(draft, "[A-Z]+-[0-9]+", " OPS-123 "));

        assertThat(saved.ticketExample()).isEqualTo("OPS-123");
        assertThat(saved.ticketAdvice()).isEqualTo("Enter a ticket like OPS-123.");
        assertThat(rules.save(TestRules.withTicket(draft, "", "OPS-123")).ticketExample())
                .as("no ticket asked, so no example").isEmpty();
    }

    @Test
    void with_only_a_break_glass_rule_the_explanation_names_that_rule() {
        rules.breakGlass("Emergency", riley, developer, ApproverType.NONE);
        TestUsers.signIn(TestUsers.REQUESTER);

        Eligibility eligibility = policy.evaluate(riley, account, developer);

        assertThat(eligibility.allowed()).isFalse();
        assertThat(eligibility.reason()).isEqualTo("No rule lets this person request this permission set on this "
                + "account normally; break-glass rule \"Emergency\" lets them activate it at once, for at most 2 h.");
    }

    private void assertProblem(AccessRule draft, String field) {
        assertThatThrownBy(() -> rules.save(draft)).isInstanceOfSatisfying(RuleProblem.class,
                problem -> assertThat(problem.field()).isEqualTo(field));
    }
}
