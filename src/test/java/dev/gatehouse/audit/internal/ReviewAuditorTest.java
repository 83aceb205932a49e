package dev.gatehouse.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.ClosePreview;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.EvidenceFile;
import dev.gatehouse.review.EvidenceKind;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.Population;
import dev.gatehouse.review.ReviewCampaignCancelled;
import dev.gatehouse.review.ReviewCampaignClosed;
import dev.gatehouse.review.ReviewCampaignDueDateExtended;
import dev.gatehouse.review.Recurrence;
import dev.gatehouse.review.ReviewCampaignLaunched;
import dev.gatehouse.review.ReviewOccurrenceCreated;
import dev.gatehouse.review.ReviewRecurrenceStopped;
import dev.gatehouse.review.ReviewTemplateChanged;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.review.ReviewEvidenceSignedOff;
import dev.gatehouse.review.ReviewEvidenceVerified;
import dev.gatehouse.review.ReviewItemDecided;
import dev.gatehouse.review.ReviewItemEscalated;
import dev.gatehouse.review.ReviewItemReassigned;
import dev.gatehouse.review.ReviewRemindersSent;
import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewMembershipRemoved;
import dev.gatehouse.review.ReviewLaunchedDespiteStaleSync;

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
    void a_launch_reviewing_other_kinds_records_the_count_of_each() {
        publish(new ReviewCampaignLaunched(campaignId, "Q4 production review", "Morgan Reyes",
                new Population(AT, 48, 30, 12, "ab12cd34", Set.of(ItemKind.STANDING, ItemKind.ELIGIBILITY,
                        ItemKind.MEMBERSHIP, ItemKind.BREAK_GLASS), 3, 2, 1), AT.plusSeconds(14 * 86_400), AT));

        AuditEntry entry = awaitOneEntry("review campaign Q4 production review (#" + campaignId + ")");
        assertThat(entry.details()).isEqualTo("48 items (30 direct, 12 through groups, 3 access-rule eligibilities, "
                + "2 group memberships, 1 break-glass activation); SHA-256 ab12cd34");
    }

    @Test
    void a_decision_on_an_access_rules_eligibility_is_recorded_with_what_the_item_is_about() {
        publish(new ReviewItemDecided(campaignId, "Q4 production review", 9, 1, 0,
                new ReviewItemRow.Person("u-riley", "Riley Chen"),
                new ReviewItemRow.Access("", "Whole organization", "", "arn:aws:sso:::permissionSet/ssoins-1/ps-ro",
                        "ReadOnlyAccess"),
                HowHeld.GROUP, "payments-team", Decision.REVOKE, "Left payments", "Avery Patel", AT,
                ItemKind.ELIGIBILITY, "May request ReadOnlyAccess on Whole organization under rule \"Readers\" "
                + "(no approval): through group payments-team"));

        AuditEntry entry = awaitOneEntry("decision review-" + campaignId + "-9");
        assertThat(entry.details()).isEqualTo("REVOKE at stage 1: Riley Chen, access rule eligibility: May request "
                + "ReadOnlyAccess on Whole organization under rule \"Readers\" (no approval): through group "
                + "payments-team; Left payments (campaign Q4 production review)");
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

    @Test
    void a_close_is_recorded_with_the_policy_and_what_it_was_about_to_do() {
        publish(new ReviewCampaignClosed(campaignId, "Q4 production review", true,
                new ClosePreview(DueDatePolicy.REVOKE, 5, Map.of(ItemKind.STANDING, 5), 2, 2, 1), "Morgan Reyes", AT));

        AuditEntry entry = awaitOneEntry("review campaign Q4 production review (#" + campaignId + ")");
        assertThat(entry.action()).isEqualTo(AuditAction.REVIEW_CAMPAIGN_CLOSED);
        assertThat(entry.details()).isEqualTo("Closed early with the policy REVOKE: Would revoke 5 assignments on "
                + "2 accounts, 2 of them admin-level, 1 the last admin access of its account (held for your confirmation).");
    }

    @Test
    void a_cancel_an_extension_a_reassignment_and_a_launch_past_a_stale_sync_are_each_recorded_with_who_did_it() {
        String subject = "review campaign Q4 production review (#" + campaignId + ")";
        publish(new ReviewCampaignDueDateExtended(campaignId, "Q4 production review", AT, AT.plusSeconds(86_400),
                "Morgan Reyes", AT));
        publish(new ReviewLaunchedDespiteStaleSync(campaignId, "Q4 production review", "No directory sync has "
                + "succeeded yet", "Morgan Reyes", AT));
        publish(new ReviewCampaignCancelled(campaignId, "Q4 production review", CampaignStatus.ACTIVE, "Morgan Reyes",
                AT));
        publish(new ReviewItemReassigned(campaignId, "Q4 production review", 9,
                new ReviewItemRow.Person("u-riley", "Riley Chen"),
                new ReviewItemRow.Access("111122223333", "payments-prod", "Production", "arn:ps", "Developer"),
                "nobody", "Jordan Kim", "Morgan Reyes", "", AT));

        AuditEntry reassigned = awaitOneEntry("review item 9 of campaign Q4 production review");
        assertThat(reassigned.action()).isEqualTo(AuditAction.REVIEW_ITEM_REASSIGNED);
        assertThat(reassigned.details()).isEqualTo("Riley Chen, Developer on payments-prod: reviewer Jordan Kim instead "
                + "of nobody");
        assertThat(awaitEntries(subject, 3)).extracting(AuditEntry::action, AuditEntry::actor).containsExactlyInAnyOrder(
                tuple(AuditAction.REVIEW_DUE_DATE_EXTENDED, "Morgan Reyes"),
                tuple(AuditAction.REVIEW_CAMPAIGN_LAUNCHED_DESPITE_STALE_SYNC, "Morgan Reyes"),
                tuple(AuditAction.REVIEW_CAMPAIGN_CANCELLED, "Morgan Reyes"));
    }

    @Test
    void a_delegation_is_recorded_with_the_reviewers_reason() {
        publish(new ReviewItemReassigned(campaignId, "Q4 production review", 11,
                new ReviewItemRow.Person("u-riley", "Riley Chen"),
                new ReviewItemRow.Access("111122223333", "payments-prod", "Production", "arn:ps", "Developer"),
                "Avery Patel", "Jordan Kim", "Avery Patel", "On leave next week", AT));

        AuditEntry entry = awaitOneEntry("review item 11 of campaign Q4 production review");
        assertThat(entry.action()).isEqualTo(AuditAction.REVIEW_ITEM_REASSIGNED);
        assertThat(entry.actor()).isEqualTo("Avery Patel");
        assertThat(entry.details()).isEqualTo("Riley Chen, Developer on payments-prod: reviewer Jordan Kim instead of "
                + "Avery Patel (delegated: On leave next week)");
    }

    @Test
    void a_run_of_reminders_is_one_entry_with_its_counts_and_each_escalated_item_is_recorded_by_gatehouse() {
        publish(new ReviewRemindersSent(campaignId, "Q4 production review", CampaignMessage.OVERDUE, 3, 1, 12,
                "Morgan Reyes", AT));
        publish(new ReviewItemEscalated(campaignId, "Q4 production review", 12,
                new ReviewItemRow.Person("u-riley", "Riley Chen"),
                new ReviewItemRow.Access("111122223333", "payments-prod", "Production", "arn:ps", "Developer"),
                "Avery Patel", "Morgan Reyes", 3, AT));

        AuditEntry reminded = awaitOneEntry("review campaign Q4 production review (#" + campaignId + ")");
        assertThat(reminded.action()).isEqualTo(AuditAction.REVIEW_REMINDERS_SENT);
        assertThat(reminded.actor()).isEqualTo("Morgan Reyes");
        assertThat(reminded.details()).isEqualTo("Overdue reminder sent to 3 reviewers about 12 undecided items; "
                + "1 reminded today already");
        AuditEntry escalated = awaitOneEntry("review item 12 of campaign Q4 production review");
        assertThat(escalated.action()).isEqualTo(AuditAction.REVIEW_ITEM_ESCALATED);
        assertThat(escalated.actor()).isEqualTo("Gatehouse");
        assertThat(escalated.details()).isEqualTo("Riley Chen, Developer on payments-prod: escalated to the fallback "
                + "reviewer Morgan Reyes from Avery Patel, 3 days overdue");
        assertThat(escalated.about().person()).isEqualTo("Riley Chen");
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

    @Test
    void an_occurrence_created_by_gatehouse_and_a_stopped_recurrence_are_recorded_with_the_series() {
        String subject = "review campaign Q4 production review #2 (#" + campaignId + ")";
        publish(new ReviewOccurrenceCreated(7, 2, campaignId, "Q4 production review #2", Recurrence.QUARTERLY, AT,
                AT.plusSeconds(14 * 86_400), AT));
        publish(new ReviewRecurrenceStopped(7, campaignId, "Q4 production review #2", Recurrence.QUARTERLY,
                "Morgan Reyes", AT));

        assertThat(awaitEntries(subject, 2)).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::details)
                .containsExactlyInAnyOrder(
                        tuple(AuditAction.REVIEW_OCCURRENCE_CREATED, "Gatehouse", "Quarterly occurrence 2 of series #7, "
                                + "starts " + TimeText.of(AT) + ", due " + TimeText.of(AT.plusSeconds(14 * 86_400))),
                        tuple(AuditAction.REVIEW_RECURRENCE_STOPPED, "Morgan Reyes",
                                "Quarterly series #7 creates no further occurrence"));
    }

    @Test
    void templates_saved_renamed_and_deleted_are_recorded_with_who_did_it() {
        long templateId = System.nanoTime();
        String subject = "review template Quarterly (#" + templateId + ")";
        publish(new ReviewTemplateChanged(templateId, ReviewTemplateChanged.Change.SAVED, "Quarterly", "Quarterly", 12,
                "Morgan Reyes", AT));
        publish(new ReviewTemplateChanged(templateId, ReviewTemplateChanged.Change.DELETED, "Quarterly", "Quarterly",
                0, "Morgan Reyes", AT));
        publish(new ReviewTemplateChanged(templateId, ReviewTemplateChanged.Change.RENAMED, "Quarterly", "Q", 0,
                "Morgan Reyes", AT));

        assertThat(awaitEntries(subject, 3)).extracting(AuditEntry::action, AuditEntry::details)
                .containsExactlyInAnyOrder(tuple(AuditAction.REVIEW_TEMPLATE_SAVED, "Saved from campaign #12"),
                        tuple(AuditAction.REVIEW_TEMPLATE_DELETED, "Deleted"),
                        tuple(AuditAction.REVIEW_TEMPLATE_RENAMED, "Renamed from Q"));
    }
}
