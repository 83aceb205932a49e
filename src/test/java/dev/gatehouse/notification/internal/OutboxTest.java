package dev.gatehouse.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.notification.NotificationKind;

@SpringBootTest
class OutboxTest {

    @Autowired
    private Outbox outbox;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void an_event_handled_again_after_a_crash_queues_nothing_twice() {
        Message message = new Message("test-" + UUID.randomUUID(), NotificationKind.TEST, "Twice?", "Twice?",
                "Once only.", "", Set.of(), Set.of(), "", true, Map.of(), Instant.now());

        int first = transaction.execute(status -> outbox.enqueue(message).added());
        int again = transaction.execute(status -> outbox.enqueue(message).added());

        assertThat(first).as("admin email, Slack and webhook").isEqualTo(3);
        assertThat(again).isZero();
    }
}
