package dev.gatehouse.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * Issue 3's sync benchmark: the large organization behind the sandbox with AWS's rate limits scaled by
 * {@link #SCALE}. Reports calls per operation against the minimum the shape needs (pages at maximum size),
 * wall time against the bound the rate limits set, and heap growth. Run: ./mvnw -Pbench verify
 */
@Tag("benchmark")
@SpringBootTest(properties = {"gatehouse.sandbox.benchmark-size=true",
        "gatehouse.sandbox.rate-limit-scale=" + DirectorySyncBenchmark.SCALE,
        "gatehouse.sandbox.pace-factor=" + DirectorySyncBenchmark.PACE})
class DirectorySyncBenchmark {

    static final int SCALE = 10;
    /** Production's default is 0.9, which leaves room for other tools on the shared SSO Admin limit. */
    static final double PACE = 0.95;

    @Autowired
    private DirectorySyncJob job;
    @Autowired
    private Sandbox sandbox;

    @Test
    void sync_the_benchmark_organization() throws Exception {
        SandboxOrganization org = sandbox.organization();
        Map<String, Long> minimum = minimumCalls(org);
        System.gc();
        long baseline = usedHeap();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(usedHeap(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sandbox.resetCalls();
        sampler.start();
        long start = System.nanoTime();
        SyncRun run = job.run(SyncTrigger.MANUAL, "benchmark").orElseThrow();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        sampler.interrupt();

        assertThat(run.status()).as(run.error()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.counts().assignments()).isEqualTo(org.assignmentCount());
        assertThat(run.counts().users()).isEqualTo(org.userCount());

        Map<String, Long> actual = new TreeMap<>(sandbox.calls());
        long actualTotal = actual.values().stream().mapToLong(Long::longValue).sum();
        long minimumTotal = minimum.values().stream().mapToLong(Long::longValue).sum();
        double bound = boundSeconds(org, minimum);
        StringBuilder report = new StringBuilder();
        report.append(String.format("Organization: %d accounts, %d OUs, %d users, %d groups, %d memberships, "
                        + "%d permission sets, %d assignments%n", org.accountCount(), org.units().size(), org.userCount(),
                org.groups().size(), org.memberships().size(), org.permissionSets().size(), org.assignmentCount()));
        report.append(String.format("AWS rate limits scaled by %d (all buckets alike); Gatehouse paced at %.2f of them%n",
                SCALE, PACE));
        report.append(String.format("%-52s %10s %10s %6s%n", "operation", "calls", "minimum", "ratio"));
        minimum.forEach((operation, min) -> report.append(String.format("%-52s %10d %10d %6.3f%n", operation,
                actual.getOrDefault(operation, 0L), min, actual.getOrDefault(operation, 0L) / (double) min)));
        report.append(String.format("%-52s %10d %10d %6.3f%n", "total", actualTotal, minimumTotal,
                actualTotal / (double) minimumTotal));
        report.append(String.format("Wall time %.1f s; rate-limit bound %.1f s; ratio %.3f%n", wall.toMillis() / 1000.0,
                bound, wall.toMillis() / 1000.0 / bound));
        report.append(String.format("Heap: %d MB before the sync (sandbox data included), peak %d MB, "
                        + "growth during the sync %d MB%n", baseline >> 20, peak.get() >> 20,
                (peak.get() - baseline) >> 20));
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "directory-sync.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Calls the organization's shape needs at the largest page sizes (20 for Organizations, 100 otherwise). */
    private static Map<String, Long> minimumCalls(SandboxOrganization org) {
        Map<String, Long> calls = new TreeMap<>();
        Function<Long, Long> orgPages = n -> Math.max(1, (n + 19) / 20);
        Function<Long, Long> pages = n -> Math.max(1, (n + 99) / 100);
        Map<String, Long> unitsByParent = count(org.units(), SandboxOrganization.OrganizationalUnit::parentId);
        Map<String, Long> accountsByParent = count(org.accounts(), SandboxOrganization.Account::parentId);
        List<String> parents = new ArrayList<>();
        parents.add(SandboxOrganization.ROOT_ID);
        org.units().forEach(unit -> parents.add(unit.id()));
        calls.put("ListRoots", 1L);
        calls.put("ListOrganizationalUnitsForParent",
                parents.stream().mapToLong(p -> orgPages.apply(unitsByParent.getOrDefault(p, 0L))).sum());
        calls.put("ListAccountsForParent",
                parents.stream().mapToLong(p -> orgPages.apply(accountsByParent.getOrDefault(p, 0L))).sum());
        calls.put("ListUsers", pages.apply((long) org.userCount()));
        calls.put("ListGroups", pages.apply((long) org.groups().size()));
        Map<String, Long> members = org.memberships().stream()
                .collect(Collectors.groupingBy(SandboxOrganization.Membership::groupId, Collectors.counting()));
        calls.put("ListGroupMemberships", org.groups().stream()
                .mapToLong(g -> pages.apply(members.getOrDefault(g.id(), 0L))).sum());
        calls.put("ListInstances", 1L);
        long sets = org.permissionSets().size();
        calls.put("ListPermissionSets", pages.apply(sets));
        for (String perSet : List.of("DescribePermissionSet", "ListManagedPoliciesInPermissionSet",
                "ListCustomerManagedPolicyReferencesInPermissionSet", "GetInlinePolicyForPermissionSet",
                "GetPermissionsBoundaryForPermissionSet")) {
            calls.put(perSet, sets);
        }
        // The same name in both services: SSO Admin's per permission set, Organizations' per account (owner tags).
        calls.put("ListTagsForResource", sets + org.accountCount());
        Map<String, Long> perPair = org.assignments().stream().collect(Collectors.groupingBy(
                a -> a.accountId() + "|" + a.permissionSetArn(), Collectors.counting()));
        Map<String, Long> setsPerAccount = perPair.keySet().stream()
                .collect(Collectors.groupingBy(pair -> pair.substring(0, pair.indexOf('|')), Collectors.counting()));
        calls.put("ListPermissionSetsProvisionedToAccount", org.accounts().stream()
                .mapToLong(a -> pages.apply(setsPerAccount.getOrDefault(a.id(), 0L))).sum());
        calls.put("ListAccountAssignments", perPair.values().stream().mapToLong(pages::apply).sum());
        return calls;
    }

    /**
     * The fastest a sync could be under the limits, phase by phase as it runs: the organization walk
     * (its two buckets alternate), users, groups, memberships, then SSO Admin's one shared bucket, beside
     * which the accounts' owner tags are read from Organizations' ListTagsForResource bucket.
     */
    private static double boundSeconds(SandboxOrganization org, Map<String, Long> minimum) {
        double orgs = Math.max(minimum.get("ListOrganizationalUnitsForParent"), minimum.get("ListAccountsForParent"))
                / (5.0 * SCALE);
        double identityStore = (minimum.get("ListUsers") + minimum.get("ListGroups")
                + minimum.get("ListGroupMemberships")) / (20.0 * SCALE);
        long accountTags = org.accountCount();
        long sso = minimum.entrySet().stream().filter(e -> SSO_ADMIN.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum() - accountTags;
        return orgs + identityStore + Math.max(sso / (20.0 * SCALE), accountTags / (5.0 * SCALE));
    }

    private static final List<String> SSO_ADMIN = List.of("ListInstances", "ListPermissionSets",
            "DescribePermissionSet", "ListManagedPoliciesInPermissionSet",
            "ListCustomerManagedPolicyReferencesInPermissionSet", "GetInlinePolicyForPermissionSet",
            "GetPermissionsBoundaryForPermissionSet", "ListTagsForResource", "ListPermissionSetsProvisionedToAccount",
            "ListAccountAssignments");

    private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, HashMap::new, Collectors.counting()));
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
