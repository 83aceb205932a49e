package dev.gatehouse.security.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.MfaAction;
import dev.gatehouse.security.MfaActivity;

/** Publishes what happened to second factors, with the time and the browser's address, for the audit trail. */
@Component
public class MfaRecorder {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    MfaRecorder(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Something the person did to or with their own factors. */
    public void own(GatehouseUser person, MfaAction action, String detail) {
        events.publishEvent(new MfaActivity(action, person.subject().toLowerCase(), person.directoryUserName(), detail,
                person.displayName(), sourceAddress(), clock.instant()));
    }

    /** Something an admin did to another person's factors. */
    public void byAdmin(GatehouseUser admin, String subject, String directoryUserName, MfaAction action,
                        String detail) {
        events.publishEvent(new MfaActivity(action, subject.toLowerCase(), directoryUserName, detail,
                admin.displayName(), sourceAddress(), clock.instant()));
    }

    private static String sourceAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? attrs.getRequest().getRemoteAddr() : null;
    }
}
