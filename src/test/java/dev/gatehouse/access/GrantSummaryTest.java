package dev.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class GrantSummaryTest {

    @Test
    void access_given_back_reads_as_ending_until_it_is_removed_and_as_given_back_after() {
        assertThat(grant(GrantStatus.ACTIVE, "Riley Chen").statusLabel()).isEqualTo("Ending");
        assertThat(grant(GrantStatus.SCHEDULED, "Riley Chen").statusLabel()).isEqualTo("Ending");
        assertThat(grant(GrantStatus.ENDING, "Riley Chen").statusLabel()).isEqualTo("Ending");
        assertThat(grant(GrantStatus.REVOKED, "Riley Chen").statusLabel()).isEqualTo(GrantSummary.GIVEN_BACK);
    }

    @Test
    void access_nobody_ended_early_reads_as_its_status_and_revoked_access_as_revoked() {
        assertThat(grant(GrantStatus.ACTIVE, "").statusLabel()).isEqualTo("Active");
        assertThat(grant(GrantStatus.ENDED, "").statusLabel()).isEqualTo("Ended");
        assertThat(grant(GrantStatus.REVOKED, "Morgan Reyes").statusLabel()).isEqualTo("Revoked");
    }

    private static GrantSummary grant(GrantStatus status, String endedBy) {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        return new GrantSummary(1, 2, "u-1", "Riley Chen", "111122223333", "payments-prod", "ReadOnlyAccess", now,
                now.plusSeconds(3600), status, "", endedBy, endedBy.isEmpty() ? "" : "Ended by " + endedBy);
    }
}
