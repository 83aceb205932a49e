package dev.gatehouse;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.modulith.events.core.EventPublicationRegistry;

/** Waits for module listeners, which run after commit on other threads, to finish what is in flight. */
public final class TestEvents {

    private TestEvents() {
    }

    public static void awaitDelivered(EventPublicationRegistry registry) {
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.findIncompletePublications().isEmpty());
    }
}
