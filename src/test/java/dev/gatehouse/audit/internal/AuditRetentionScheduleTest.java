package dev.gatehouse.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;

class AuditRetentionScheduleTest {

    private final TimeZone jvmZone = TimeZone.getDefault();

    @AfterEach
    void restore_the_jvm_zone() {
        TimeZone.setDefault(jvmZone);
    }

    @Test
    void retention_runs_next_at_03_30_utc_whatever_zone_the_jvm_is_in() {
        for (String zone : new String[] {"Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata", "UTC"}) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));

            assertThat(nextRunAfter("2026-11-23T01:00:00Z")).as(zone).isEqualTo("2026-11-23T03:30:00Z");
            assertThat(nextRunAfter("2026-11-23T03:30:00Z")).as(zone).isEqualTo("2026-11-24T03:30:00Z");
            assertThat(nextRunAfter("2026-11-23T20:00:00Z")).as(zone).isEqualTo("2026-11-24T03:30:00Z");
        }
    }

    private static Instant nextRunAfter(String instant) {
        return AuditConfiguration.retentionSchedule().getNextExecutionTime(
                ExecutionComplete.simulatedSuccess(Instant.parse(instant)));
    }
}
