package dev.gatehouse.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gatehouse.access.AccessRequested;
import dev.gatehouse.access.MessagesSent;
import dev.gatehouse.policy.ApproverType;

class BreakGlassTellerTest {

    @Test
    void without_any_channel_configured_it_reports_that_no_message_went_out() {
        NotificationProperties noChannel = new NotificationProperties("http://localhost:8080", null, null, null, 8,
                Duration.ofSeconds(30));
        // With every channel off the outbox stores, looks up and schedules nothing.
        BreakGlassTeller teller = new BreakGlassTeller(new Outbox(null, null, noChannel, null, null, null));

        MessagesSent sent = teller.send(List.of(new AccessRequested(7, "u-riley", "Riley Chen", "111122223333",
                "payments-prod", "BreakGlass", "1 h", "Payments are down", "", ApproverType.MANAGER, "u-avery", true,
                Instant.now())));

        assertThat(sent).isEqualTo(MessagesSent.NO_CHANNEL);
        assertThat(sent.anyChannel()).isFalse();
    }
}
