package dev.gatehouse.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.Population;
import dev.gatehouse.review.ReviewCampaignLaunched;
import dev.gatehouse.review.ReviewItemDecided;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewMembershipRemoved;

/** Access reviews as an auditor reads them: the launched population with its hash, and each decision and group removal under its id. */
class ReviewAuditorTest extends AuditListenerTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private final long campaignId = System.nanoTime();

    @Test
    void a_launch_is_recorded_with_its_item_counts_and_the_population_hash() {
        publish(new ReviewCampaignLaunched(campaignId, "Q4 production review", "Morgan Reyes",
                new Population(AT, 42, 30, 12, "ab12cd34"), AT.plusSeconds(14 * 86_400), AT));

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
    void a_person_removed_from_a_group_for_a_revoke_is_recorded_under_the_decision_id() {
        publish(new ReviewMembershipRemoved("review-" + campaignId + "-8", "Q4 production review",
                new ReviewItemRow.Person("u-riley", "Riley Chen"),
                new ReviewItemRow.Access("111122223333", "payments-prod", "Production / Commerce / Payments",
                        "arn:aws:sso:::permissionSet/ssoins-1/ps-dev", "Developer"),
                "g-build", "build-team", true, "Avery Patel", AT));

        AuditEntry entry = awaitOneEntry("decision review-" + campaignId + "-8");
        assertThat(entry.action()).isEqualTo(AuditAction.REVIEW_MEMBERSHIP_REMOVED);
        assertThat(entry.actor()).isEqualTo("Avery Patel");
        assertThat(entry.details()).isEqualTo("Removed Riley Chen from group build-team (g-build) in the Identity Store, "
                + "for Developer on payments-prod (campaign Q4 production review)");
        assertThat(entry.about().person()).isEqualTo("Riley Chen");
    }
}
