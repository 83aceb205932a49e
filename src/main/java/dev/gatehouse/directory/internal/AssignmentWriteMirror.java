package dev.gatehouse.directory.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.AssignmentWrittenByGatehouse;

/**
 * Shows Gatehouse's own assignment writes in the mirror at once. A plain listener, not an
 * ApplicationModuleListener: it runs in the publisher's transaction, so the mirror changes when the
 * ledger records the outcome and never disagrees with it, with no window in which a removal Gatehouse
 * made is still listed. The mirror of a write is one row; the sync's diff respects it (MirrorRepository).
 */
@Component
class AssignmentWriteMirror {

    private final AssignmentWriteRepository writes;

    AssignmentWriteMirror(AssignmentWriteRepository writes) {
        this.writes = writes;
    }

    @EventListener
    @Transactional
    void on(AssignmentWrittenByGatehouse written) {
        writes.record(written);
    }
}
