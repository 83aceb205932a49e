package dev.gatehouse.access.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.access.AssignmentWritten;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantStatusChanged;
import dev.gatehouse.access.internal.GrantRepository.Operation;
import dev.gatehouse.access.internal.GrantRepository.WriteState;
import dev.gatehouse.aws.AwsCallFailed;
import dev.gatehouse.aws.WriteOutcome;
import dev.gatehouse.aws.WriteStatus;
import dev.gatehouse.shared.SystemActor;

/**
 * Starts and ends grants in Identity Center (docs/architecture.md, Access). It creates the assignment when a grant
 * starts unless another grant already holds it or it was standing before; it deletes it when a grant
 * ends only if no other grant holds it and Gatehouse created it; a removal a decision asked for that waits
 * on the grant is woken when the grant ends (DecidedWrites). Every write is a ledger row committed
 * before the call. Both steps are safe to run again after a crash: a write still in progress is polled,
 * and Identity Center treats a repeated create or delete as done. A step that cannot finish now throws,
 * and the scheduler runs it again later.
 */
@Component
public class GrantLedger {

    private static final Logger log = LoggerFactory.getLogger(GrantLedger.class);
    private static final int START_ATTEMPTS = 5;

    /** Thrown to have the scheduler try the step again later. */
    static final class NotYet extends RuntimeException {
        NotYet(String message) {
            super(message, null, false, false);
        }
    }

