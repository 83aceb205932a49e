package dev.gatehouse.audit.internal;

import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.Population;
import dev.gatehouse.review.ReviewCampaignCancelled;
import dev.gatehouse.review.ReviewCampaignClosed;
import dev.gatehouse.review.ReviewCampaignDueDateExtended;
import dev.gatehouse.review.ReviewCampaignLaunched;
import dev.gatehouse.review.ReviewEvidenceSignedOff;
import dev.gatehouse.review.ReviewEvidenceVerified;
import dev.gatehouse.review.ReviewItemDecided;
import dev.gatehouse.review.ReviewItemEscalated;
import dev.gatehouse.review.ReviewItemReassigned;
import dev.gatehouse.review.ReviewRemindersSent;
import dev.gatehouse.review.ReviewLaunchedDespiteStaleSync;
import dev.gatehouse.review.ReviewMembershipRemoved;
import dev.gatehouse.review.ReviewOccurrenceCreated;
import dev.gatehouse.review.ReviewRecurrenceStopped;
import dev.gatehouse.review.ReviewTemplateChanged;
import dev.gatehouse.shared.SystemActor;
import dev.gatehouse.shared.TimeText;

/**
 * Writes access reviews to the audit trail: each launch with its population (counts and SHA-256), so the
 * chain vouches for the list reviewed, and each decision under the decision id the access ledger's
 * writes for it carry, so a revoke and its removal in Identity Center read as one story (a person removed
 * from a group for a revoke too); what admins do to a campaign after launch: a launch past the sync-age
 * guard, due dates moved, closes (with what the due-date policy was about to do), cancels and reassigned
 * items; reminders (one entry per run and campaign, with counts) and each item escalated to the fallback;
 * and each evidence sign-off with its files' SHA-256, and each check of a file against them; recurring
 * campaigns' occurrences created and recurrences stopped, and templates saved, renamed and deleted.
 */
@Component
class ReviewAuditor {

    private final AuditRepository repository;

