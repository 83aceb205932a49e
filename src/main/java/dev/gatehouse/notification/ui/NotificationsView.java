package dev.gatehouse.notification.ui;

import java.util.Arrays;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.notification.ChannelSetting;
import dev.gatehouse.notification.Delivery;
import dev.gatehouse.notification.DeliveryStatus;
import dev.gatehouse.notification.NotificationService;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/**
 * Where notifications go and how each delivery went: admins see failures first, with the reason, and
 * can send a failed one again or a test message to check the configuration.
 */
@Route("notifications")
@PageTitle("Notifications · Gatehouse")
@Menu(title = "Notifications", order = 85, icon = "vaadin:envelope-o")
@RolesAllowed(GatehouseRole.ADMIN_NAME)
public class NotificationsView extends VerticalLayout {

    static final String ALL = "All";
    static final String SEND_AGAIN = "send-again";
    static final String NONE_YET = "No notifications yet.";

    private final NotificationService notifications;
    private final Select<String> status = new Select<>();
    private final TextField search = new TextField("Search");
    private final Grid<Delivery> grid = new Grid<>();
    private final Span failed = new Span();

    public NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("gatehouse-page");
        setSizeFull();
        VerticalLayout channels = new VerticalLayout();
        channels.setPadding(false);
        channels.setSpacing(false);
        boolean anyChannel = false;
        for (ChannelSetting channel : notifications.channels()) {
            channels.add(new Paragraph(channel.channel().label() + ": " + channel.detail()));
            anyChannel |= channel.enabled();
        }
        Button test = new Button("Send a test message", e -> sendTest());
        test.setEnabled(anyChannel);

        status.setLabel("Status");
        status.setItems(ALL, DeliveryStatus.FAILED.label(), DeliveryStatus.PENDING.label(),
                DeliveryStatus.SENT.label());
        status.setValue(ALL);
        status.addValueChangeListener(e -> load());
        search.setPlaceholder("Recipient, subject or error");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("22rem");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> load());
        HorizontalLayout filters = new HorizontalLayout(status, search, failed);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(d -> TimeText.withSeconds(d.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(d -> d.kind().label()).setHeader("About").setAutoWidth(true);
        grid.addColumn(d -> d.channel().label()).setHeader("Channel").setAutoWidth(true);
        grid.addColumn(Delivery::recipient).setHeader("To").setAutoWidth(true);
        grid.addColumn(Delivery::subject).setHeader("Subject").setWidth("20rem").setFlexGrow(1)
                .setTooltipGenerator(Delivery::subject);
        grid.addColumn(d -> d.status().label() + (d.attempts() > 1 ? " after " + d.attempts() + " attempts" : ""))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(Delivery::lastError).setHeader("Last error").setWidth("14rem").setFlexGrow(1)
                .setTooltipGenerator(Delivery::lastError);
        grid.addComponentColumn(this::sendAgainButton).setKey(SEND_AGAIN).setHeader("").setAutoWidth(true);
        grid.setEmptyStateText(NONE_YET);
        grid.setSizeFull();
        load();
        add(new H2("Notifications"), new H3("Channels"), channels, test, new H3("Deliveries"), filters, grid);
        setFlexGrow(1, grid);
    }

    private void load() {
        Optional<DeliveryStatus> wanted = Arrays.stream(DeliveryStatus.values())
                .filter(s -> s.label().equals(status.getValue())).findFirst();
        String text = search.getValue();
        grid.setItems(query -> notifications.deliveries(wanted, text, query.getOffset(), query.getLimit()).stream());
        int failures = notifications.failedCount();
        failed.setText(failures == 0 ? "" : failures + (failures == 1 ? " delivery" : " deliveries") + " failed");
        failed.getElement().getThemeList().set("badge error", failures > 0);
    }

    private Button sendAgainButton(Delivery delivery) {
        Button again = new Button("Send again", e -> {
            if (notifications.sendAgain(delivery.id())) {
                Toasts.success("Sending again.");
            } else {
                Toasts.notice("This delivery is no longer failed; the list shows where it stands.");
            }
            load();
        });
        again.addThemeVariants(ButtonVariant.LUMO_SMALL);
        again.setVisible(delivery.status() == DeliveryStatus.FAILED);
        return again;
    }

    private void sendTest() {
        int queued = notifications.sendTest();
        Toasts.success(queued + " test " + (queued == 1 ? "message" : "messages") + " on the way; this list shows "
                + "how each went.");
        load();
    }
}