    private final GrantRepository grants;
    private final AssignmentLocks locks;
    private final AssignmentCalls calls;
    private final DecidedWrites decided;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GrantLedger(GrantRepository grants, AssignmentLocks locks, AssignmentCalls calls, DecidedWrites decided,
                PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
        this.grants = grants;
        this.locks = locks;
        this.calls = calls;
        this.decided = decided;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** Gives the grant its access; nothing happens for a grant that is no longer due to start. */
    public void start(long grantId) {
        StoredGrant found = grants.find(grantId).orElse(null);
        if (found == null || (found.status() != GrantStatus.SCHEDULED && found.status() != GrantStatus.ACTIVATING)) {
            return;
        }
        try (AssignmentLocks.Held held = locks.lock(found.key())) {
            StoredGrant grant = inTransaction(() -> {
                StoredGrant current = grants.lock(grantId).orElseThrow();
                if (current.status() == GrantStatus.SCHEDULED) {
                    grants.status(grantId, GrantStatus.ACTIVATING);
                }
                return current;
            });
            if (grant.status() != GrantStatus.SCHEDULED && grant.status() != GrantStatus.ACTIVATING) {
                return;
            }
            if (grants.othersHolding(grant) > 0 || standing(grant)) {
                finish(grant, Operation.SKIP, "The assignment exists already", () -> activated(grant, ""));
                return;
            }
            WriteOutcome outcome = write(grant, Operation.CREATE);
            switch (outcome.status()) {
                case SUCCEEDED -> inTransaction(() -> {
                    activated(grant, "AWS request " + outcome.requestId());
                    return null;
                });
                case FAILED -> inTransaction(() -> {
                    if (grants.othersHolding(grant) == 0) {
                        grants.disown(grant);
                    }
                    failed(grant, outcome.failureReason());
                    return null;
                });
                case TIMED_OUT -> throw new NotYet("Creation still in progress: " + outcome.requestId());
            }
        } catch (AwsCallFailed e) {
            if (grants.attempts(grantId, Operation.CREATE) >= START_ATTEMPTS) {
                inTransaction(() -> {
                    if (grants.othersHolding(found) == 0) {
                        grants.disown(found);
                    }
                    failed(found, e.getMessage());
                    return null;
                });
                return;
            }
            throw new NotYet("Creating the assignment failed for now: " + e.getMessage());
        }
    }

    /** Takes the grant's access away (at expiry, give-back or revocation); retried until it is done. */
    public void end(long grantId) {
        StoredGrant found = grants.find(grantId).orElse(null);
        if (found == null || found.status().finished()) {
            return;
        }
        try (AssignmentLocks.Held held = locks.lock(found.key())) {
            StoredGrant grant = inTransaction(() -> {
                StoredGrant current = grants.lock(grantId).orElseThrow();
                if (current.status() == GrantStatus.ACTIVE || current.status() == GrantStatus.ACTIVATING) {
                    grants.status(grantId, GrantStatus.ENDING);
                }
                return current;
            });
            if (grant.status().finished()) {
                return;
            }
            if (grant.status() == GrantStatus.SCHEDULED) {
                inTransaction(() -> {
                    ended(grant, "Ended before it started");
                    return null;
                });
                return;
            }
            if (grants.othersHolding(grant) > 0) {
                finish(grant, Operation.SKIP, "Another grant still holds the assignment", () -> ended(grant, ""));
                return;
            }
            if (!grants.owned(grant).orElse(false)) {
                finish(grant, Operation.SKIP, "Standing assignment: not Gatehouse's to delete",
                        () -> ended(grant, ""));
                return;
            }
            awaitCreationInFlight(grant);
            WriteOutcome outcome = write(grant, Operation.DELETE);
            switch (outcome.status()) {
                case SUCCEEDED -> inTransaction(() -> {
                    grants.disown(grant);
                    ended(grant, "AWS request " + outcome.requestId());
                    return null;
                });
                case FAILED -> throw new NotYet("Deletion failed, to be tried again: " + outcome.failureReason());
                case TIMED_OUT -> throw new NotYet("Deletion still in progress: " + outcome.requestId());
            }
        } catch (AwsCallFailed e) {
            throw new NotYet("Deleting the assignment failed for now, to be tried again: " + e.getMessage());
        }
    }

    /**
     * A grant ended while its create was still in progress: wait for the create first, or a delete sent
     * now could land before it and leave the assignment behind.
     */
    private void awaitCreationInFlight(StoredGrant grant) {
        var creating = grants.inProgressRequestId(grant.id(), Operation.CREATE);
        if (creating.isPresent()) {
            WriteOutcome created = calls.await(Operation.CREATE, creating.get());
            WriteState state = AssignmentCalls.state(created);
            if (state == WriteState.IN_PROGRESS) {
                throw new NotYet("Creation still in progress: " + creating.get());
            }
            inTransaction(() -> {
                grants.ledgerResultByRequest(grant.id(), creating.get(), state, created.failureReason(),
                        clock.instant());
                written(grant, Operation.CREATE, created);
                return null;
            });
        }
    }

    /** Whether the assignment exists in Identity Center without Gatehouse having made it; remembered once found. */
    private boolean standing(StoredGrant grant) {
        var owned = grants.owned(grant);
        if (owned.isPresent()) {
            return !owned.get();
        }
        boolean exists = calls.exists(grant.key());
        if (exists) {
            inTransaction(() -> {
                grants.own(grant, false);
                return null;
            });
        }
        return exists;
    }

    /**
     * Polls a write a crash or a timeout left in progress, or records a new one before making it. A
     * create marks the assignment as Gatehouse's in the same transaction, so that after a crash mid-call
     * the assignment it may have made is never taken for a standing one.
     */
    private WriteOutcome write(StoredGrant grant, Operation operation) {
        boolean create = operation == Operation.CREATE;
        var pending = grants.inProgressRequestId(grant.id(), operation);
        long row = pending.map(id -> -1L).orElseGet(() -> inTransaction(() -> {
            if (create) {
                grants.own(grant, true);
            }
            return grants.ledger(grant, operation, WriteState.SENDING, "", clock.instant());
        }));
        WriteOutcome outcome;
        try {
            outcome = pending.isPresent() ? calls.await(operation, pending.get()) : calls.send(operation, grant.key());
        } catch (AwsCallFailed e) {
            inTransaction(() -> {
                if (row > 0) {
                    grants.ledgerResult(row, WriteState.FAILED, "", e.getMessage(), clock.instant());
                }
                written(grant, operation, new WriteOutcome(WriteStatus.FAILED, "", e.getMessage()));
                return null;
            });
            throw e;
        }
        WriteState state = AssignmentCalls.state(outcome);
        inTransaction(() -> {
            if (row > 0) {
                grants.ledgerResult(row, state, outcome.requestId(), outcome.failureReason(), clock.instant());
            } else {
                grants.ledgerResultByRequest(grant.id(), outcome.requestId(), state, outcome.failureReason(),
                        clock.instant());
            }
            written(grant, operation, outcome);
            return null;
        });
        log.debug("{} for grant {}: {}", operation, grant.id(), outcome.status());
        return outcome;
    }

    /** In the transaction that records the outcome, so the directory's mirror changes with the ledger. */
    private void written(StoredGrant grant, Operation operation, WriteOutcome outcome) {
        events.publishEvent(new AssignmentWritten(grant.id(), grant.requestId(), operation == Operation.CREATE,
                grant.userName(), grant.accountId(), grant.accountName(), grant.permissionSetName(), outcome,
                clock.instant()));
        AssignmentCalls.done(grant.key(), operation, outcome).ifPresent(events::publishEvent);
    }

    private void finish(StoredGrant grant, Operation skip, String why, Runnable then) {
        inTransaction(() -> {
            grants.ledger(grant, skip, WriteState.SUCCEEDED, why, clock.instant());
            then.run();
            return null;
        });
    }

    private void activated(StoredGrant grant, String detail) {
        grants.activated(grant.id(), clock.instant());
        publish(grant, GrantStatus.ACTIVE, SystemActor.NAME, detail);
    }

    private void failed(StoredGrant grant, String reason) {
        grants.failed(grant.id(), reason, clock.instant());
        decided.wake(grant.key());
        publish(grant, GrantStatus.FAILED, SystemActor.NAME, reason);
    }

    private void ended(StoredGrant grant, String detail) {
        GrantRepository.EarlyEnd early = grants.earlyEnd(grant.id());
        GrantStatus status = early.by().isEmpty() ? GrantStatus.ENDED : GrantStatus.REVOKED;
        grants.ended(grant.id(), status, clock.instant());
        decided.wake(grant.key());
        String why = early.reason().isEmpty() || detail.isEmpty() ? early.reason() + detail
                : early.reason() + "; " + detail;
        publish(grant, status, early.by().isEmpty() ? SystemActor.NAME : early.by(), why);
    }

    private void publish(StoredGrant grant, GrantStatus status, String actor, String detail) {
        events.publishEvent(new GrantStatusChanged(grant.id(), grant.requestId(), status, grant.userId(),
                grant.userName(), grant.accountId(), grant.accountName(), grant.permissionSetName(), actor, detail,
                clock.instant()));
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }
}
