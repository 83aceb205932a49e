package dev.gatehouse.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.EvidenceKind;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewDecisions;
import dev.gatehouse.review.ReviewEvidence;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewerStage;

/** A campaign's evidence on its page: an admin signs it off after confirming, auditors download and verify. */
class CampaignEvidenceViewTest extends KaribuTest {

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private ReviewEvidence evidence;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
    }

    @Test
    void an_admin_signs_off_a_decided_campaign_after_confirming_and_the_page_shows_both_hashes() {
        ReviewCampaign campaign = launchedWithOneItem();
        keepEverything(campaign);
        openAs(TestUsers.ADMIN, "reviews/campaigns/" + campaign.id());
        assertThat(evidenceStatus()).isEqualTo("Not signed off yet: the downloads are previews of the items as they are now.");

        _click(_get(Button.class, spec -> spec.withId(EvidenceSection.SIGN_OFF_ID)));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(lastToast()).isEqualTo("Evidence signed off: both files' SHA-256 are in the audit trail.");
        assertThat(evidenceStatus()).startsWith("Signed off by Morgan Reyes ")
                .contains("gatehouse-review-" + campaign.id() + "-items.csv SHA-256 ")
                .contains("gatehouse-review-" + campaign.id() + "-summary.html SHA-256 ");
        assertThat(_find(Button.class, spec -> spec.withId(EvidenceSection.SIGN_OFF_ID))).isEmpty();
    }

    @Test
    void signing_off_while_items_are_pending_tells_the_admin_why_not() {
        ReviewCampaign campaign = launchedWithOneItem();
        openAs(TestUsers.ADMIN, "reviews/campaigns/" + campaign.id());

        _click(_get(Button.class, spec -> spec.withId(EvidenceSection.SIGN_OFF_ID)));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(lastToast()).isEqualTo("1 item is still waiting for a decision: sign off when every item is decided, "
                + "or once the campaign is closed.");
        assertThat(evidenceStatus()).startsWith("Not signed off yet");
    }

    @Test
    void an_auditor_downloads_the_evidence_and_verifies_a_file_but_cannot_sign_off() {
        ReviewCampaign campaign = launchedWithOneItem();
        keepEverything(campaign);
        as(TestUsers.ADMIN, () -> evidence.signOff(campaign.id()));
        String fileName = EvidenceKind.SUMMARY_HTML.fileName(campaign.id());
        byte[] summary = downloaded(campaign, EvidenceKind.SUMMARY_HTML);
        openAs(TestUsers.AUDITOR, "reviews/campaigns/" + campaign.id());

        assertThat(_find(Button.class, spec -> spec.withId(EvidenceSection.SIGN_OFF_ID))).isEmpty();
        for (String id : List.of(EvidenceSection.CSV_ID, EvidenceSection.HTML_ID)) {
            Anchor link = _get(Anchor.class, spec -> spec.withId(id));
            assertThat(link.getHref()).as("a download handler is registered").isNotEmpty();
            assertThat(link.getElement().hasAttribute("download")).isTrue();
        }
        assertThat(_get(Anchor.class, spec -> spec.withId(EvidenceSection.CSV_ID)).getText()).isEqualTo("Items (CSV)");

        upload(fileName, summary);
        assertThat(verdict()).startsWith("This file matches " + fileName + ", the evidence signed off by Morgan Reyes on ");

        byte[] changed = Arrays.copyOf(summary, summary.length);
        changed[100] ^= 1;
        upload(fileName, changed);
        assertThat(verdict()).startsWith("This file does not match the signed-off evidence: its SHA-256 is ");
    }

    private ReviewCampaign launchedWithOneItem() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", fixtures.userId(TestUsers.REQUESTER));
        return fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
    }

    private void keepEverything(ReviewCampaign campaign) {
        fixtures.items(campaign).forEach(item -> as(TestUsers.APPROVER,
                () -> decisions.decide(item.id(), Decision.KEEP, "Still on the payments team")));
    }

    private byte[] downloaded(ReviewCampaign campaign, EvidenceKind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(TestUsers.AUDITOR, () -> {
            evidence.download(campaign.id(), kind, out);
            return null;
        });
        return out.toByteArray();
    }

    private static void upload(String fileName, byte[] content) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId(EvidenceSection.VERIFY_ID)), fileName, "text/html", content);
        MockVaadin.clientRoundtrip();
    }

    private static String evidenceStatus() {
        return _get(Paragraph.class, spec -> spec.withId(EvidenceSection.EVIDENCE_ID)).getText();
    }

    private static String verdict() {
        return _get(Paragraph.class, spec -> spec.withId(EvidenceSection.VERDICT_ID)).getText();
    }

    private static String lastToast() {
        return NotificationsKt.getNotifications().get(NotificationsKt.getNotifications().size() - 1).getElement()
                .getProperty("text");
    }
}
