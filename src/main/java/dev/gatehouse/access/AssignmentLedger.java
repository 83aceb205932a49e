package dev.gatehouse.access;

import java.util.Optional;

/**
 * Identity Center assignment writes that are not a grant's own, through the same ledger as grants
 * (docs/architecture.md, the ledger): recorded before the call, retried, polled, serialised per
 * assignment and reconciled after a crash. It is called by modules that act on a recorded decision
 * (review campaigns, an admin's removal); the decision is the authority, named on the ledger row.
 */
public interface AssignmentLedger {

    /**
     * Removes a standing assignment because the named decision says so, once per decision id: calling
     * again with the same id changes nothing. Access a live grant holds is never cut: the removal then
     * waits, and the assignment is deleted once the last live grant on it has ended.
     */
    StandingRemoval removeStanding(AssignmentKey key, String decisionId, String actor);

    /** Where the removal the decision asked for stands; empty when no such removal was asked for. */
    Optional<StandingRemoval> removal(String decisionId);
}
