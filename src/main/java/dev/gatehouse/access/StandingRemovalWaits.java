package dev.gatehouse.access;

import java.time.Instant;
import java.util.List;

/**
 * A removal a named decision asked for waits, because live grants hold the assignment: the grants keep
 * their access, and the assignment is deleted when the last of them ends. Published each time a removal
 * starts waiting (when it is asked for, or when a grant started on the assignment before it ran).
 *
 * @param grantIds the live grants it waits for, oldest first
 */
public record StandingRemovalWaits(AssignmentKey key, String decisionId, String actor, List<Long> grantIds,
                                   Instant at) {

    public StandingRemovalWaits {
        grantIds = List.copyOf(grantIds);
    }

    /** "Waits for grant #12 to end", or "grants #12 and #15": the ledger's detail and the audit entry's. */
    public String detail() {
        return waitingFor(grantIds);
    }

    static String waitingFor(List<Long> grantIds) {
        List<String> named = grantIds.stream().map(id -> "#" + id).toList();
        String grants = named.size() == 1 ? "grant " + named.get(0)
                : "grants " + String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        return "Waits for " + grants + " to end";
    }
}
