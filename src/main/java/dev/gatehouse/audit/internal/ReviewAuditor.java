package dev.gatehouse.audit.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.Population;
import dev.gatehouse.review.ReviewCampaignLaunched;
import dev.gatehouse.review.ReviewItemDecided;
import dev.gatehouse.review.ReviewMembershipRemoved;

/**
 * Writes access reviews to the audit trail: each launch with its population (counts and SHA-256), so the
 * chain vouches for the list reviewed, and each decision under the decision id the access ledger's
 * writes for it carry, so a revoke and its removal in Identity Center read as one story; a person removed
 * from a group for a revoke is recorded under that id too.
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
                population.items() + " items (" + population.direct() + " direct, " + population.throughGroups()
                        + " through groups); SHA-256 " + population.sha256()));
    }

    @ApplicationModuleListener
    void on(ReviewItemDecided event) {
        String held = event.held() == HowHeld.DIRECT ? "assigned directly" : "via group " + event.groupName();
        String next = event.nextStage() > 0 ? "; passed to stage " + event.nextStage() : "";
        repository.append(NewEntry.of(event.at(), event.decidedBy(), AuditAction.REVIEW_ITEM_DECIDED,
                        "decision " + event.decisionId(),
                        event.decision() + " at stage " + event.stage() + ": " + event.person().displayName() + ", "
                                + event.access().permissionSetName() + " on " + event.access().accountName() + " ("
                                + event.access().accountId() + "), " + held + next
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
                                + event.access().permissionSetName() + " on " + event.access().accountName()
                                + " (campaign " + event.campaignName() + ")")
                .about(AuditSubjects.NONE.account(event.access().accountId())
                        .permissionSetNamed(event.access().permissionSetName())
                        .concerning(event.person().displayName())));
    }
}
