package dev.gatehouse.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.notification.internal.NotificationDesk;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.CurrentUser;

/**
 * What admins see of notifications: which channels are on, every delivery with its outcome (failures
 * first of all), sending a failed one again, and a test message to check the configuration.
 */
@Service
@AdminOnly
public class NotificationService {

    private final NotificationDesk desk;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationService(NotificationDesk desk, CurrentUser currentUser, ApplicationEventPublisher events,
                        Clock clock) {
        this.desk = desk;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    public List<ChannelSetting> channels() {
        return desk.channels();
    }

    /** Newest first; the search matches recipient, subject and the last error. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(Optional<DeliveryStatus> status, String search, int offset, int limit) {
        return desk.deliveries(status, search == null ? "" : search.strip(), offset, limit);
    }

    @Transactional(readOnly = true)
    public int failedCount() {
        return desk.failedCount();
    }

    /** Sends a failed delivery again, with a fresh set of attempts. @return false when it was not failed */
    @Transactional
    public boolean sendAgain(long deliveryId) {
        boolean queued = desk.sendAgain(deliveryId);
        if (queued) {
            events.publishEvent(new NotificationSentByHand(currentUser.require().displayName(),
                    "Delivery #" + deliveryId + " sent again", clock.instant()));
        }
        return queued;
    }

    /**
     * Sends a test message on every configured channel: by email to the signed-in admin (when the
     * directory knows their address) and the configured admin addresses.
     *
     * @return how many deliveries were queued; 0 when no channel is configured
     */
    @Transactional
    public int sendTest() {
        int queued = desk.sendTest();
        events.publishEvent(new NotificationSentByHand(currentUser.require().displayName(),
                "Test message queued for " + queued + " deliveries", clock.instant()));
        return queued;
    }
}
