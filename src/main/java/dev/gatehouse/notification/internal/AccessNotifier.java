package dev.gatehouse.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.access.AccessRequestDecided;
import dev.gatehouse.access.AccessRequested;
import dev.gatehouse.access.GrantEndingSoon;
import dev.gatehouse.access.GrantStatusChanged;

/**
 * Puts a message in the outbox for each access event that tells someone something. The event
 * publication registry re-delivers an event whose handling did not finish; the outbox's dedupe keys
 * make that enqueue nothing twice.
 */
@Component
class AccessNotifier {

    private final Outbox outbox;

    AccessNotifier(Outbox outbox) {
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(AccessRequested event) {
        Messages.of(event).ifPresent(outbox::enqueue);
    }

    @ApplicationModuleListener
    void on(AccessRequestDecided event) {
        Messages.of(event).ifPresent(outbox::enqueue);
    }

    @ApplicationModuleListener
    void on(GrantStatusChanged event) {
        Messages.of(event).ifPresent(outbox::enqueue);
    }

    @ApplicationModuleListener
    void on(GrantEndingSoon event) {
        outbox.enqueue(Messages.of(event));
    }
}
