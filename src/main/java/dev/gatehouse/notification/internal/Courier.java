package dev.gatehouse.notification.internal;

/** Sends one delivery on its channel; throws with a reason an admin can act on when that fails. */
interface Courier {

    void send(DeliveryRepository.Outgoing delivery) throws DeliveryFailed;

    /** A delivery attempt failed; the message says why, without secrets. */
    final class DeliveryFailed extends Exception {
        DeliveryFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
