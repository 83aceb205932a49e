package dev.gatehouse.audit;

import static dev.gatehouse.TestUsers.as;
import static dev.gatehouse.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.internal.AuditRepository;
import dev.gatehouse.audit.internal.NewEntry;

@SpringBootTest
class AuditExportTest {

    @Autowired
    private AuditTrail audit;
    @Autowired
    private AuditRepository repository;
    @Autowired
    private DSLContext db;

    @Test
    void the_export_holds_the_filtered_entries_newest_first_with_formulas_neutralised() {
        String marker = "export-" + UUID.randomUUID();
        AuditSubjects request = AuditSubjects.NONE.request(7).account("111122223333").permissionSetNamed("Developer")
                .concerning("Riley Chen");
        repository.append(NewEntry.of(Instant.parse("2026-11-20T09:00:00Z"), "Riley Chen", AuditAction.ACCESS_REQUESTED,
                "request #7", marker + ", first").from("192.0.2.1").about(request));
        repository.append(NewEntry.of(Instant.parse("2026-11-20T10:00:00Z"), "=HYPERLINK(\"http://evil.example\")",
                AuditAction.REQUEST_APPROVED, "request #7", marker + " \"ok\"").about(request));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = as(TestUsers.AUDITOR, () -> audit.export(new AuditFilter(marker, Optional.empty()), true, out));

        assertThat(rows).isEqualTo(2);
        String csv = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFEntry,Time (UTC),Actor,Action,Subject,Account,Permission set,Person,Request,"
                + "AWS request id,Details,Source address\r\n");
        assertThat(csv.lines().skip(1).toList()).hasSize(2).satisfiesExactly(
                newest -> assertThat(newest).contains(",2026-11-20 10:00:00,"
                        + "\"'=HYPERLINK(\"\"http://evil.example\"\")\","
                        + "Request approved,request #7,111122223333,Developer,Riley Chen,7,,\"" + marker
                        + " \"\"ok\"\"\","),
                oldest -> assertThat(oldest).endsWith(",2026-11-20 09:00:00,Riley Chen,Access requested,request #7,"
                        + "111122223333,Developer,Riley Chen,7,,\"" + marker + ", first\",192.0.2.1"));
    }

    @Test
    void exports_are_for_auditors_and_admins_and_each_is_recorded() {
        String marker = "export-" + UUID.randomUUID();
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> audit.export(new AuditFilter(marker,
                Optional.empty()), false, new ByteArrayOutputStream()))).isInstanceOf(AccessDeniedException.class);

        as(TestUsers.ADMIN, () -> audit.export(new AuditFilter(marker, Optional.of(AuditAction.SIGNED_IN)), false,
                new ByteArrayOutputStream()));

        assertThat(db.fetchExists(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq(AuditAction.AUDIT_TRAIL_EXPORTED),
                AUDIT_ENTRY.ACTOR.eq("Morgan Reyes"), AUDIT_ENTRY.DETAILS.startsWith(
                        "CSV of entries with action Signed in, matching \"" + marker + "\" up to entry "))).isTrue();
        assertThat(db.fetchExists(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq(AuditAction.AUDIT_TRAIL_EXPORTED),
                AUDIT_ENTRY.ACTOR.eq("Riley Chen"))).isFalse();
    }
}
