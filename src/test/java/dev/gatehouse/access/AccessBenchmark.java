package dev.gatehouse.access;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.security.GatehouseUser;

/**
 * Issue 4's benchmarks (b) and (c) against the demo sandbox with AWS's rate limits on and its default
 * write latency (300 ms IN_PROGRESS): the time from an approval to the assignment SUCCEEDED, one at a
 * time; and 200 approvals of different requests at once, all granted, none twice.
 * Run: ./mvnw -Pbench verify; the report is target/benchmark/access.txt.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"gatehouse.sandbox.rate-limit-scale=1", "gatehouse.sandbox.pace-factor=0.95"})
class AccessBenchmark {

    private static final int SINGLE_APPROVALS = 30;
    private static final int BURST = 200;

    @Autowired
    private AccessService access;
    @Autowired
    private DirectorySyncJob job;
    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private DSLContext db;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void approval_to_assignment_and_200_approvals_at_once() throws Exception {
        job.run(SyncTrigger.MANUAL, null).orElseThrow();
        rules.clear();
        String riley = rules.userId(TestUsers.REQUESTER);
        List<String> sets = List.of("Developer", "SupportUser", "SecurityAudit", "NetworkAdmin", "BillingReadOnly",
                "S3DataReader");
        for (String set : sets) {
            rules.save(TestRules.draft("Bench " + set, RequesterType.USER, riley, ScopeType.ORGANIZATION, "",
                    rules.permissionSetArn(set), 1, ApproverType.MANAGER, ""));
        }
        List<String[]> pairs = new ArrayList<>();
        List<AccountRow> fresh = accounts.fresh(40);
        for (String set : sets) {
            for (AccountRow account : fresh) {
                pairs.add(new String[] {rules.permissionSetArn(set), account.id()});
            }
        }
        Collections.shuffle(pairs, new Random(7));

        List<Long> latencies = new ArrayList<>();
        for (String[] pair : pairs.subList(0, SINGLE_APPROVALS)) {
            long request = submit(pair);
            as(TestUsers.APPROVER, () -> access.decide(request, true, ""));
            long approved = System.nanoTime();
            await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(30))
                    .until(() -> activeCount(List.of(request)) == 1);
            latencies.add((System.nanoTime() - approved) / 1_000_000);
        }

        List<Long> burst = new ArrayList<>();
        for (String[] pair : pairs.subList(SINGLE_APPROVALS, SINGLE_APPROVALS + BURST)) {
            burst.add(submit(pair));
        }
        long creates = sandbox.calls().getOrDefault("CreateAccountAssignment", 0L);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<RequestStatus>> decisions = new ArrayList<>();
        for (long request : burst) {
            decisions.add(pool.submit(() -> as(TestUsers.APPROVER, () -> access.decide(request, true, ""))));
        }
        for (Future<RequestStatus> decision : decisions) {
            assertThat(decision.get()).isEqualTo(RequestStatus.APPROVED);
        }
        pool.shutdown();
        double approvedSeconds = (System.nanoTime() - start) / 1e9;
        await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofMinutes(5))
                .until(() -> activeCount(burst) == BURST);
        double activeSeconds = (System.nanoTime() - start) / 1e9;
        int grants = db.fetchCount(DSL.table("access_grant"), DSL.field("request_id").in(burst));
        int ledgerCreates = db.fetchCount(DSL.table("access_ledger").join(DSL.table("access_grant"))
                .on(DSL.field("access_ledger.grant_id").eq(DSL.field("access_grant.id"))),
                DSL.field("access_grant.request_id").in(burst), DSL.field("access_ledger.operation").eq("CREATE"));
        long createCalls = sandbox.calls().getOrDefault("CreateAccountAssignment", 0L) - creates;

        Collections.sort(latencies);
        String report = String.join("\n",
                "Demo sandbox with AWS's rate limits (scale 1, Gatehouse paced at 0.95) and 300 ms write latency",
                "(b) approval to assignment SUCCEEDED and grant ACTIVE, " + SINGLE_APPROVALS
                        + " approvals one at a time:",
                "    p50 " + latencies.get(latencies.size() / 2) + " ms, p99 " + latencies.get(latencies.size() - 1)
                        + " ms (target p99 < 3000 ms)",
                "(c) " + BURST + " approvals of different requests at once (16 approver threads):",
                "    all " + BURST + " approved in " + String.format("%.1f", approvedSeconds) + " s, all active after "
                        + String.format("%.1f", activeSeconds) + " s",
                "    grants " + grants + ", ledger creates " + ledgerCreates + ", CreateAccountAssignment calls "
                        + createCalls + " (retries of throttled or conflicting calls included)",
                "");
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/access.txt"), report);
        System.out.println(report);
        assertThat(grants).isEqualTo(BURST);
        assertThat(ledgerCreates).as("one create per grant").isEqualTo(BURST);
    }

    private long submit(String[] pair) {
        return as(TestUsers.REQUESTER, () -> access.submit(new RequestForm(pair[0], List.of(pair[1]),
                Duration.ofHours(1), Optional.empty(), "benchmark", ""))).get(0);
    }

    private int activeCount(List<Long> requests) {
        return db.fetchCount(DSL.table("access_grant"), DSL.field("request_id").in(requests),
                DSL.field("status").eq(GrantStatus.ACTIVE.name()));
    }
}
