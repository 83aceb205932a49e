package dev.gatehouse.notification.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.notification.Channel;
import dev.gatehouse.shared.DueTasks;

/**
 * Turns a message into deliveries, one per configured channel and email recipient, each with a task that
 * sends it. Runs in the caller's transaction: the deliveries exist exactly when the event was handled.
 */
@Component
class Outbox {

    /** Group members emailed at most, so a large approver group does not flood the mail server. */
    static final int GROUP_RECIPIENTS = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryRepository deliveries;
    private final DirectoryLookup directory;
    private final NotificationProperties settings;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> delivery;
    private final DueTasks dueTasks;

    Outbox(DeliveryRepository deliveries, DirectoryLookup directory, NotificationProperties settings,
           SchedulerClient scheduler, OneTimeTask<Void> notificationDelivery, DueTasks dueTasks) {
        this.deliveries = deliveries;
        this.directory = directory;
        this.settings = settings;
        this.scheduler = scheduler;
        this.delivery = notificationDelivery;
        this.dueTasks = dueTasks;
    }

    /** @return where the message goes and how many of its deliveries are new */
    Queued enqueue(Message message) {
        String link = settings.baseUrl() + "/" + message.path();
        String body = message.text() + "\n\n" + link + "\n";
        int added = 0;
        Recipients recipients = settings.email().enabled() ? recipients(message) : Recipients.NONE;
        for (String address : recipients.addresses()) {
            added += add(message, Channel.EMAIL, address, body, "");
        }
        Set<Channel> posted = EnumSet.noneOf(Channel.class);
        if (settings.slack().enabled()) {
            added += add(message, Channel.SLACK, "", body, json(Map.of("text", "*" + message.summary() + "*\n<"
                    + link + "|Open in Gatehouse>")));
            posted.add(Channel.SLACK);
        }
        if (settings.webhook().enabled()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", message.key());
            payload.put("event", message.kind().event());
            payload.put("occurredAt", message.at().toString());
            payload.put("subject", message.summary());
            payload.put("text", message.text());
            payload.put("link", link);
            payload.put("details", message.details());
            added += add(message, Channel.WEBHOOK, "", body, json(payload));
            posted.add(Channel.WEBHOOK);
        }
        if (added > 0) {
            dueTasks.runAfterCommit();
        }
        return new Queued(recipients.people(), recipients.adminAddresses(), posted, added);
    }

    /** Whether any channel is configured, so a message can reach anyone at all. */
    boolean anyChannel() {
        return settings.email().enabled() || settings.slack().enabled() || settings.webhook().enabled();
    }

    /**
     * Where one message went; a delivery that was in the outbox already counts as gone there too.
     *
     * @param people         directory people emailed
     * @param adminAddresses configured admin addresses emailed that are no person's address
     * @param posted         the channel-wide destinations posted to
     * @param added          deliveries new in the outbox
     */
    record Queued(List<UserRow> people, int adminAddresses, Set<Channel> posted, int added) {
    }

    /** Sends a failed delivery again from its first attempt. @return false when it is not failed */
    boolean retry(long id, Instant now) {
        if (!deliveries.requeue(id)) {
            return false;
        }
        scheduler.scheduleIfNotExists(delivery.instance(String.valueOf(id)), now);
        dueTasks.runAfterCommit();
        return true;
    }

    private int add(Message message, Channel channel, String recipient, String body, String payload) {
        return deliveries.insert(message.key() + "|" + channel.name() + "|" + recipient, message.kind(), channel,
                        recipient, message.subject(), body, payload, message.at())
                .map(id -> {
                    scheduler.schedule(delivery.instance(String.valueOf(id)), message.at());
                    return 1;
                }).orElse(0);
    }

    private record Recipients(List<UserRow> people, int adminAddresses, Set<String> addresses) {
        static final Recipients NONE = new Recipients(List.of(), 0, Set.of());
    }

    private Recipients recipients(Message message) {
        Map<String, UserRow> people = new LinkedHashMap<>();
        message.userIds().forEach(id -> directory.user(id).ifPresent(user -> people.put(user.email(), user)));
        message.groupIds().forEach(id -> directory.members(id, GROUP_RECIPIENTS + 1).stream()
                .filter(member -> !member.id().equals(message.notTo())).limit(GROUP_RECIPIENTS)
                .forEach(member -> people.put(member.email(), member)));
        people.keySet().removeIf(address -> !emailable(address));
        Set<String> addresses = new LinkedHashSet<>(people.keySet());
        int admins = 0;
        if (message.admins()) {
            for (String address : settings.email().admins()) {
                if (emailable(address) && addresses.add(address)) {
                    admins++;
                }
            }
        }
        return new Recipients(List.copyOf(people.values()), admins, addresses);
    }

    private static boolean emailable(String address) {
        return address != null && address.contains("@");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notification payload could not be written as JSON", e);
        }
    }
}
