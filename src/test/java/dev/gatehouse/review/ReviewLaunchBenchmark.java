package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.sun.management.GarbageCollectionNotificationInfo;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.BenchmarkMirror;
import dev.gatehouse.review.internal.CampaignLaunch;

/**
 * Issue 15's launch benchmark: a campaign over the whole of the sync benchmark's organization (the mirror
 * {@link BenchmarkMirror} writes, groups expanded to one item per member), managers reviewing, launched by
 * the launch task: items per second from the admin's launch to ACTIVE, and how much the heap grew (the most
 * it held after any collection, and the peak used, garbage included). Run: ./mvnw -Pbench test -Dtest=ReviewLaunchBenchmark;
 * the report is target/benchmark/review-launch.txt.
 */
@Tag("benchmark")
@SpringBootTest
class ReviewLaunchBenchmark {

    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private CampaignLaunch launch;
    @Autowired
    private DSLContext db;

    @Test
    void launch_over_the_whole_benchmark_organization_with_groups_expanded() throws Exception {
        BenchmarkMirror.fill();
        CampaignDraft draft = new CampaignDraft("Launch benchmark " + Instant.now(), "Everything, groups expanded",
                CampaignScope.organization(), List.of(ReviewerStage.manager()), "u-1",
                Instant.now().plus(Duration.ofDays(14)), DueDatePolicy.KEEP_AND_FLAG);
        long id = as(TestUsers.ADMIN, () -> campaigns.create(draft)).id();

        System.gc();
        long baseline = usedHeap();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicLong live = new AtomicLong(baseline);
        NotificationListener afterGc = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                live.accumulateAndGet(info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed).sum(), Math::max);
            }
        };
        ManagementFactory.getGarbageCollectorMXBeans()
                .forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(afterGc, null, null));
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
        long start = System.nanoTime();
        // The launch task runs as soon as the launch commits: measured from the admin's launch to ACTIVE.
        as(TestUsers.ADMIN, () -> campaigns.launch(id, true));
        launch.launch(id);
        await().pollInterval(Duration.ofMillis(50)).atMost(Duration.ofMinutes(10))
                .until(() -> as(TestUsers.ADMIN, () -> campaigns.campaign(id)).status() == CampaignStatus.ACTIVE);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).removeNotificationListener(afterGc);
        }

        ReviewCampaign launched = as(TestUsers.ADMIN, () -> campaigns.campaign(id));
        assertThat(launched.status()).isEqualTo(CampaignStatus.ACTIVE);
        Population population = launched.population().orElseThrow();
        int items = db.fetchCount(db.selectFrom("review_item").where("campaign_id = ?", id));
        assertThat(items).isEqualTo(population.items());
        String report = String.format("Review launch benchmark (mirror: %s): %,d items (%,d direct, %,d through "
                        + "groups) in %.1f s = %,.0f items/s (target >= 20,000); heap growth: live after each "
                        + "collection at most %d MB (target < 256 MB), peak used %d MB (garbage included)%n",
                BenchmarkMirror.DESCRIPTION, population.items(), population.direct(), population.throughGroups(),
                seconds, population.items() / seconds, Math.max(0, live.get() - baseline) >> 20,
                (peak.get() - baseline) >> 20);
        System.out.print(report);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/review-launch.txt"), report);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
