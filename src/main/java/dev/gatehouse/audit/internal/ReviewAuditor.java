package dev.gatehouse.audit.internal;

import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.Population;
import dev.gatehouse.review.ReviewCampaignLaunched;
import dev.gatehouse.review.ReviewEvidenceSignedOff;
import dev.gatehouse.review.ReviewEvidenceVerified;
import dev.gatehouse.review.ReviewItemDecided;

/**
 * Writes access reviews to the audit trail: each launch with its population (counts and SHA-256), so the
 * chain vouches for the list reviewed, and each decision under the decision id the access ledger's
 * writes for it carry, so a revoke and its removal in Identity Center read as one story; and each
 * evidence sign-off with its files' SHA-256, and each check of a file against them.
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
}
