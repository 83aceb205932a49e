package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

class ToastsTest {

    @BeforeEach
    void page() {
        MockVaadin.setup();
    }

    @AfterEach
    void closePage() {
        MockVaadin.tearDown();
    }

    @Test
    void success_and_error_toasts_appear_in_one_place_for_as_long_and_differ_only_in_colour() {
        Toasts.success("Request sent.");
        Toasts.error("That did not work.");
        Toasts.notice("Nothing to do.");

        List<Notification> shown = NotificationsKt.getNotifications();
        assertThat(shown).extracting(n -> n.getElement().getProperty("text"))
                .containsExactly("Request sent.", "That did not work.", "Nothing to do.");
        assertThat(shown).extracting(Notification::getPosition).containsOnly(Notification.Position.TOP_CENTER);
        assertThat(shown).extracting(Notification::getDuration).containsOnly(Toasts.SHOWN_FOR_MILLIS);
        assertThat(shown.get(0).getThemeNames()).containsExactly(NotificationVariant.LUMO_SUCCESS.getVariantName());
        assertThat(shown.get(1).getThemeNames()).containsExactly(NotificationVariant.LUMO_ERROR.getVariantName());
        assertThat(shown.get(2).getThemeNames()).isEmpty();
    }
}
