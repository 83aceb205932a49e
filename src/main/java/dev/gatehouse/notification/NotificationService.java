package dev.gatehouse.notification;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.notification.internal.NotificationDesk;

/**
 * What admins see of notifications: which channels are on, every delivery with its outcome (failures
 * first of all), sending a failed one again, and a test message to check the configuration.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class NotificationService {

    private final NotificationDesk desk;

    NotificationService(NotificationDesk desk) {
        this.desk = desk;
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
        return desk.sendAgain(deliveryId);
    }

    /**
     * Sends a test message on every configured channel: by email to the signed-in admin (when the
     * directory knows their address) and the configured admin addresses.
     *
     * @return how many deliveries were queued; 0 when no channel is configured
     */
    @Transactional
    public int sendTest() {
        return desk.sendTest();
    }
}
