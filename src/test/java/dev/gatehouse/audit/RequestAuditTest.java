package dev.gatehouse.audit;

import static dev.gatehouse.TestUsers.as;
import static dev.gatehouse.access.RequesterSteps.awaitGrant;
import static dev.gatehouse.access.RequesterSteps.form;
import static dev.gatehouse.access.RequesterSteps.giveBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;

/** One access request driven end to end against the sandbox, then read back from the audit trail by its id. */
@SpringBootTest
class RequestAuditTest {

    private static final Duration GRANTED = Duration.ofSeconds(20);

    @Autowired
    private AccessService access;
    @Autowired
    private GrantService grants;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;
    private String riley;
    private String developer;

    @BeforeEach
    void demoDirectoryWithoutRules() {
        rules.demoDirectoryWithoutRules();
        riley = rules.userId(TestUsers.REQUESTER);
        developer = rules.permissionSetArn("Developer");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void every_step_of_a_request_is_in_the_audit_trail_under_the_request_with_aws_request_ids() {
        String account = accounts.fresh().id();
        rules.save(TestRules.draft("Two managers", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", developer,
                2, ApproverType.GROUP, rules.groupId("engineering-managers")));
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(developer, account, "")).get(0));
        as(TestUsers.APPROVER, () -> access.decide(request, true, "first look"));
        as(TestUsers.DIRECTOR, () -> access.decide(request, true, ""));
        giveBack(grants, awaitGrant(access, request, GrantStatus.ACTIVE));
        awaitGrant(access, request, GrantStatus.REVOKED);

        AuditFilter ofRequest = AuditFilter.ALL.ofRequest(OptionalLong.of(request));
        List<AuditEntry> entries = await().atMost(GRANTED).until(
                () -> as(TestUsers.AUDITOR, () -> audit.page(ofRequest, Optional.empty(), 50)), e -> e.size() == 7);

        assertThat(entries).extracting(AuditEntry::action).containsExactlyInAnyOrder(AuditAction.ACCESS_REQUESTED,
                AuditAction.APPROVAL_RECORDED, AuditAction.REQUEST_APPROVED, AuditAction.AWS_WRITE_SUCCEEDED,
                AuditAction.ACCESS_GRANTED, AuditAction.AWS_WRITE_SUCCEEDED, AuditAction.ACCESS_REVOKED);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.about().accountId()).isEqualTo(account);
            assertThat(entry.about().permissionSet()).isEqualTo("Developer");
            assertThat(entry.about().person()).isEqualTo("Riley Chen");
        });
        assertThat(entries).filteredOn(entry -> entry.action() == AuditAction.AWS_WRITE_SUCCEEDED)
                .extracting(entry -> entry.details().substring(0, entry.details().indexOf(' ')))
                .containsExactlyInAnyOrder("CreateAccountAssignment", "DeleteAccountAssignment");
        assertThat(entries).filteredOn(entry -> entry.action() == AuditAction.AWS_WRITE_SUCCEEDED)
                .allSatisfy(entry -> assertThat(entry.about().awsRequestId()).isNotBlank());
        assertThat(entries).filteredOn(entry -> entry.action() == AuditAction.APPROVAL_RECORDED).singleElement()
                .satisfies(entry -> assertThat(entry.details()).endsWith("Approval 1 of 2; first look"));
    }
}
