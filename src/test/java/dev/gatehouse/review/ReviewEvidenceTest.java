package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.security.GatehouseUser;

/**
 * A campaign's evidence as an auditor receives it: the item CSV and the printable summary, signed off by
 * an admin once every item is decided, served byte for byte as hashed, and checked against those hashes.
 */
@SpringBootTest
class ReviewEvidenceTest {

    @Autowired
    private ReviewEvidence evidence;
    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private AuditTrail auditTrail;
    @Autowired
    private ReviewFixtures fixtures;

    private String riley;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
        riley = fixtures.userId(TestUsers.REQUESTER);
    }

    @Test
    void the_csv_has_one_row_per_item_with_its_decision_and_a_formula_like_comment_is_neutralised() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = managerReviewed(account);
        ReviewItemRow item = fixtures.items(campaign).get(0);
        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.KEEP, "=HYPERLINK(\"http://evil\") on call"));

        List<String> lines = lines(download(TestUsers.AUDITOR, campaign, EvidenceKind.ITEMS_CSV));

        assertThat(lines.get(0)).isEqualTo("\uFEFFItem,Campaign,Stage,Account id,Account name,OU path,Permission set,"
                + "Person,How held,Reviewer,Decision,Comment,Decided by,Decided at,Applied at,AWS request id,Outcome,"
                + "Outcome detail,Confirmed by sync at,New since last review,Kind,About");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(item.id() + "," + campaign.name() + ",1 of 1," + account.id() + ","
                        + account.name() + ",")
                .contains(",Developer,Riley Chen,direct,Avery Patel,KEEP,\"'=HYPERLINK(\"\"http://evil\"\") on call\","
                        + "Avery Patel,")
                .endsWith(",,,DECIDED,,,no,STANDING,");
    }

    @Test
    void a_removed_item_shows_when_it_was_applied_and_the_aws_request_id() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = managerReviewed(account);
        ReviewItemRow item = fixtures.items(campaign).get(0);
        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, "Left the team"));

        String row = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lines(download(TestUsers.ADMIN,
                campaign, EvidenceKind.ITEMS_CSV)).get(1), line -> line.contains(",REMOVED,") && !line.contains(",,,REMOVED,"));

        String[] cells = row.split(",");
        assertThat(cells[10]).isEqualTo("REVOKE");
        assertThat(cells[14]).as("applied at").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(cells[15]).as("AWS request id").isNotBlank();
        assertThat(cells[16]).isEqualTo("REMOVED");
    }

    @Test
    void the_summary_shows_scope_reviewers_population_counts_and_exceptions_all_html_escaped() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "AdministratorAccess", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        CampaignDraft draft = fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager()));
        ReviewCampaign campaign = fixtures.launched(new CampaignDraft("<b>Q4</b> & payments", draft.description(),
                draft.scope(), draft.stages(), draft.fallbackReviewerId(), draft.dueAt(), draft.dueDatePolicy()));
        ReviewItemRow admin = fixtures.items(campaign).stream()
                .filter(i -> i.access().permissionSetName().equals("AdministratorAccess")).findFirst().orElseThrow();
        as(TestUsers.APPROVER, () -> decisions.decide(admin.id(), Decision.KEEP, "<script>alert(1)</script> runs on-call"));

        String html = new String(download(TestUsers.AUDITOR, campaign, EvidenceKind.SUMMARY_HTML), StandardCharsets.UTF_8);

        assertThat(html).contains("<h1>Access review evidence: &lt;b&gt;Q4&lt;/b&gt; &amp; payments</h1>")
                .doesNotContain("<b>Q4</b>", "<script>")
                .contains("Account: " + account.name() + " (" + account.id() + ")")
                .contains("<li>the person&#39;s manager</li>")
                .contains("<tr><th>Items</th><td>2 (2 assigned directly, 0 through groups)</td></tr>")
                .contains(campaign.population().orElseThrow().sha256())
                .contains("<tr><th>Kept</th><td>1</td></tr>", "<tr><th>Undecided</th><td>1</td></tr>")
                .contains("<h3>Admin-level access kept (1)</h3>", "&lt;script&gt;alert(1)&lt;/script&gt; runs on-call")
                .contains("<h3>Undecided (1)</h3>", "<h3>Failed removals (0)</h3>")
                .contains("Not signed off: this is a preview, not evidence.");
    }

    @Test
    void sign_off_is_refused_while_items_are_pending_to_auditors_and_a_second_time() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = managerReviewed(account);

        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> evidence.signOff(campaign.id())))
                .isInstanceOf(ReviewProblem.class).hasMessage("1 item is still waiting for a decision: sign off when "
                        + "every item is decided, or once the campaign is closed.");
        decideAll(campaign);
        assertThatThrownBy(() -> as(TestUsers.AUDITOR, () -> evidence.signOff(campaign.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> evidence.files(campaign.id())))
                .isInstanceOf(AccessDeniedException.class);

        List<EvidenceFile> files = as(TestUsers.ADMIN, () -> evidence.signOff(campaign.id()));

        assertThat(files).extracting(EvidenceFile::fileName).containsExactly(
                "gatehouse-review-" + campaign.id() + "-items.csv", "gatehouse-review-" + campaign.id() + "-summary.html");
        assertThat(files).allSatisfy(f -> assertThat(f.signedOffBy()).isEqualTo("Morgan Reyes"));
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> evidence.signOff(campaign.id())))
                .isInstanceOf(ReviewProblem.class).hasMessageStartingWith("The evidence was signed off by Morgan Reyes on ")
                .hasMessageEndingWith("; it cannot be signed off again.");
    }

    @Test
    void a_draft_has_no_evidence_to_sign_off() {
        AccountRow account = fixtures.account();
        long id = as(TestUsers.ADMIN, () -> campaigns.create(fixtures.draft(CampaignScope.accounts(
                Set.of(account.id())), List.of(ReviewerStage.manager())))).id();

        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> evidence.signOff(id))).isInstanceOf(ReviewProblem.class)
                .hasMessage("The campaign has not been launched, so there is no evidence to sign off.");
    }

    @Test
    void downloads_after_sign_off_are_the_hashed_bytes_and_the_summary_names_the_csv_hash_and_who_signed_off() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = managerReviewed(account);
        decideAll(campaign);
        List<EvidenceFile> files = as(TestUsers.ADMIN, () -> evidence.signOff(campaign.id()));

        byte[] csv = download(TestUsers.AUDITOR, campaign, EvidenceKind.ITEMS_CSV);
        byte[] html = download(TestUsers.AUDITOR, campaign, EvidenceKind.SUMMARY_HTML);

        assertThat(ReviewEvidence.sha256(csv)).isEqualTo(files.get(0).sha256());
        assertThat(csv).hasSize((int) files.get(0).bytes());
        assertThat(ReviewEvidence.sha256(html)).isEqualTo(files.get(1).sha256());
        assertThat(new String(html, StandardCharsets.UTF_8)).contains("Signed off by Morgan Reyes on ")
                .contains(files.get(0).sha256());
    }

    @Test
    void the_audit_trail_records_the_sign_off_with_both_files_hashes_and_each_verification() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = managerReviewed(account);
        decideAll(campaign);
        List<EvidenceFile> files = as(TestUsers.ADMIN, () -> evidence.signOff(campaign.id()));
        as(TestUsers.AUDITOR, () -> evidence.verify(campaign.id(), files.get(1).fileName(), new byte[] {42}));
        String subject = "review campaign " + campaign.name() + " (#" + campaign.id() + ")";

        AuditEntry signedOff = awaitEntry(AuditAction.REVIEW_EVIDENCE_SIGNED_OFF, subject);
        AuditEntry verified = awaitEntry(AuditAction.REVIEW_EVIDENCE_VERIFIED, subject);

        assertThat(signedOff.actor()).isEqualTo("Morgan Reyes");
        assertThat(signedOff.details()).isEqualTo(files.get(0).fileName() + " SHA-256 " + files.get(0).sha256() + " ("
                + files.get(0).bytes() + " bytes); " + files.get(1).fileName() + " SHA-256 " + files.get(1).sha256()
                + " (" + files.get(1).bytes() + " bytes)");
        assertThat(verified.actor()).isEqualTo("Sam Okafor");
        assertThat(verified.details()).startsWith(files.get(1).fileName() + ": This file does not match");
    }

    @Test
    void verify_accepts_a_downloaded_file_and_refuses_it_with_one_byte_changed() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = managerReviewed(account);
        decideAll(campaign);
        String csvName = EvidenceKind.ITEMS_CSV.fileName(campaign.id());
        assertThat(as(TestUsers.AUDITOR, () -> evidence.verify(campaign.id(), csvName, new byte[] {1})).message())
                .isEqualTo("No evidence has been signed off for this campaign.");
        List<EvidenceFile> files = as(TestUsers.ADMIN, () -> evidence.signOff(campaign.id()));
        byte[] csv = download(TestUsers.AUDITOR, campaign, EvidenceKind.ITEMS_CSV);

        EvidenceVerdict good = as(TestUsers.AUDITOR, () -> evidence.verify(campaign.id(), csvName, csv));
        byte[] changed = Arrays.copyOf(csv, csv.length);
        changed[changed.length - 3] ^= 1;
        EvidenceVerdict bad = as(TestUsers.AUDITOR, () -> evidence.verify(campaign.id(), csvName, changed));

        assertThat(good.matches()).isTrue();
        assertThat(good.message()).startsWith("This file matches " + csvName + ", the evidence signed off by Morgan Reyes on ")
                .endsWith(" UTC, SHA-256 " + files.get(0).sha256() + ".");
        assertThat(bad.matches()).isFalse();
        assertThat(bad.message()).isEqualTo("This file does not match the signed-off evidence: its SHA-256 is "
                + ReviewEvidence.sha256(changed) + ", the signed-off " + csvName + "'s is " + files.get(0).sha256() + ".");
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> evidence.verify(campaign.id(), csvName, csv)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private AuditEntry awaitEntry(AuditAction action, String subject) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> as(TestUsers.AUDITOR,
                        () -> auditTrail.page(new AuditFilter("", Optional.of(action)), 0, 200)).stream()
                .filter(e -> e.subject().equals(subject)).findFirst(), Optional::isPresent).orElseThrow();
    }

    private ReviewCampaign managerReviewed(AccountRow account) {
        return fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
    }

    /** Avery, Riley's manager, keeps every item. */
    private void decideAll(ReviewCampaign campaign) {
        fixtures.items(campaign).forEach(item -> as(TestUsers.APPROVER,
                () -> decisions.decide(item.id(), Decision.KEEP, "Still on the payments team")));
    }

    private byte[] download(GatehouseUser user, ReviewCampaign campaign, EvidenceKind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(user, () -> {
            evidence.download(campaign.id(), kind, out);
            return null;
        });
        return out.toByteArray();
    }

    private static List<String> lines(byte[] csv) {
        return List.of(new String(csv, StandardCharsets.UTF_8).split("\r\n"));
    }
}
