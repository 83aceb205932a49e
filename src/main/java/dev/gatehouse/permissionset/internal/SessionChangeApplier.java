package dev.gatehouse.permissionset.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.aws.AwsCallFailed;
import dev.gatehouse.aws.PermissionSets;
import dev.gatehouse.aws.WriteOutcome;
import dev.gatehouse.directory.MirrorUpdates;
import dev.gatehouse.permissionset.SessionChange;
import dev.gatehouse.permissionset.SessionChangeStatus;
import dev.gatehouse.permissionset.SessionDurationChanged;
import dev.gatehouse.shared.SystemActor;

/**
 * Applies a session-duration change from its task: UpdatePermissionSet, then ProvisionPermissionSet to
 * every account the permission set is provisioned to, polled to the outcome; on success the directory's
 * mirror takes the new duration at once. Both calls may be made
 * again after a crash: setting the same duration and provisioning twice change nothing more. A step
 * that fails for now is tried again by the scheduler, at most {@link #ATTEMPTS} times.
 */
@Component
class SessionChangeApplier {

    static final int ATTEMPTS = 5;
    private static final Duration PROVISIONING_WAIT = Duration.ofMinutes(2);

    /** Thrown to have the scheduler try again later. */
    static final class TryAgain extends RuntimeException {
        TryAgain(String message) {
            super(message, null, false, false);
        }
    }

    private final ChangeRepository changes;
    private final PermissionSets permissionSets;
    private final MirrorUpdates mirror;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionChangeApplier(ChangeRepository changes, PermissionSets permissionSets, MirrorUpdates mirror,
                         PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
        this.changes = changes;
        this.permissionSets = permissionSets;
        this.mirror = mirror;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    void apply(long id) {
        SessionChange change = changes.find(id).orElse(null);
        if (change == null || change.status().finished()) {
            return;
        }
        int attempt = changes.attempt(id);
        try {
            if (change.status() == SessionChangeStatus.UPDATING) {
                permissionSets.updateSessionDuration(change.permissionSetArn(), change.after().toString());
                changes.status(id, SessionChangeStatus.PROVISIONING, "", clock.instant());
            }
            WriteOutcome outcome = permissionSets.provisionToAllAccounts(change.permissionSetArn(), PROVISIONING_WAIT);
            switch (outcome.status()) {
                case SUCCEEDED -> finish(change, SessionChangeStatus.SUCCEEDED, "Provisioned to every account",
                        outcome.requestId());
                case FAILED -> finish(change, SessionChangeStatus.FAILED, outcome.failureReason(), outcome.requestId());
                case TIMED_OUT -> retryOrFail(change, attempt, "Provisioning still in progress: "
                        + outcome.requestId());
            }
        } catch (AwsCallFailed e) {
            retryOrFail(change, attempt, e.getMessage());
        }
    }

    private void retryOrFail(SessionChange change, int attempt, String why) {
        if (attempt >= ATTEMPTS) {
            finish(change, SessionChangeStatus.FAILED, why, "");
            return;
        }
        throw new TryAgain(why);
    }

    private void finish(SessionChange change, SessionChangeStatus status, String detail, String awsRequestId) {
        transaction.executeWithoutResult(tx -> {
            changes.status(change.id(), status, detail, clock.instant());
            if (status == SessionChangeStatus.SUCCEEDED) {
                // The screens show "Applied" and the new duration together, not the old one until the next sync.
                mirror.sessionDurationApplied(change.permissionSetArn(), change.after());
            }
            events.publishEvent(new SessionDurationChanged(change.id(), change.permissionSetName(), change.before(),
                    change.after(), status, SystemActor.NAME, detail, awsRequestId, clock.instant()));
        });
    }
}
