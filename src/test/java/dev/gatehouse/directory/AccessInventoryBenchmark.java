package dev.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

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
        BenchmarkMirror.fill();
        TestUsers.signIn(TestUsers.AUDITOR);
        StringBuilder report = new StringBuilder(String.format("Mirror: %s%n", BenchmarkMirror.DESCRIPTION));

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
}
