package dev.gatehouse.access.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.access.internal.GrantRepository.Operation;
import dev.gatehouse.access.internal.GrantRepository.WriteState;
import dev.gatehouse.aws.AccountAssignment;
import dev.gatehouse.aws.AccountAssignments;
import dev.gatehouse.aws.WriteOutcome;
import dev.gatehouse.aws.WriteStatus;
import dev.gatehouse.directory.AssignmentWrittenByGatehouse;

/** The ledger's Identity Center calls for one assignment: send a write, poll one in progress, look it up. */
@Component
class AssignmentCalls {

    private static final Duration WRITE_WAIT = Duration.ofSeconds(20);

    private final AccountAssignments assignments;

    AssignmentCalls(AccountAssignments assignments) {
        this.assignments = assignments;
    }

    WriteOutcome send(Operation operation, AssignmentKey key) {
        AccountAssignment assignment = new AccountAssignment(key.accountId().value(),
                key.permissionSetArn().value(), key.principalType().name(), key.principalId());
        return operation == Operation.CREATE ? assignments.createAssignment(assignment, WRITE_WAIT)
                : assignments.deleteAssignment(assignment, WRITE_WAIT);
    }

    WriteOutcome await(Operation operation, String awsRequestId) {
        return operation == Operation.CREATE ? assignments.awaitCreation(awsRequestId, WRITE_WAIT)
                : assignments.awaitDeletion(awsRequestId, WRITE_WAIT);
    }

    boolean exists(AssignmentKey key) {
        AtomicBoolean exists = new AtomicBoolean();
        assignments.assignments(key.accountId().value(), key.permissionSetArn().value(), assignment -> {
            if (assignment.principalType().equals(key.principalType().name())
                    && assignment.principalId().equals(key.principalId())) {
                exists.set(true);
            }
        });
        return exists.get();
    }

    /** A timed-out wait leaves the write IN_PROGRESS, to be polled again by its request id. */
    static WriteState state(WriteOutcome outcome) {
        return switch (outcome.status()) {
            case SUCCEEDED -> WriteState.SUCCEEDED;
            case FAILED -> WriteState.FAILED;
            case TIMED_OUT -> WriteState.IN_PROGRESS;
        };
    }

    /**
     * The event that has the directory's mirror show a write at once, or empty while the write is not
     * done: only a write AWS reported SUCCEEDED changes what Identity Center holds.
     */
    static Optional<AssignmentWrittenByGatehouse> done(AssignmentKey key, Operation operation, WriteOutcome outcome) {
        if (outcome.status() != WriteStatus.SUCCEEDED || operation == Operation.SKIP) {
            return Optional.empty();
        }
        return Optional.of(new AssignmentWrittenByGatehouse(key.accountId().value(),
                key.permissionSetArn().value(), key.principalType(), key.principalId(), operation == Operation.CREATE));
    }
}
