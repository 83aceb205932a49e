package dev.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestDatabase;
import dev.gatehouse.TestUsers;

/**
 * The access inventory at the sync benchmark's size (2,000 accounts, 50,000 users, 200,000 assignments),
 * written straight into the mirror as {@link DirectoryQueryBenchmark} does, with groups expanded and
 * active grants: the whole inventory streamed with the heap it grows by, and first pages of one person's
 * or one account's access. Run: ./mvnw -Pbench verify
 */
@Tag("benchmark")
@SpringBootTest
class AccessInventoryBenchmark {

    private static final int ROUNDS = 40;
    private static final int PAGE = 50;

    @Autowired
    private AccessInventory inventory;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void access_inventory_at_2000_accounts_50000_users_and_200000_assignments() throws Exception {
        fill();
        TestUsers.signIn(TestUsers.AUDITOR);
        StringBuilder report = new StringBuilder(String.format("Mirror: 2,000 accounts in 50 OUs with 150 nested "
                + "OUs, 50,000 users, 2,500 groups, 100,000 memberships, 300 permission sets, 200,000 assignments "
                + "(190,000 to people, 10,000 to groups), 1,000 active grants%n"));

        long count = inventory.count(InventoryScope.ORGANIZATION);
        System.gc();
        long baseline = usedHeap();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(usedHeap(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        AtomicLong streamed = new AtomicLong();
        AtomicLong retained = new AtomicLong(baseline);
        long start = System.nanoTime();
        inventory.each(InventoryScope.ORGANIZATION, InventoryOrder.BY_ACCOUNT, row -> {
            // What the stream holds on to, without the garbage it leaves between collections.
            if (streamed.incrementAndGet() % 100_000 == 0) {
                System.gc();
                retained.accumulateAndGet(usedHeap(), Math::max);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        assertThat(streamed.get()).isEqualTo(count);
        report.append(String.format("Full inventory by account, streamed: %,d rows in %.1f s (a forced GC every "
                        + "100,000 rows included)%nHeap: %d MB before; live after each forced GC at most %d MB "
                        + "(growth %d MB); peak used, garbage included, %d MB%n", streamed.get(), seconds,
                baseline >> 20, retained.get() >> 20, (retained.get() - baseline) >> 20, peak.get() >> 20));

        Map<String, IntFunction<Object>> queries = new LinkedHashMap<>();
        queries.put("first page of one person's access", i -> inventory.page(
                InventoryScope.ORGANIZATION.ofPerson("u-" + (i * 997 % 50_000 + 1)), InventoryOrder.BY_ACCOUNT, 0, PAGE));
        queries.put("first page of one account's access", i -> inventory.page(
                InventoryScope.ORGANIZATION.onAccount(account(i * 37 % 2_000 + 1)), InventoryOrder.BY_PERSON, 0, PAGE));
        queries.put("count of one account's access", i -> inventory.count(
                InventoryScope.ORGANIZATION.onAccount(account(i * 37 % 2_000 + 1))));
        queries.put("first page of one group's access", i -> inventory.page(
                InventoryScope.ORGANIZATION.throughGroup("g-" + (i * 61 % 2_500 + 1)), InventoryOrder.BY_ACCOUNT, 0,
                PAGE));
        queries.put("first page of a top OU (nested OUs)", i -> inventory.page(
                InventoryScope.ORGANIZATION.inOu("ou-" + (i % 50 + 1)), InventoryOrder.BY_ACCOUNT, 0, PAGE));
        report.append(String.format("%-40s %8s %8s%n", "query (page of " + PAGE + ")", "p50 ms", "p95 ms"));
        for (var query : queries.entrySet()) {
            assertThat(query.getValue().apply(0)).isNotNull();
            double[] millis = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long began = System.nanoTime();
                query.getValue().apply(i + 1);
                millis[i] = (System.nanoTime() - began) / 1e6;
            }
            Arrays.sort(millis);
            report.append(String.format("%-40s %8.1f %8.1f%n", query.getKey(), millis[ROUNDS / 2],
                    millis[(int) (ROUNDS * 0.95)]));
        }
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "access-inventory.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String account(int n) {
        return String.format("%012d", n);
    }

    private void fill() {
        String set = "'arn:aws:sso:::permissionSet/ssoins-b/ps-' || ";
        List<String> statements = List.of(
                "truncate directory_ou, directory_account, directory_user, directory_group, directory_group_member, "
                        + "directory_permission_set, directory_provisioned, directory_assignment, access_assignment, "
                        + "access_ledger, access_approval, access_grant, access_request cascade",
                "insert into directory_ou select 'ou-' || g, 'r-bench', 'Unit ' || g, 'Root / Unit ' || g, 1 "
                        + "from generate_series(1, 50) g",
                "insert into directory_ou select 'ou-' || g, 'ou-' || (g % 50 + 1), 'Unit ' || g, "
                        + "'Root / Unit ' || (g % 50 + 1) || ' / Unit ' || g, 2 from generate_series(51, 200) g",
                "insert into directory_account select lpad(g::text, 12, '0'), 'ou-' || (g % 200 + 1), "
                        + "'team' || (g % 300) || '-' || g, 'acct' || g || '@example.com', 'ACTIVE', '' "
                        + "from generate_series(1, 2000) g",
                "insert into directory_user select 'u-' || g, 'user' || g, 'Person ' || g, 'user' || g || '@example.com', "
                        + "true, null from generate_series(1, 50000) g",
                "insert into directory_group select 'g-' || g, 'group-' || g, '' from generate_series(1, 2500) g",
                "insert into directory_group_member select 'g-' || ((g + (g / 50000) * 1249) % 2500 + 1), "
                        + "'u-' || (g % 50000 + 1) from generate_series(0, 99999) g on conflict do nothing",
                "insert into directory_permission_set select " + set + "g, 'Set' || g, '', 'PT1H', '', '{}', '{}', '', '', '{}' "
                        + "from generate_series(1, 300) g",
                // Account and set from g (unique for g < 600,000), so no two rows collide.
                "insert into directory_assignment (account_id, permission_set_arn, principal_type, principal_id) "
                        + "select lpad((g % 2000 + 1)::text, 12, '0'), " + set + "((g / 2000) % 300 + 1), 'USER', "
                        + "'u-' || (g % 50000 + 1) from generate_series(0, 189999) g",
                "insert into directory_assignment (account_id, permission_set_arn, principal_type, principal_id) "
                        + "select lpad((g % 2000 + 1)::text, 12, '0'), " + set + "((g / 2000 + 150) % 300 + 1), "
                        + "'GROUP', 'g-' || (g % 2500 + 1) from generate_series(0, 9999) g",
                "insert into directory_provisioned select distinct account_id, permission_set_arn from directory_assignment",
                // Half the grants hold an assignment the sync has seen, half one it has not.
                "insert into access_request (requester_id, requester_name, account_id, account_name, permission_set_arn, "
                        + "permission_set_name, rule_id, duration_minutes, justification, ticket, approvals_required, "
                        + "approver_type, approver_id, approval_summary, status, created_at, pending_until) "
                        + "select 'u-' || (g % 50000 + 1), 'Person ' || (g % 50000 + 1), lpad((g % 2000 + 1)::text, 12, '0'), "
                        + "'team', " + set + "(case when g % 2 = 0 then (g / 2000) % 300 + 1 else 299 - (g / 2000) % 300 end), "
                        + "'Set', 0, 60, 'benchmark', '', 0, 'NONE', '', '', 'APPROVED', now(), now() "
                        + "from generate_series(0, 999) g",
                "insert into access_grant (request_id, user_id, account_id, permission_set_arn, starts_at, ends_at, status) "
                        + "select id, requester_id, account_id, permission_set_arn, now(), now() + interval '1 hour', "
                        + "'ACTIVE' from access_request",
                "insert into access_assignment (account_id, permission_set_arn, principal_type, principal_id, owned) "
                        + "select account_id, permission_set_arn, 'USER', user_id, true from access_grant "
                        + "on conflict do nothing",
                "vacuum analyze");
        // Truncating is the owner's: the application role may only delete.
        DSLContext owner = DSL.using(TestDatabase.asOwner(), SQLDialect.POSTGRES);
        statements.forEach(owner::execute);
    }
}
