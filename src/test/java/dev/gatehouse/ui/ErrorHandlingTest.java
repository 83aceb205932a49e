package dev.gatehouse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;

class ErrorHandlingTest extends KaribuTest {

    private final ErrorHandling.UserActionErrors errors = new ErrorHandling.UserActionErrors();

    @Test
    void a_refused_action_tells_the_person_they_may_not_do_it() {
        openAs(TestUsers.REQUESTER, "");

        errors.error(new ErrorEvent(new IllegalStateException(new AccessDeniedException("Access Denied"))));

        NotificationsKt.expectNotifications(ErrorHandling.NOT_ALLOWED);
    }

    @Test
    void an_unexpected_failure_shows_a_reference_and_no_internals() {
        openAs(TestUsers.REQUESTER, "");

        errors.error(new ErrorEvent(new IllegalStateException("connection pool exhausted at Foo.java:12")));

        Notification notification = NotificationsKt.getNotifications().get(0);
        String text = notification.getElement().getProperty("text");
        assertThat(text).startsWith(ErrorHandling.FAILED).doesNotContain("Foo.java").doesNotContain("pool");
        assertThat(text.substring(ErrorHandling.FAILED.length())).matches("[0-9a-f]{8}");
    }
}
