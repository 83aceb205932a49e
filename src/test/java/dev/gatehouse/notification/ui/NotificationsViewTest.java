package dev.gatehouse.notification.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.notification.DeliveryStatus;
import dev.gatehouse.notification.NotificationService;
import dev.gatehouse.notification.TestNotificationEndpoints;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.ui.AccessDeniedView;

class NotificationsViewTest extends KaribuTest {

    @Autowired
    private NotificationService notifications;
    @Autowired
    private TestRules rules;

    /** The admin's own address comes from the directory. */
    @BeforeEach
    void demoDirectory() {
        rules.demoDirectory();
    }

    @Test
    void an_admin_sees_the_channels_and_how_a_test_message_went() {
        openAs(TestUsers.ADMIN, "notifications");
        assertThat(_get(Paragraph.class, spec -> spec.withText("Webhook: POST to 127.0.0.1, signed with HMAC-SHA256")))
                .isNotNull();

        _click(_get(Button.class, spec -> spec.withText("Send a test message")));

        assertThat(NotificationsKt.getNotifications()).singleElement().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).startsWith("4 test messages on the way"));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), TestNotificationEndpoints.ADMIN_ADDRESS);
        Grid<?> grid = _get(Grid.class);
        assertThat(_getFormattedRow(grid, 0)).contains("Test message", "Email", TestNotificationEndpoints.ADMIN_ADDRESS,
                "Gatehouse test message");
    }

    @Test
    void a_failed_delivery_shows_why_and_can_be_sent_again() {
        TestNotificationEndpoints.receiver().failNext(TestNotificationEndpoints.SLACK_PATH, "Gatehouse test message", 3);
        as(TestUsers.ADMIN, () -> notifications.sendTest());
        await().atMost(Duration.ofSeconds(20)).until(() -> as(TestUsers.ADMIN, () -> notifications.deliveries(
                Optional.of(DeliveryStatus.FAILED), "Gatehouse test message", 0, 1)).size() == 1);

        openAs(TestUsers.ADMIN, "notifications");
        @SuppressWarnings("unchecked")
        Select<String> status = _get(Select.class, spec -> spec.withLabel("Status"));
        _setValue(status, DeliveryStatus.FAILED.label());
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), "Gatehouse test message");
        Grid<?> grid = _get(Grid.class);
        assertThat(_getFormattedRow(grid, 0)).contains("Slack", "Failed after 3 attempts",
                "127.0.0.1 answered HTTP 500: receiver is down");

        _click(_get(_getCellComponent(grid, 0, NotificationsView.SEND_AGAIN), Button.class));

        assertThat(_size(grid)).as("no longer failed").isZero();
    }

    @Test
    void people_other_than_admins_are_turned_away() {
        for (GatehouseUser user : List.of(TestUsers.REQUESTER, TestUsers.AUDITOR)) {
            openAs(user, "notifications");

            assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
        }
    }
}
