package dev.gatehouse.access;

import java.util.List;

import dev.gatehouse.directory.UserRow;

/**
 * Where the messages about something went, as the outbox holds them: queued in the transaction that
 * did it, and sent within seconds (retried if a channel is down).
 *
 * @param anyChannel     whether any channel (email, Slack, webhook) is configured at all
 * @param emailed        people from the directory emailed, by name
 * @param adminAddresses how many of the configured admin addresses were emailed
 * @param postedTo       the channel-wide destinations posted to, in words ("Slack", "the webhook")
 */
public record MessagesSent(boolean anyChannel, List<UserRow> emailed, int adminAddresses, List<String> postedTo) {

    public static final MessagesSent NO_CHANNEL = new MessagesSent(false, List.of(), 0, List.of());

    public boolean nothing() {
        return emailed.isEmpty() && adminAddresses == 0 && postedTo.isEmpty();
    }
}
