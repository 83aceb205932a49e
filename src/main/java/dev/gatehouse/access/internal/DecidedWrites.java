package dev.gatehouse.access.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.access.AssignmentLedger;
import dev.gatehouse.access.AssignmentWrittenByDecision;
import dev.gatehouse.access.StandingRemoval;
import dev.gatehouse.access.StandingRemovalWaits;
import dev.gatehouse.access.internal.GrantLedger.NotYet;
import dev.gatehouse.access.internal.GrantRepository.Operation;
import dev.gatehouse.access.internal.GrantRepository.WriteState;
import dev.gatehouse.access.internal.LedgerRepository.DecidedWrite;
import dev.gatehouse.aws.AwsCallFailed;
import dev.gatehouse.aws.WriteOutcome;
import dev.gatehouse.aws.WriteStatus;
import dev.gatehouse.shared.DueTasks;

/**
 * Assignment writes a named decision asks for, in the grants' ledger and under the same lock
 * (docs/architecture.md, the ledger). The row is committed before the call and the call is made by the
 * assignment-write task (instance id = decision id), so a crash leaves a row the task reconciles. A
 * removal never cuts access a live grant holds: its row WAITS, and the grant's end wakes it.
 */
@Component
class DecidedWrites implements AssignmentLedger {

    private final LedgerRepository ledger;
    private final GrantRepository grants;
    private final AssignmentLocks locks;
    private final AssignmentCalls calls;
    /** Both looked up when first used: the scheduler needs the tasks, and a task's step is this class's. */
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<DueTasks> dueTasks;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DecidedWrites(LedgerRepository ledger, GrantRepository grants, AssignmentLocks locks, AssignmentCalls calls,
                  ObjectProvider<SchedulerClient> scheduler, ObjectProvider<DueTasks> dueTasks, PlatformTransactionManager transactions,
                  ApplicationEventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.grants = grants;
        this.locks = locks;
        this.calls = calls;
        this.scheduler = scheduler;
        this.dueTasks = dueTasks;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public StandingRemoval removeStanding(AssignmentKey key, String decisionId, String actor) {
        request(key, Operation.DELETE, decisionId, actor);
        return removal(decisionId).orElseThrow();
    }

    @Override
    public Optional<StandingRemoval> removal(String decisionId) {
        return ledger.find(decisionId).filter(w -> w.operation() == Operation.DELETE).map(w -> new StandingRemoval(
                w.key(), w.decisionId(), w.decidedBy(), switch (w.state()) {
                    case WAITING -> StandingRemoval.Status.WAITING_FOR_GRANT;
                    case SENDING, IN_PROGRESS, FAILED -> StandingRemoval.Status.REMOVING;
                    case SUCCEEDED -> StandingRemoval.Status.REMOVED;
                }, w.detail(), w.awsRequestId(), w.updatedAt()));
    }

    /**
     * Records the decided write and schedules it, once per decision id. A create makes a standing
     * assignment: it is marked as not Gatehouse's, so no grant's end ever deletes it.
     */
    void request(AssignmentKey key, Operation operation, String decisionId, String actor) {
        if (operation == Operation.SKIP || decisionId.isBlank() || actor.isBlank()) {
            throw new IllegalArgumentException("A decided write needs an operation, a decision id and an actor");
        }
        try (AssignmentLocks.Held held = locks.lock(key)) {
            inTransaction(() -> {
                Optional<DecidedWrite> existing = ledger.find(decisionId);
                if (existing.isPresent()) {
                    if (!existing.get().key().equals(key) || existing.get().operation() != operation) {
                        throw new IllegalArgumentException("Decision " + decisionId + " already asked for "
                                + existing.get().operation() + " of " + existing.get().key());
                    }
                    return null;
                }
                List<Long> holding = operation == Operation.DELETE ? grants.live(key) : List.of();
                if (holding.isEmpty()) {
                    ledger.insert(key, operation, decisionId, actor, WriteState.SENDING, "", clock.instant());
                } else {
                    StandingRemovalWaits waits = new StandingRemovalWaits(key, decisionId, actor, holding, clock.instant());
                    ledger.insert(key, operation, decisionId, actor, WriteState.WAITING, waits.detail(), waits.at());
                    events.publishEvent(waits);
                }
                schedule(decisionId);
                return null;
            });
        }
    }

    /** In the caller's transaction: has the removals waiting on this assignment look again once it commits. */
    void wake(AssignmentKey key) {
        ledger.waiting(key).forEach(this::schedule);
    }

    private void schedule(String decisionId) {
        scheduler.getObject().schedule(new TaskInstance<Void>(AccessTasks.DECIDED_WRITE, AccessTasks.decidedWriteId(decisionId)),
                clock.instant());
        dueTasks.getObject().runAfterCommit();
    }

    /**
     * The task's step: makes the write, polls one a crash or a timeout left in progress, or leaves a
     * removal waiting while a live grant holds the assignment. It throws NotYet to be run again.
     */
    void apply(String decisionId) {
        DecidedWrite found = ledger.find(decisionId).orElse(null);
        if (found == null || found.state() == WriteState.SUCCEEDED) {
            return;
        }
        try (AssignmentLocks.Held held = locks.lock(found.key())) {
            DecidedWrite write = ledger.find(decisionId).orElseThrow();
            boolean polling = write.state() == WriteState.IN_PROGRESS;
            if (write.state() == WriteState.SUCCEEDED) {
                return;
            }
            List<Long> holding = polling || write.operation() != Operation.DELETE ? List.of() : grants.live(write.key());
            if (!holding.isEmpty()) {
                // A grant started since the removal was asked for, or since the one it waited for ended:
                // it keeps its access until it ends, and the row says which grant it waits for now.
                StandingRemovalWaits waits = new StandingRemovalWaits(write.key(), decisionId, write.decidedBy(),
                        holding, clock.instant());
                if (write.state() != WriteState.WAITING || !write.detail().equals(waits.detail())) {
                    inTransaction(() -> {
                        ledger.state(write.id(), WriteState.WAITING, "", waits.detail(), false, waits.at());
                        events.publishEvent(waits);
                        return null;
                    });
                }
                return;
            }
            if (!polling) {
                inTransaction(() -> {
                    if (write.operation() == Operation.CREATE) {
                        grants.own(write.key(), false);
                    }
                    // What it waited for is over; a failure being retried keeps its reason.
                    String detail = write.state() == WriteState.WAITING ? "" : write.detail();
                    ledger.state(write.id(), WriteState.SENDING, "", detail, true, clock.instant());
                    return null;
                });
            }
            WriteOutcome outcome;
            try {
                outcome = polling ? calls.await(write.operation(), write.awsRequestId())
                        : calls.send(write.operation(), write.key());
            } catch (AwsCallFailed e) {
                record(write, new WriteOutcome(WriteStatus.FAILED, "", e.getMessage()));
                throw new NotYet("The decided write failed for now, to be tried again: " + e.getMessage());
            }
            record(write, outcome);
            switch (outcome.status()) {
                case SUCCEEDED -> { }
                case FAILED -> throw new NotYet("The decided write failed, to be tried again: "
                        + outcome.failureReason());
                case TIMED_OUT -> throw new NotYet("The decided write is still in progress: " + outcome.requestId());
            }
        }
    }

    /**
     * A removal done forgets the assignment, so the next grant on it looks at Identity Center afresh; a
     * write done shows in the directory's mirror with the outcome.
     */
    private void record(DecidedWrite write, WriteOutcome outcome) {
        inTransaction(() -> {
            ledger.state(write.id(), AssignmentCalls.state(outcome), outcome.requestId(), outcome.failureReason(),
                    false, clock.instant());
            if (outcome.status() == WriteStatus.SUCCEEDED && write.operation() == Operation.DELETE) {
                grants.disown(write.key());
            }
            events.publishEvent(new AssignmentWrittenByDecision(write.key(), write.decisionId(), write.decidedBy(),
                    write.operation() == Operation.CREATE, outcome, clock.instant()));
            AssignmentCalls.done(write.key(), write.operation(), outcome).ifPresent(events::publishEvent);
            return null;
        });
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }
}
