package dev.gatehouse.ui;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import dev.gatehouse.shared.Toasts;

/**
 * Errors in a click or an edit (after the page opened) become a notification instead of Vaadin's
 * stack-trace dialog; nothing on the page is reset, so no input is lost.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    static final String NOT_ALLOWED = "You are not allowed to do that.";
    static final String FAILED = "That did not work: something went wrong on our side. Your input is still here; "
            + "try again. Reference: ";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new UserActionErrors()));
    }

    static final class UserActionErrors extends DefaultErrorHandler {

        private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

        @Override
        public void error(ErrorEvent event) {
            Throwable error = event.getThrowable();
            if (!shouldHandle(error)) {
                return; // e.g. the browser went away mid-request
            }
            String message;
            if (causedBy(error, AccessDeniedException.class)) {
                log.warn("Refused a user action: {}", error.getMessage());
                message = NOT_ALLOWED;
            } else {
                String id = UUID.randomUUID().toString().substring(0, 8);
                log.error("Error {} in a user action", id, error);
                message = FAILED + id;
            }
            if (UI.getCurrent() != null) {
                Toasts.error(message);
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
}
