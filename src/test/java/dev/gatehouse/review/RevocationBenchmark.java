package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.FreeTriples;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.review.internal.ItemRepository;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.sandbox.SandboxOrganization.Assignment;

/**
 * Issue 15's revocation benchmark: one reviewer revokes {@code -Dreview.bench.revokes} direct items (default
 * 1,000) at once, against the demo sandbox with AWS's limits on (20 TPS for SSO Admin, 15 writes in progress,
 * 300 ms per write, as {@code GrantExpiryBenchmark}), until every item is REMOVED; the time is set against
 * AWS's bound (two calls per deletion at 20 TPS, or 15 in progress at a time). Run:
 * ./mvnw -Pbench test -Dtest=RevocationBenchmark; the report is target/benchmark/review-revocations.txt.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"gatehouse.sandbox.rate-limit-scale=1", "gatehouse.sandbox.pace-factor=0.95"})
class RevocationBenchmark {

    private static final double SSO_ADMIN_TPS = 20;
    private static final int MAX_OUTSTANDING = 15;

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private ItemRepository items;
    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private DSLContext db;

    @Test
    void a_thousand_revokes_are_removed_from_identity_center_within_the_rate_limit_bound() throws Exception {
        int revokes = Integer.getInteger("review.bench.revokes", 1_000);
        fixtures.demoDirectory();
        String avery = fixtures.userId(TestUsers.APPROVER);
        AccountRow account = fixtures.account();
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        SandboxOrganization org = sandbox.organization();
        String tag = "Revoke" + UUID.randomUUID().toString().substring(0, 6);
        List<Assignment> triples = FreeTriples.of(db, org, avery).subList(0, revokes);
        List<ItemRepository.NewItem> batch = new ArrayList<>();
        for (Assignment triple : triples) {
            assertThat(org.add(triple)).isTrue();
            batch.add(new ItemRepository.NewItem(new ReviewItemRow.Person(triple.principalId(), tag + " person"),
                    new ReviewItemRow.Access(triple.accountId(), "bench-" + triple.accountId(), "Root / Bench",
                            triple.permissionSetArn(), "Bench set"),
                    HowHeld.DIRECT, "", "", Optional.of(Instant.now()),
                    new Reviewer(Reviewer.Type.USER, avery, "Avery Patel", "")));
        }
        items.insert(campaign.id(), batch, Instant.now());
        long deletesBefore = sandbox.calls().getOrDefault("DeleteAccountAssignment", 0L);
        MyReviewsFilter theirs = MyReviewsFilter.everything().search(tag);

        Instant start = Instant.now();
        BulkOutcome outcome = as(TestUsers.APPROVER, () -> decisions.decideMatching(theirs, Decision.REVOKE, ""));
        double decideSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        assertThat(outcome.decided()).isEqualTo(revokes);
        await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofMinutes(15)).until(() -> removed(campaign) == revokes);
        double total = Duration.between(start, Instant.now()).toMillis() / 1000.0;

        Set<Assignment> left = new HashSet<>(org.assignments());
        long remaining = triples.stream().filter(left::contains).count();
        Map<Assignment, Integer> deletes = new HashMap<>();
        for (Sandbox.Write write : sandbox.writes()) {
            if (!write.create() && triples.contains(write.assignment())) {
                deletes.merge(write.assignment(), 1, Integer::sum);
            }
        }
        long deleteCalls = sandbox.calls().getOrDefault("DeleteAccountAssignment", 0L) - deletesBefore;
        double callBound = 2.0 * revokes / SSO_ADMIN_TPS;
        double outstandingBound = revokes * 0.3 / MAX_OUTSTANDING;
        double bound = Math.max(callBound, outstandingBound);
        String report = String.format("Revocation benchmark (demo sandbox, AWS's rate limits at scale 1, Gatehouse "
                        + "paced at 0.95): %,d revokes decided in %.1f s, all REMOVED after %.1f s; AWS bound %.1f s "
                        + "(2 calls per deletion at 20 TPS = %.0f s; 15 in progress x 300 ms = %.0f s) = %.2f x "
                        + "(target <= 1.2 x); DeleteAccountAssignment calls %d, assignments left %d, deleted more "
                        + "than once %d%n", revokes, decideSeconds, total, bound, callBound, outstandingBound,
                total / bound, deleteCalls, remaining, deletes.values().stream().filter(n -> n > 1).count());
        System.out.print(report);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/review-revocations.txt"), report);
        assertThat(remaining).isZero();
    }

    private int removed(ReviewCampaign campaign) {
        return db.fetchCount(db.selectFrom("review_item").where("campaign_id = ? and status = 'REMOVED'", campaign.id()));
    }

}
