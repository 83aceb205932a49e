package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.review.internal.ItemRepository;

/**
 * Issue 15's My reviews benchmarks: a reviewer's first page (with its context) and count among 5,000 items of
 * theirs in a campaign of {@code -Dreview.bench.items} items (default 1,000,000), and keep on all 5,000
 * matching the filter. Run: ./mvnw -Pbench verify -Dtest=MyReviewsBenchmark; the report is
 * target/benchmark/my-reviews.txt.
 */
@Tag("benchmark")
@SpringBootTest
class MyReviewsBenchmark {

    private static final int MINE = 5_000;
    private static final int PAGES = 50;

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private ItemRepository items;
    @Autowired
    private ReviewDecisions decisions;

    @Test
    void first_page_among_5000_items_of_a_large_campaign_and_keep_on_all_of_them() throws Exception {
        int total = Integer.getInteger("review.bench.items", 1_000_000);
        fixtures.demoDirectory();
        String avery = fixtures.userId(TestUsers.APPROVER);
        AccountRow account = fixtures.account();
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        String tag = "Bench" + UUID.randomUUID().toString().substring(0, 6);
        List<String> sets = List.of(fixtures.arn("Developer"), fixtures.arn("ReadOnlyAccess"),
                fixtures.arn("AdministratorAccess"));
        long insertStart = System.nanoTime();
        List<ItemRepository.NewItem> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            boolean mine = i % (total / MINE) == 0 && i / (total / MINE) < MINE;
            String arn = sets.get(i % sets.size());
            batch.add(new ItemRepository.NewItem(new ReviewItemRow.Person(UUID.randomUUID().toString(),
                    (mine ? tag : "Other") + " person " + i),
                    new ReviewItemRow.Access(String.format("9%011d", i % 2_000), "bench-" + (i % 2_000), "Root / Bench",
                            arn, arn.equals(sets.get(2)) ? "AdministratorAccess" : arn.equals(sets.get(0)) ? "Developer"
                            : "ReadOnlyAccess"),
                    HowHeld.DIRECT, "", "", Optional.of(Instant.now()),
                    mine ? new Reviewer(Reviewer.Type.USER, avery, "Avery Patel", "")
                            : new Reviewer(Reviewer.Type.USER, "reviewer-" + (i % 3_000), "Someone", "")));
            if (batch.size() == 1_000) {
                items.insert(campaign.id(), batch, Instant.now());
                batch.clear();
            }
        }
        items.insert(campaign.id(), batch, Instant.now());
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
        MyReviewsFilter theirs = MyReviewsFilter.everything().search(tag);

        long[] firstPage = new long[PAGES];
        long[] adminPage = new long[PAGES];
        long[] count = new long[PAGES];
        for (int i = 0; i < PAGES; i++) {
            firstPage[i] = timed(() -> assertThat(as(TestUsers.APPROVER, () -> decisions.myItems(
                    MyReviewsFilter.everything(), 0, 50))).hasSize(50));
            adminPage[i] = timed(() -> as(TestUsers.APPROVER, () -> decisions.myItems(
                    MyReviewsFilter.everything().adminLevelOnly(true).grouping(MyReviewsFilter.Grouping.BY_ACCOUNT), 0, 50)));
            count[i] = timed(() -> as(TestUsers.APPROVER, () -> decisions.myItemCount(theirs)));
        }
        assertThat(as(TestUsers.APPROVER, () -> decisions.myItemCount(theirs))).isEqualTo(MINE);
        long bulkStart = System.nanoTime();
        BulkOutcome outcome = as(TestUsers.APPROVER, () -> decisions.decideMatching(theirs, Decision.KEEP,
                "Benchmark keeps everything"));
        double bulkSeconds = (System.nanoTime() - bulkStart) / 1e9;
        assertThat(outcome.decided()).isEqualTo(MINE);

        String report = String.join("\n",
                "My reviews benchmark: " + MINE + " items of one reviewer among " + total + " in one campaign",
                String.format("inserted in %.1f s", insertSeconds),
                "first page (50 items with context), ms: " + summary(firstPage),
                "admin-level only, by account, ms: " + summary(adminPage),
                "count on a search, ms: " + summary(count),
                String.format("keep on all %d matching: %.2f s", MINE, bulkSeconds), "");
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/my-reviews.txt"), report);
        System.out.println(report);
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    /** "p50 12.3, p95 20.1" from nanoseconds. */
    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f, p95 %.1f", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
    }
}
