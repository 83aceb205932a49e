package dev.gatehouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.gatehouse.FreeTriples;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.sandbox.SandboxOrganization.Assignment;

/**
 * Issue 4's benchmark (a): 1,000 grants, each holding its own assignment, expire within the same minute
 * against the demo sandbox with AWS's limits on (20 TPS for SSO Admin, 15 writes in progress, one write
 * per permission set at a time, 300 ms per write). All must be deleted, none twice or missed. The grants
 * are set up directly in the database and the sandbox, as activation would have left them, so only the
 * expiry is measured. Run: ./mvnw -Pbench verify; the report is target/benchmark/expiry.txt.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"gatehouse.sandbox.rate-limit-scale=1", "gatehouse.sandbox.pace-factor=0.95"})
class GrantExpiryBenchmark {

    private static final int GRANTS = 1000;
    private static final Duration SPREAD = Duration.ofMinutes(1);
    private static final double SSO_ADMIN_TPS = 20;
    private static final int MAX_OUTSTANDING = 15;

    @Autowired
    private DirectorySyncJob job;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private DSLContext db;
    @Autowired
    private SchedulerClient scheduler;
    @Autowired
    private OneTimeTask<Void> grantEnd;

    @Test
    void thousand_grants_expiring_in_one_minute_are_all_revoked_once() throws Exception {
        job.run(SyncTrigger.MANUAL, null).orElseThrow();
        db.execute("delete from scheduled_tasks where task_name like 'grant-%'");
        SandboxOrganization org = sandbox.organization();
        List<Assignment> triples = free();
        Instant firstEnd = Instant.now().plusSeconds(20);
        Map<Long, Assignment> byGrant = new HashMap<>();
        for (int i = 0; i < GRANTS; i++) {
            Assignment triple = triples.get(i);
            Instant endsAt = firstEnd.plusMillis(SPREAD.toMillis() * i / GRANTS);
            long grant = activeGrant(triple, endsAt);
            assertThat(org.add(triple)).isTrue();
            scheduler.schedule(grantEnd.instance(String.valueOf(grant)), endsAt);
            byGrant.put(grant, triple);
        }
        long deletesBefore = sandbox.calls().getOrDefault("DeleteAccountAssignment", 0L);
        long ssoCallsBefore = ssoAdminCalls();

        await().pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofMinutes(15))
                .until(() -> db.fetchCount(DSL.table("access_grant"), DSL.field("id").in(byGrant.keySet()),
                        DSL.field("status").eq(GrantStatus.ENDED.name())) == GRANTS);

        List<Long> toSent = new ArrayList<>();
        List<Long> toSucceeded = new ArrayList<>();
        Map<Assignment, Instant> sent = new HashMap<>();
        Map<Assignment, Integer> deletes = new HashMap<>();
        for (Sandbox.Write write : sandbox.writes()) {
            if (!write.create() && byGrant.containsValue(write.assignment())) {
                deletes.merge(write.assignment(), 1, Integer::sum);
                sent.merge(write.assignment(), write.received(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Instant lastSucceeded = firstEnd;
        for (Record row : db.fetch("select g.id, g.ends_at, l.updated_at from access_grant g join access_ledger l "
                + "on l.grant_id = g.id and l.operation = 'DELETE' and l.status = 'SUCCEEDED' where g.id = any(?)",
                (Object) byGrant.keySet().toArray(Long[]::new))) {
            Instant endsAt = row.get(1, Timestamp.class).toInstant();
            Instant succeeded = row.get(2, Timestamp.class).toInstant();
            toSent.add(Duration.between(endsAt, sent.get(byGrant.get(row.get(0, Long.class)))).toMillis());
            toSucceeded.add(Duration.between(endsAt, succeeded).toMillis());
            lastSucceeded = succeeded.isAfter(lastSucceeded) ? succeeded : lastSucceeded;
        }
        Set<Assignment> left = new HashSet<>(org.assignments());
        long remaining = byGrant.values().stream().filter(left::contains).count();
        long deleteCalls = sandbox.calls().getOrDefault("DeleteAccountAssignment", 0L) - deletesBefore;
        long ssoCalls = ssoAdminCalls() - ssoCallsBefore;
        double total = Duration.between(firstEnd, lastSucceeded).toMillis() / 1000.0;
        // Each delete is at least one write and one status read, at 20 per second; and at most 15 are in
        // progress at a time. The expiries themselves span a minute.
        double callBound = 2.0 * GRANTS / SSO_ADMIN_TPS;
        double outstandingBound = GRANTS * 0.3 / MAX_OUTSTANDING;
        double bound = Math.max(SPREAD.toSeconds(), Math.max(callBound, outstandingBound));
        Collections.sort(toSent);
        Collections.sort(toSucceeded);
        String report = String.join("\n",
                "Demo sandbox with AWS's rate limits (scale 1, Gatehouse paced at 0.95) and 300 ms write latency",
                "(a) " + GRANTS + " grants ending within " + SPREAD.toSeconds()
                        + " s, each holding its own assignment:",
                "    ended " + toSucceeded.size() + ", assignments left in the sandbox " + remaining
                        + ", assignments deleted more than once " + deletes.values().stream().filter(n -> n > 1).count(),
                "    expiry to DeleteAccountAssignment sent: p50 " + percentile(toSent, 50) + " ms, p99 "
                        + percentile(toSent, 99) + " ms",
                "    expiry to deletion SUCCEEDED:            p50 " + percentile(toSucceeded, 50) + " ms, p99 "
                        + percentile(toSucceeded, 99) + " ms",
                "    first expiry to last SUCCEEDED: " + String.format("%.1f", total) + " s; bound "
                        + String.format("%.1f", bound) + " s (2 calls per delete at 20 TPS = "
                        + String.format("%.0f", callBound) + " s; 15 in progress x 300 ms = "
                        + String.format("%.0f", outstandingBound) + " s; expiries span "
                        + SPREAD.toSeconds() + " s) = " + String.format("%.2f", total / bound) + " x (target <= 1.2 x)",
                "    SSO Admin calls " + ssoCalls + " (DeleteAccountAssignment " + deleteCalls
                        + ", the rest status reads; throttled and conflicting calls included)",
                "");
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/expiry.txt"), report);
        System.out.println(report);
        assertThat(toSucceeded).hasSize(GRANTS);
        assertThat(remaining).isZero();
        assertThat(deletes).hasSize(GRANTS).allSatisfy((triple, count) -> assertThat(count).isEqualTo(1));
    }

    /** Triples nobody holds yet, spread over every permission set: enough for every grant. */
    private List<Assignment> free() {
        List<Assignment> free = FreeTriples.of(db, sandbox.organization(), "");
        assertThat(free).hasSizeGreaterThanOrEqualTo(GRANTS);
        return free;
    }

    private long activeGrant(Assignment triple, Instant endsAt) {
        Instant now = Instant.now();
        long request = db.fetchSingle("insert into access_request (requester_id, requester_name, account_id, "
                        + "account_name, permission_set_arn, permission_set_name, rule_id, duration_minutes, "
                        + "justification, ticket, approvals_required, approver_type, approver_id, approval_summary, "
                        + "status, created_at, pending_until, decided_at) values (?, 'Benchmark', ?, ?, ?, 'Bench', 0, "
                        + "60, 'benchmark', '', 0, 'NONE', '', 'No approval', 'APPROVED', ?, ?, ?) returning id",
                triple.principalId(), triple.accountId(), triple.accountId(), triple.permissionSetArn(),
                Timestamp.from(now), Timestamp.from(now), Timestamp.from(now)).get(0, Long.class);
        long grant = db.fetchSingle("insert into access_grant (request_id, user_id, account_id, permission_set_arn, "
                        + "starts_at, ends_at, status, activated_at) values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?) returning id",
                request, triple.principalId(), triple.accountId(), triple.permissionSetArn(), Timestamp.from(now),
                Timestamp.from(endsAt), Timestamp.from(now)).get(0, Long.class);
        db.execute("insert into access_assignment (account_id, permission_set_arn, principal_type, principal_id, owned) "
                        + "values (?, ?, 'USER', ?, true)",
                triple.accountId(), triple.permissionSetArn(), triple.principalId());
        return grant;
    }

    private long ssoAdminCalls() {
        return sandbox.calls().entrySet().stream()
                .filter(e -> e.getKey().contains("AccountAssignment"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }
}
