package dev.gatehouse.ui;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Errors in a click or an edit (after the page opened) become a notification instead of Vaadin's
 * stack-trace dialog; nothing on the page is reset, so no input is lost.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    static final String NOT_ALLOWED = "You are not allowed to do that.";
    static final String FAILED = "That did not work: something went wrong on our side. Your input is still here; "
            + "try again. Reference: ";

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ErrorHandling::handle));
    }

    static void handle(ErrorEvent error) {
        String message;
        if (causedBy(error.getThrowable(), AccessDeniedException.class)) {
            log.warn("Refused a user action: {}", error.getThrowable().getMessage());
            message = NOT_ALLOWED;
        } else {
            String id = UUID.randomUUID().toString().substring(0, 8);
            log.error("Error {} in a user action", id, error.getThrowable());
            message = FAILED + id;
        }
        if (UI.getCurrent() != null) {
            Notification.show(message, 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static boolean causedBy(Throwable throwable, Class<? extends Throwable> type) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
