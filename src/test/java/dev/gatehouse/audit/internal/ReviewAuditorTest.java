package dev.gatehouse.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.EvidenceFile;
import dev.gatehouse.review.EvidenceKind;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.Population;
import dev.gatehouse.review.ReviewCampaignLaunched;
import dev.gatehouse.review.ReviewEvidenceSignedOff;
import dev.gatehouse.review.ReviewEvidenceVerified;
import dev.gatehouse.review.ReviewItemDecided;
import dev.gatehouse.review.ReviewItemRow;

/** Access reviews as an auditor reads them: the launched population with its hash, and each decision under its id. */
class ReviewAuditorTest extends AuditListenerTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private final long campaignId = System.nanoTime();

    @Test
    void a_launch_is_recorded_with_its_item_counts_and_the_population_hash() {
        publish(new ReviewCampaignLaunched(campaignId, "Q4 production review", "Morgan Reyes",
                new Population(AT, 42, 30, 12, "ab12cd34"), AT));

        AuditEntry entry = awaitOneEntry("review campaign Q4 production review (#" + campaignId + ")");
        assertThat(entry.action()).isEqualTo(AuditAction.REVIEW_CAMPAIGN_LAUNCHED);
        assertThat(entry.actor()).isEqualTo("Morgan Reyes");
        assertThat(entry.details()).isEqualTo("42 items (30 direct, 12 through groups); SHA-256 ab12cd34");
    }

    @Test
    void a_decision_is_recorded_under_the_decision_id_the_ledger_uses_with_who_what_and_why() {
        publish(new ReviewItemDecided(campaignId, "Q4 production review", 7, 1, 2,
                new ReviewItemRow.Person("u-riley", "Riley Chen"),
                new ReviewItemRow.Access("111122223333", "payments-prod", "Production / Commerce / Payments",
                        "arn:aws:sso:::permissionSet/ssoins-1/ps-dev", "Developer"),
                HowHeld.GROUP, "payments-team", Decision.KEEP, "Deploys daily", "Avery Patel", AT));

        AuditEntry entry = awaitOneEntry("decision review-" + campaignId + "-7");
        assertThat(entry.action()).isEqualTo(AuditAction.REVIEW_ITEM_DECIDED);
        assertThat(entry.actor()).isEqualTo("Avery Patel");
        assertThat(entry.details()).isEqualTo("KEEP at stage 1: Riley Chen, Developer on payments-prod (111122223333), "
                + "via group payments-team; passed to stage 2; Deploys daily (campaign Q4 production review)");
        assertThat(entry.about().person()).isEqualTo("Riley Chen");
        assertThat(entry.about().accountId()).isEqualTo("111122223333");
        assertThat(entry.about().permissionSet()).isEqualTo("Developer");
    }

    @Test
    void an_evidence_sign_off_is_recorded_with_each_files_name_and_sha_256() {
        publish(new ReviewEvidenceSignedOff(campaignId, "Q4 production review", "Morgan Reyes", List.of(
                new EvidenceFile(EvidenceKind.ITEMS_CSV, "gatehouse-review-9-items.csv", "aa11", 2048, "Morgan Reyes", AT),
                new EvidenceFile(EvidenceKind.SUMMARY_HTML, "gatehouse-review-9-summary.html", "bb22", 4096,
                        "Morgan Reyes", AT)), AT));

        AuditEntry entry = awaitOneEntry("review campaign Q4 production review (#" + campaignId + ")");
        assertThat(entry.action()).isEqualTo(AuditAction.REVIEW_EVIDENCE_SIGNED_OFF);
        assertThat(entry.actor()).isEqualTo("Morgan Reyes");
        assertThat(entry.details()).isEqualTo("gatehouse-review-9-items.csv SHA-256 aa11 (2048 bytes); "
                + "gatehouse-review-9-summary.html SHA-256 bb22 (4096 bytes)");
    }

    @Test
    void a_check_of_a_file_against_the_evidence_is_recorded_with_its_verdict() {
        publish(new ReviewEvidenceVerified(campaignId, "Q4 production review", "Sam Okafor",
                "gatehouse-review-9-items.csv", false, "This file does not match the signed-off evidence.", AT));

        AuditEntry entry = awaitOneEntry("review campaign Q4 production review (#" + campaignId + ")");
        assertThat(entry.action()).isEqualTo(AuditAction.REVIEW_EVIDENCE_VERIFIED);
        assertThat(entry.actor()).isEqualTo("Sam Okafor");
        assertThat(entry.details()).isEqualTo("gatehouse-review-9-items.csv: This file does not match the signed-off "
                + "evidence.");
    }
}
