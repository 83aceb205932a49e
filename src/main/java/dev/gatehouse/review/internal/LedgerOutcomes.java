package dev.gatehouse.review.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.access.AssignmentWrittenByDecision;
import dev.gatehouse.access.StandingRemovalWaits;
import dev.gatehouse.aws.WriteStatus;
import dev.gatehouse.review.ItemStatus;

/** What the access ledger says about the removals review decisions asked for, onto their items. */
@Component
class LedgerOutcomes {

    private final Revocations revocations;

    LedgerOutcomes(Revocations revocations) {
        this.revocations = revocations;
    }

    @ApplicationModuleListener
    void on(AssignmentWrittenByDecision event) {
        if (event.creating()) {
            return;
        }
        Revocations.itemOf(event.decisionId()).ifPresent(itemId -> {
            switch (event.outcome().status()) {
                case SUCCEEDED -> revocations.record(itemId, ItemStatus.REMOVED, "");
                case FAILED -> revocations.record(itemId, ItemStatus.FAILED, "Identity Center refused the removal, "
                        + "which is tried again: " + event.outcome().failureReason());
                case TIMED_OUT -> revocations.record(itemId, ItemStatus.APPLYING,
                        "Identity Center is still removing it (request " + event.outcome().requestId() + ")");
            }
            revocations.written(itemId, event.outcome().requestId(), event.outcome().status() == WriteStatus.SUCCEEDED,
                    event.at());
        });
    }

    @ApplicationModuleListener
    void on(StandingRemovalWaits event) {
        Revocations.itemOf(event.decisionId()).ifPresent(itemId ->
                revocations.record(itemId, ItemStatus.APPLYING, event.detail()));
    }
}
