package dev.gatehouse.notification.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.gatehouse.access.AccessRequested;
import dev.gatehouse.access.BreakGlassMessages;
import dev.gatehouse.access.MessagesSent;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.notification.Channel;

/**
 * Puts the break-glass messages in the outbox in the activation's transaction, so what the person is
 * told went out is what the outbox holds. The listener that handles the same event after the commit
 * then finds every delivery there already and adds nothing.
 */
@Component
class BreakGlassTeller implements BreakGlassMessages {

    private final Outbox outbox;

    BreakGlassTeller(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public MessagesSent send(List<AccessRequested> activations) {
        if (!outbox.anyChannel()) {
            return MessagesSent.NO_CHANNEL;
        }
        Map<String, UserRow> people = new LinkedHashMap<>();
        int adminAddresses = 0;
        Set<Channel> posted = new LinkedHashSet<>();
        for (AccessRequested activation : activations) {
            Optional<Message> message = Messages.of(activation);
            if (message.isEmpty()) {
                continue;
            }
            Outbox.Queued queued = outbox.enqueue(message.get());
            queued.people().forEach(person -> people.putIfAbsent(person.id(), person));
            // Every activation goes to the same configured admin addresses.
            adminAddresses = Math.max(adminAddresses, queued.adminAddresses());
            posted.addAll(queued.posted());
        }
        return new MessagesSent(true, List.copyOf(people.values()), adminAddresses,
                posted.stream().map(BreakGlassTeller::destination).toList());
    }

    private static String destination(Channel channel) {
        return channel == Channel.WEBHOOK ? "the webhook" : channel.label();
    }
}
