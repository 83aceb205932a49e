package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.review.internal.ItemRepository;

/**
 * Issue 15's evidence benchmark: the items CSV of a campaign of {@code -Dreview.bench.evidence.items} items
 * (default 500,000; half of them decided, with comments), as an auditor downloads it before sign-off, streamed
 * from the database through the audit CSV writer. Run: ./mvnw -Pbench test -Dtest=EvidenceExportBenchmark;
 * the report is target/benchmark/review-evidence.txt.
 */
@Tag("benchmark")
@SpringBootTest
class EvidenceExportBenchmark {

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private ItemRepository items;
    @Autowired
    private ReviewEvidence evidence;
    @Autowired
    private DSLContext db;

    @Test
    void evidence_csv_of_a_large_campaign() throws Exception {
        int total = Integer.getInteger("review.bench.evidence.items", 500_000);
        fixtures.demoDirectory();
        AccountRow account = fixtures.account();
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        List<ItemRepository.NewItem> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            batch.add(new ItemRepository.NewItem(new ReviewItemRow.Person(UUID.randomUUID().toString(), "Person " + i),
                    new ReviewItemRow.Access(String.format("9%011d", i % 2_000), "bench-" + (i % 2_000),
                            "Root / Unit " + (i % 50) + " / Team " + (i % 200), "arn:aws:sso:::permissionSet/ssoins-b/ps-"
                            + (i % 300), "Set" + (i % 300)),
                    i % 5 == 0 ? HowHeld.GROUP : HowHeld.DIRECT, i % 5 == 0 ? "g-" + (i % 2_500) : "",
                    i % 5 == 0 ? "group-" + (i % 2_500) : "", Optional.of(Instant.now()),
                    new Reviewer(Reviewer.Type.USER, "reviewer-" + (i % 3_000), "Reviewer " + (i % 3_000), "")));
            if (batch.size() == 1_000) {
                items.insert(campaign.id(), batch, Instant.now());
                batch.clear();
            }
        }
        items.insert(campaign.id(), batch, Instant.now());
        db.execute("update review_item set decision = 'KEEP', comment = 'Still needed for the on-call rota, "
                + "confirmed with the team', decided_by = 'Avery Patel', decided_at = now(), status = 'DECIDED' "
                + "where campaign_id = ? and id % 2 = 0", campaign.id());
        db.execute("vacuum analyze review_item");
        int rows = db.fetchCount(db.selectFrom("review_item").where("campaign_id = ?", campaign.id()));

        CountingStream out = new CountingStream();
        long start = System.nanoTime();
        as(TestUsers.AUDITOR, () -> {
            evidence.download(campaign.id(), EvidenceKind.ITEMS_CSV, out);
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(out.lines).isEqualTo(rows + 1L);

        String report = String.format("Evidence export benchmark: CSV of %,d items (%,d MB) in %.1f s = %,.0f rows/s "
                + "(target >= 100,000)%n", rows, out.bytes >> 20, seconds, rows / seconds);
        System.out.print(report);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/review-evidence.txt"), report);
    }

    /** Counts what the download writes (bytes, and line ends outside quotes are not told apart: no value has one). */
    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