    ReviewAuditor(AuditRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(ReviewCampaignLaunched event) {
        Population population = event.population();
        repository.append(NewEntry.of(event.at(), event.launchedBy(), AuditAction.REVIEW_CAMPAIGN_LAUNCHED,
                "review campaign " + event.name() + " (#" + event.campaignId() + ")",
                population.counts() + "; SHA-256 " + population.sha256()));
    }

    /** Each file's name, SHA-256 and size: what a downloaded file is checked against, kept by the chain. */
    @ApplicationModuleListener
    void on(ReviewEvidenceSignedOff event) {
        repository.append(NewEntry.of(event.at(), event.signedOffBy(), AuditAction.REVIEW_EVIDENCE_SIGNED_OFF,
                campaign(event.campaignName(), event.campaignId()), event.files().stream()
                        .map(f -> f.fileName() + " SHA-256 " + f.sha256() + " (" + f.bytes() + " bytes)")
                        .collect(Collectors.joining("; "))));
    }

    @ApplicationModuleListener
    void on(ReviewEvidenceVerified event) {
        repository.append(NewEntry.of(event.at(), event.verifiedBy(), AuditAction.REVIEW_EVIDENCE_VERIFIED,
                campaign(event.campaignName(), event.campaignId()),
                (event.fileName().isEmpty() ? "" : event.fileName() + ": ") + event.verdict()));
    }

    private static String campaign(String name, long id) {
        return "review campaign " + name + " (#" + id + ")";
    }

    @ApplicationModuleListener
    void on(ReviewItemDecided event) {
        String held = event.held() == HowHeld.DIRECT ? "assigned directly" : "via group " + event.groupName();
        String next = event.nextStage() > 0 ? "; passed to stage " + event.nextStage() : "";
        String what = event.kind() == ItemKind.STANDING ? event.access().permissionSetName() + " on "
                + event.access().accountName() + " (" + event.access().accountId() + "), " + held
                : event.kind().label().toLowerCase() + ": " + event.about();
        repository.append(NewEntry.of(event.at(), event.decidedBy(), AuditAction.REVIEW_ITEM_DECIDED,
                        "decision " + event.decisionId(),
                        event.decision() + " at stage " + event.stage() + ": " + event.person().displayName() + ", "
                                + what + next
                                + (event.comment().isEmpty() ? "" : "; " + event.comment())
                                + " (campaign " + event.campaignName() + ")")
                .about(AuditSubjects.NONE.account(event.access().accountId())
                        .permissionSetNamed(event.access().permissionSetName())
                        .concerning(event.person().displayName())));
    }

    @ApplicationModuleListener
    void on(ReviewMembershipRemoved event) {
        repository.append(NewEntry.of(event.at(), event.decidedBy(), AuditAction.REVIEW_MEMBERSHIP_REMOVED,
                        "decision " + event.decisionId(),
                        (event.removedByGatehouse() ? "Removed " + event.person().displayName() + " from group "
                                : event.person().displayName() + " was already out of group ")
                                + event.groupName() + " (" + event.groupId() + ") in the Identity Store, for "
                                + (event.access().accountId().isEmpty() ? "the membership itself"
                                : event.access().permissionSetName() + " on " + event.access().accountName())
                                + " (campaign " + event.campaignName() + ")")
                .about(AuditSubjects.NONE.account(event.access().accountId())
                        .permissionSetNamed(event.access().permissionSetName())
                        .concerning(event.person().displayName())));
    }

    @ApplicationModuleListener
    void on(ReviewLaunchedDespiteStaleSync event) {
        repository.append(NewEntry.of(event.at(), event.launchedBy(),
                AuditAction.REVIEW_CAMPAIGN_LAUNCHED_DESPITE_STALE_SYNC, campaign(event.name(), event.campaignId()),
                "Launched anyway: " + event.refusal()));
    }

    @ApplicationModuleListener
    void on(ReviewCampaignDueDateExtended event) {
        repository.append(NewEntry.of(event.at(), event.extendedBy(), AuditAction.REVIEW_DUE_DATE_EXTENDED,
                campaign(event.name(), event.campaignId()), "Due " + TimeText.of(event.dueAt()) + " instead of "
                        + TimeText.of(event.previousDueAt())));
    }

    @ApplicationModuleListener
    void on(ReviewCampaignClosed event) {
        repository.append(NewEntry.of(event.at(), event.closedBy(), AuditAction.REVIEW_CAMPAIGN_CLOSED,
                campaign(event.name(), event.campaignId()), (event.early() ? "Closed early" : "Closed at the due date")
                        + " with the policy " + event.preview().policy() + ": " + event.preview().text()));
    }

    @ApplicationModuleListener
    void on(ReviewCampaignCancelled event) {
        repository.append(NewEntry.of(event.at(), event.cancelledBy(), AuditAction.REVIEW_CAMPAIGN_CANCELLED,
                campaign(event.name(), event.campaignId()), "Cancelled while " + event.was().name().toLowerCase()
                        + "; undecided items left as they are"));
    }

    @ApplicationModuleListener
    void on(ReviewItemReassigned event) {
        repository.append(NewEntry.of(event.at(), event.reassignedBy(), AuditAction.REVIEW_ITEM_REASSIGNED,
                        "review item " + event.itemId() + " of campaign " + event.campaignName(),
                        event.person().displayName() + ", " + event.access().permissionSetName() + " on "
                                + event.access().accountName() + ": reviewer " + event.reviewer() + " instead of "
                                + event.previousReviewer() + (event.reason().isEmpty() ? ""
                                : " (delegated: " + event.reason() + ")"))
                .about(AuditSubjects.NONE.account(event.access().accountId())
                        .permissionSetNamed(event.access().permissionSetName())
                        .concerning(event.person().displayName())));
    }

    /** One entry per run and campaign, with the counts: never one per reviewer or item. */
    @ApplicationModuleListener
    void on(ReviewRemindersSent event) {
        String kind = switch (event.kind()) {
            case OVERDUE -> "Overdue reminder";
            default -> "Reminder";
        };
        repository.append(NewEntry.of(event.at(), event.sentBy(), AuditAction.REVIEW_REMINDERS_SENT,
                campaign(event.name(), event.campaignId()), kind + " sent to " + event.reminded()
                        + (event.reminded() == 1 ? " reviewer" : " reviewers") + " about " + event.items()
                        + (event.items() == 1 ? " undecided item" : " undecided items") + "; "
                        + event.alreadyToday() + " reminded today already"));
    }

    @ApplicationModuleListener
    void on(ReviewItemEscalated event) {
        repository.append(NewEntry.of(event.at(), SystemActor.NAME, AuditAction.REVIEW_ITEM_ESCALATED,
                        "review item " + event.itemId() + " of campaign " + event.campaignName(),
                        event.person().displayName() + ", " + event.access().permissionSetName() + " on "
                                + event.access().accountName() + ": escalated to the fallback reviewer "
                                + event.reviewer() + " from " + event.previousReviewer() + ", "
                                + event.daysOverdue() + (event.daysOverdue() == 1 ? " day" : " days") + " overdue")
                .about(AuditSubjects.NONE.account(event.access().accountId())
                        .permissionSetNamed(event.access().permissionSetName())
                        .concerning(event.person().displayName())));
    }


    @ApplicationModuleListener
    void on(ReviewOccurrenceCreated event) {
        repository.append(NewEntry.of(event.at(), SystemActor.NAME, AuditAction.REVIEW_OCCURRENCE_CREATED,
                campaign(event.name(), event.campaignId()), event.recurrence().label() + " occurrence "
                        + event.occurrence() + " of series #" + event.seriesId() + ", starts "
                        + TimeText.of(event.startsAt()) + ", due " + TimeText.of(event.dueAt())));
    }

    @ApplicationModuleListener
    void on(ReviewRecurrenceStopped event) {
        repository.append(NewEntry.of(event.at(), event.stoppedBy(), AuditAction.REVIEW_RECURRENCE_STOPPED,
                campaign(event.name(), event.campaignId()), event.recurrence().label() + " series #"
                        + event.seriesId() + " creates no further occurrence"));
    }

    @ApplicationModuleListener
    void on(ReviewTemplateChanged event) {
        String subject = "review template " + event.name() + " (#" + event.templateId() + ")";
        switch (event.change()) {
            case SAVED -> repository.append(NewEntry.of(event.at(), event.by(), AuditAction.REVIEW_TEMPLATE_SAVED,
                    subject, event.fromCampaign() == 0 ? "Saved" : "Saved from campaign #" + event.fromCampaign()));
            case RENAMED -> repository.append(NewEntry.of(event.at(), event.by(), AuditAction.REVIEW_TEMPLATE_RENAMED,
                    subject, "Renamed from " + event.previousName()));
            case DELETED -> repository.append(NewEntry.of(event.at(), event.by(), AuditAction.REVIEW_TEMPLATE_DELETED,
                    subject, "Deleted"));
        }
    }
}
