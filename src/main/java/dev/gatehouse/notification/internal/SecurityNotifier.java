package dev.gatehouse.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.security.MfaAction;
import dev.gatehouse.security.MfaActivity;

/** Tells a person when an admin reset their second factors, so a reset they did not ask for stands out. */
@Component
class SecurityNotifier {

    private final Outbox outbox;
    private final DirectoryLookup directory;

    SecurityNotifier(Outbox outbox, DirectoryLookup directory) {
        this.outbox = outbox;
        this.directory = directory;
    }

    @ApplicationModuleListener
    void on(MfaActivity event) {
        if (event.action() == MfaAction.RESET) {
            outbox.enqueue(Messages.of(event, directory.userBySignIn(event.directoryUserName()).map(UserRow::id)));
        }
    }
}
