package dev.gatehouse.notification.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.notification.Channel;
import dev.gatehouse.notification.ChannelSetting;
import dev.gatehouse.notification.Delivery;
import dev.gatehouse.notification.DeliveryStatus;
import dev.gatehouse.security.CurrentUser;

/** The admin side of the outbox, behind NotificationService's authorization and transactions. */
@Component
public class NotificationDesk {

    private final DeliveryRepository deliveries;
    private final Outbox outbox;
    private final NotificationProperties settings;
    private final Map<Channel, Courier> couriers;
    private final DirectoryLookup directory;
    private final CurrentUser currentUser;
    private final Clock clock;

    NotificationDesk(DeliveryRepository deliveries, Outbox outbox, NotificationProperties settings,
                     Map<Channel, Courier> couriers, DirectoryLookup directory, CurrentUser currentUser, Clock clock) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.settings = settings;
        this.couriers = couriers;
        this.directory = directory;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public List<ChannelSetting> channels() {
        var email = settings.email();
        return List.of(
                new ChannelSetting(Channel.EMAIL, couriers.containsKey(Channel.EMAIL), email.enabled()
                        ? "Through " + email.host() + ":" + email.port() + " from " + email.from()
                        + (email.admins().isEmpty() ? "; no admin addresses" : "; admins: "
                        + String.join(", ", email.admins()))
                        : "Off: set GATEHOUSE_NOTIFICATIONS_EMAIL_HOST to an SMTP server"),
                new ChannelSetting(Channel.SLACK, couriers.containsKey(Channel.SLACK), settings.slack().enabled()
                        ? "Incoming webhook on " + host(settings.slack().webhookUrl())
                        : "Off: set GATEHOUSE_NOTIFICATIONS_SLACK_WEBHOOK_URL"),
                new ChannelSetting(Channel.WEBHOOK, couriers.containsKey(Channel.WEBHOOK), settings.webhook().enabled()
                        ? "POST to " + host(settings.webhook().url()) + (settings.webhook().secret().isEmpty()
                        ? ", unsigned: set GATEHOUSE_NOTIFICATIONS_WEBHOOK_SECRET" : ", signed with HMAC-SHA256")
                        : "Off: set GATEHOUSE_NOTIFICATIONS_WEBHOOK_URL"));
    }

    public List<Delivery> deliveries(Optional<DeliveryStatus> status, String search, int offset, int limit) {
        return deliveries.page(status, search, offset, limit);
    }

    public int failedCount() {
        return deliveries.count(DeliveryStatus.FAILED);
    }

    public boolean sendAgain(long id) {
        return outbox.retry(id, clock.instant());
    }

    public int sendTest() {
        var me = currentUser.require();
        Optional<String> myId = directory.userBySignIn(me.directoryUserName()).map(UserRow::id);
        return outbox.enqueue(Messages.test("test-" + UUID.randomUUID(), me.displayName(), myId, clock.instant()))
                .added();
    }

    /** Only the host of a webhook address is shown: Slack's path is its secret. */
    private static String host(String url) {
        try {
            return java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "an invalid address";
        }
    }
}
