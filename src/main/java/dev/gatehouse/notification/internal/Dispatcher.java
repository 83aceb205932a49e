package dev.gatehouse.notification.internal;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.gatehouse.notification.Channel;
import dev.gatehouse.notification.DeliveryStatus;

/**
 * Sends one delivery, from its task. A failed attempt is counted and the task tried again later, until
 * the delivery has used its attempts and is marked FAILED for admins to see. A delivery that was sent
 * or given up on is never sent again by a repeated task.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** Thrown to have the scheduler try the delivery again later. */
    static final class TryAgain extends RuntimeException {
        TryAgain(String message) {
            super(message, null, false, false);
        }
    }

    private final DeliveryRepository deliveries;
    private final Map<Channel, Courier> couriers;
    private final NotificationProperties settings;
    private final Clock clock;

    Dispatcher(DeliveryRepository deliveries, Map<Channel, Courier> couriers, NotificationProperties settings,
               Clock clock) {
        this.deliveries = deliveries;
        this.couriers = couriers;
        this.settings = settings;
        this.clock = clock;
    }

    void deliver(long id) {
        DeliveryRepository.Outgoing delivery = deliveries.find(id).orElse(null);
        if (delivery == null || delivery.status() != DeliveryStatus.PENDING) {
            return;
        }
        Courier courier = couriers.get(delivery.channel());
        try {
            if (courier == null) {
                throw new Courier.DeliveryFailed(delivery.channel().label() + " is no longer configured", null);
            }
            courier.send(delivery);
            deliveries.sent(id, clock.instant());
        } catch (Courier.DeliveryFailed e) {
            DeliveryStatus now = deliveries.attemptFailed(id, e.getMessage(), settings.maxAttempts());
            log.warn("Notification {} to {} failed ({}): {}", id, delivery.channel().label(), now.label(),
                    e.getMessage());
            if (now == DeliveryStatus.PENDING) {
                throw new TryAgain(e.getMessage());
            }
        }
    }
}
