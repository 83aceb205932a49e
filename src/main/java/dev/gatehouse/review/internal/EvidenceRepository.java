package dev.gatehouse.review.internal;

import static dev.gatehouse.db.Tables.REVIEW_EVIDENCE;
import static dev.gatehouse.review.internal.CampaignRepository.utc;

import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import dev.gatehouse.review.EvidenceFile;
import dev.gatehouse.review.EvidenceKind;

/** Signed-off evidence files: their hashes and the bytes hashed, written once per campaign. */
@Repository
public class EvidenceRepository {

    private final DSLContext db;

    EvidenceRepository(DSLContext db) {
        this.db = db;
    }

    public void insert(long campaignId, EvidenceFile file, byte[] content) {
        db.insertInto(REVIEW_EVIDENCE).set(REVIEW_EVIDENCE.CAMPAIGN_ID, campaignId)
                .set(REVIEW_EVIDENCE.KIND, file.kind().name()).set(REVIEW_EVIDENCE.FILE_NAME, file.fileName())
                .set(REVIEW_EVIDENCE.SHA256, file.sha256()).set(REVIEW_EVIDENCE.BYTES, file.bytes())
                .set(REVIEW_EVIDENCE.CONTENT, content).set(REVIEW_EVIDENCE.SIGNED_OFF_BY, file.signedOffBy())
                .set(REVIEW_EVIDENCE.SIGNED_OFF_AT, utc(file.signedOffAt())).execute();
    }

    /** The campaign's signed-off files, CSV first; empty before sign-off. */
    public List<EvidenceFile> files(long campaignId) {
        return db.select(REVIEW_EVIDENCE.KIND, REVIEW_EVIDENCE.FILE_NAME, REVIEW_EVIDENCE.SHA256, REVIEW_EVIDENCE.BYTES,
                        REVIEW_EVIDENCE.SIGNED_OFF_BY, REVIEW_EVIDENCE.SIGNED_OFF_AT).from(REVIEW_EVIDENCE)
                .where(REVIEW_EVIDENCE.CAMPAIGN_ID.eq(campaignId)).fetch(EvidenceRepository::file).stream()
                .sorted((a, b) -> a.kind().compareTo(b.kind())).toList();
    }

    public Optional<byte[]> content(long campaignId, EvidenceKind kind) {
        return db.select(REVIEW_EVIDENCE.CONTENT).from(REVIEW_EVIDENCE)
                .where(REVIEW_EVIDENCE.CAMPAIGN_ID.eq(campaignId)).and(REVIEW_EVIDENCE.KIND.eq(kind.name()))
                .fetchOptional(REVIEW_EVIDENCE.CONTENT);
    }

    private static EvidenceFile file(Record r) {
        return new EvidenceFile(EvidenceKind.valueOf(r.get(REVIEW_EVIDENCE.KIND)), r.get(REVIEW_EVIDENCE.FILE_NAME),
                r.get(REVIEW_EVIDENCE.SHA256), r.get(REVIEW_EVIDENCE.BYTES), r.get(REVIEW_EVIDENCE.SIGNED_OFF_BY),
                r.get(REVIEW_EVIDENCE.SIGNED_OFF_AT).toInstant());
    }
}
