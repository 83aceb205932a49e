package dev.gatehouse.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.access.AssignmentWrittenByDecision;
import dev.gatehouse.access.StandingRemovalWaits;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.aws.WriteOutcome;
import dev.gatehouse.aws.WriteStatus;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.TestRules;

/** The writes a named decision asked for, as an auditor reads them: who decided, on what, by name and id. */
class DecidedWriteAuditorTest extends AuditListenerTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;

    private AccountRow account;
    private String riley;
    private String networkAdmin;

    @BeforeEach
    void demoDirectory() {
        rules.demoDirectory();
        account = accounts.fresh();
        riley = rules.userId(TestUsers.REQUESTER);
        networkAdmin = rules.permissionSetArn("NetworkAdmin");
    }

    @Test
    void a_removal_a_decision_asked_for_is_recorded_under_the_decision_with_the_deciders_name_and_every_id() {
        publish(new AssignmentWrittenByDecision(AssignmentKey.user(account.id(), networkAdmin, riley), "review-7-item-3",
                "Morgan Reviewer", false, new WriteOutcome(WriteStatus.SUCCEEDED, "aws-req-1", ""), AT));

        AuditEntry entry = awaitOneEntry("decision review-7-item-3");
        assertThat(entry.action()).isEqualTo(AuditAction.AWS_WRITE_SUCCEEDED);
        assertThat(entry.actor()).isEqualTo("Morgan Reviewer");
        assertThat(entry.subject()).isEqualTo("decision review-7-item-3");
        assertThat(entry.details()).isEqualTo("DeleteAccountAssignment for user Riley Chen (id " + riley + "): "
                + "NetworkAdmin on " + account.name() + " (" + account.id() + ")");
        assertThat(entry.about().person()).isEqualTo("Riley Chen");
        assertThat(entry.about().accountId()).isEqualTo(account.id());
        assertThat(entry.about().permissionSet()).isEqualTo("NetworkAdmin");
        assertThat(entry.about().awsRequestId()).isEqualTo("aws-req-1");
    }

    @Test
    void a_failed_write_for_a_group_names_the_group_and_the_reason_and_concerns_no_one_person() {
        String payments = rules.groupId("payments-team");
        publish(new AssignmentWrittenByDecision(AssignmentKey.group(account.id(), networkAdmin, payments), "admin-removal-1",
                "Morgan Reyes", true, new WriteOutcome(WriteStatus.FAILED, "", "ThrottlingException"), AT));

        AuditEntry entry = awaitOneEntry("decision admin-removal-1");
        assertThat(entry.action()).isEqualTo(AuditAction.AWS_WRITE_FAILED);
        assertThat(entry.details()).isEqualTo("CreateAccountAssignment for group payments-team (id " + payments + "): "
                + "NetworkAdmin on " + account.name() + " (" + account.id() + "); ThrottlingException");
        assertThat(entry.about().person()).isEmpty();
    }

    @Test
    void a_removal_that_waits_says_which_grants_keep_their_access_until_they_end() {
        publish(new StandingRemovalWaits(AssignmentKey.user(account.id(), networkAdmin, riley), "review-7-item-4",
                "Morgan Reviewer", List.of(12L, 15L), AT));

        AuditEntry entry = awaitOneEntry("decision review-7-item-4");
        assertThat(entry.action()).isEqualTo(AuditAction.STANDING_REMOVAL_WAITING);
        assertThat(entry.subject()).isEqualTo("decision review-7-item-4");
        assertThat(entry.details()).isEqualTo("DeleteAccountAssignment for user Riley Chen (id " + riley + "): "
                + "NetworkAdmin on " + account.name() + " (" + account.id() + "): Waits for grants #12 and #15 to end; "
                + "until then the grants keep their access");
    }

    @Test
    void an_assignment_of_someone_no_longer_in_the_directory_is_recorded_by_its_ids() {
        publish(new AssignmentWrittenByDecision(AssignmentKey.user("999999999999", "arn:aws:sso:::permissionSet/ssoins-x/ps-gone",
                "user-gone"), "review-8-item-1", "Morgan Reviewer", false,
                new WriteOutcome(WriteStatus.SUCCEEDED, "aws-req-2", ""), AT));

        assertThat(awaitOneEntry("decision review-8-item-1").details()).isEqualTo("DeleteAccountAssignment for user user-gone: "
                + "arn:aws:sso:::permissionSet/ssoins-x/ps-gone on 999999999999");
    }
}
