package dev.gatehouse.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.events.core.EventPublicationRegistry;

import dev.gatehouse.TestEvents;
import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.directory.AccountScopes;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.DirectorySynced;
import dev.gatehouse.directory.SyncCounts;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.Eligibility;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.security.AsSystem;
import dev.gatehouse.shared.SystemActor;

/**
 * The demo rules, added after the first successful sync through the rule service as Gatehouse itself.
 * Tests run without the listener bean (gatehouse.access.demo-rules: false), so each test makes its own.
 */
@SpringBootTest
class DemoAccessRulesTest {

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

    private DemoAccessRules demoRules;

    @BeforeEach
    void oneDemoDirectoryAndNoRules() {
        rules.demoDirectoryWithoutRules();
        demoRules = new DemoAccessRules(policy, directory);
    }

    @AfterEach
    void noRulesLeftForOtherTests() {
        TestUsers.signOut();
        rules.clear();
    }

    @Test
    void the_first_successful_sync_adds_four_rules_checked_and_audited_as_gatehouse() {
        demoRules.on(synced(SyncStatus.SUCCEEDED));
        TestEvents.awaitDelivered(events);

        TestUsers.signIn(TestUsers.AUDITOR);
        List<AccessRule> added = policy.rules("", 0, 10);
        assertThat(added).extracting(AccessRule::name).containsExactlyInAnyOrder("Engineers read everything",
                "Payments team develops with their manager's approval",
                "Admin access needs MFA, a production approver and a ticket",
                "Break-glass for engineers after MFA, their manager is told");
        assertThat(added).extracting(AccessRule::updatedBy).containsOnly(SystemActor.NAME);
        AccessRule admin = added.stream().filter(r -> r.permissionSetName().equals("AdministratorAccess"))
                .findFirst().orElseThrow();
        assertThat(admin.requesterLabel()).isEqualTo("engineering");
        assertThat(admin.scopeLabel()).isEqualTo("Whole organization");
        assertThat(admin.approvalSummary()).contains("production-approvers");
        assertThat(admin.ticketAdvice()).as("what a requester with a wrong ticket is told")
                .isEqualTo("Enter a ticket like OPS-123.");
        for (AccessRule rule : added) {
            assertThat(audit.page(new AuditFilter("rule #" + rule.id(), Optional.of(AuditAction.ACCESS_RULE_CHANGED)),
                    0, 10)).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo(SystemActor.NAME));
        }
    }

    @Test
    void no_demo_rule_is_added_when_a_rule_exists_or_after_a_failed_or_later_sync() {
        demoRules.on(synced(SyncStatus.FAILED));
        rules.save(TestRules.draft("Everyone reads", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION, "",
                rules.permissionSetArn("ReadOnlyAccess"), 0, ApproverType.NONE, ""));
        demoRules.on(synced(SyncStatus.SUCCEEDED));
        rules.clear();
        demoRules.on(synced(SyncStatus.SUCCEEDED));

        TestUsers.signIn(TestUsers.AUDITOR);
        assertThat(policy.rules("", 0, 10)).isEmpty();
    }

    @Test
    void the_demo_rules_let_the_personas_do_what_their_sign_in_cards_say() {
        demoRules.on(synced(SyncStatus.SUCCEEDED));
        String riley = rules.userId(TestUsers.REQUESTER);
        String sam = rules.userId(TestUsers.AUDITOR);
        String paymentsProd = directory.accountsWithin(new AccountScopes(true, Set.of(), Set.of()),
                DirectoryPage.first(5).matching("payments-prod")).get(0).id();
        TestUsers.signIn(TestUsers.REQUESTER);

        Eligibility readOnly = policy.evaluate(riley, paymentsProd, rules.permissionSetArn("ReadOnlyAccess"));
        assertThat(readOnly.allowed()).isTrue();
        assertThat(readOnly.rule().orElseThrow().automatic()).as("Riley reads at once").isTrue();
        assertThat(policy.evaluate(riley, paymentsProd, rules.permissionSetArn("Developer")).approvers())
                .as("Avery approves Riley's Developer as Riley's manager").containsExactly("Avery Patel");
        Eligibility admin = policy.evaluate(riley, paymentsProd, rules.permissionSetArn("AdministratorAccess"));
        assertThat(admin.approvers()).as("and AdministratorAccess as a production approver").contains("Avery Patel");
        assertThat(admin.rule().orElseThrow().mfaToRequest()).isTrue();
        assertThat(admin.rule().orElseThrow().mfaToApprove()).isTrue();
        assertThat(policy.breakGlass(riley, paymentsProd, rules.permissionSetArn("BreakGlass")))
                .as("Riley breaks glass").isPresent();
        assertThat(policy.evaluate(sam, paymentsProd, rules.permissionSetArn("ReadOnlyAccess")).allowed())
                .as("the auditor changes nothing, in AWS either").isFalse();
    }

    private static DirectorySynced synced(SyncStatus status) {
        Instant now = Instant.now();
        return new DirectorySynced(new SyncRun(0, now, Optional.of(now), status, SyncTrigger.MANUAL, "", "",
                SyncCounts.NONE, 0, 0, 0, "", ""), "");
    }
}
