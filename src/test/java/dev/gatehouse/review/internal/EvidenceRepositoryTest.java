package dev.gatehouse.review.internal;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.TestUsers;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.EvidenceFile;
import dev.gatehouse.review.EvidenceKind;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewerStage;

/** Evidence bytes are stored in parts and come back exactly as written, whatever their size. */
@SpringBootTest
class EvidenceRepositoryTest {

    @Autowired
    private EvidenceRepository evidence;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void a_file_of_several_parts_comes_back_byte_for_byte() {
        fixtures.demoDirectory();
        long id = as(TestUsers.ADMIN, () -> campaigns.create(fixtures.draft(CampaignScope.accounts(
                Set.of(fixtures.account().id())), List.of(ReviewerStage.manager())))).id();
        byte[] content = new byte[EvidenceRepository.PART_BYTES * 2 + 12_345];
        new Random(7).nextBytes(content);
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(tx -> {
            EvidenceRepository.PartWriter parts = evidence.parts(id, EvidenceKind.ITEMS_CSV);
            parts.write(content, 0, 10);
            parts.write(content[10]);
            parts.write(content, 11, content.length - 11);
            parts.close();
            assertThat(parts.written()).isEqualTo(content.length);
            evidence.insert(id, new EvidenceFile(EvidenceKind.ITEMS_CSV, "items.csv", "ab", content.length, "Morgan Reyes",
                    Instant.now()));
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Boolean stored = transaction.execute(tx -> evidence.content(id, EvidenceKind.ITEMS_CSV, out));

        assertThat(stored).isTrue();
        assertThat(out.toByteArray()).isEqualTo(content);
        Boolean summaryStored = transaction.execute(tx -> evidence.content(id, EvidenceKind.SUMMARY_HTML,
                new ByteArrayOutputStream()));
        assertThat(summaryStored).as("no summary was signed off").isFalse();
    }
}
