package dev.gatehouse.review.internal;

import static dev.gatehouse.db.Tables.REVIEW_EVIDENCE;
import static dev.gatehouse.db.Tables.REVIEW_EVIDENCE_PART;
import static dev.gatehouse.review.internal.CampaignRepository.utc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import dev.gatehouse.review.EvidenceFile;
import dev.gatehouse.review.EvidenceKind;

/**
 * Signed-off evidence files: their hashes, and the bytes hashed in parts of at most 1 MiB, so writing and
 * serving a file of any size takes constant memory. Written once per campaign.
 */
@Repository
public class EvidenceRepository {

    static final int PART_BYTES = 1 << 20;

    private final DSLContext db;

    EvidenceRepository(DSLContext db) {
        this.db = db;
    }

    /** A stream that stores what is written to it as the file's parts; close it to store the last one. */
    public PartWriter parts(long campaignId, EvidenceKind kind) {
        return new PartWriter(campaignId, kind);
    }

    public void insert(long campaignId, EvidenceFile file) {
        db.insertInto(REVIEW_EVIDENCE).set(REVIEW_EVIDENCE.CAMPAIGN_ID, campaignId)
                .set(REVIEW_EVIDENCE.KIND, file.kind().name()).set(REVIEW_EVIDENCE.FILE_NAME, file.fileName())
                .set(REVIEW_EVIDENCE.SHA256, file.sha256()).set(REVIEW_EVIDENCE.BYTES, file.bytes())
                .set(REVIEW_EVIDENCE.SIGNED_OFF_BY, file.signedOffBy())
                .set(REVIEW_EVIDENCE.SIGNED_OFF_AT, utc(file.signedOffAt())).execute();
    }

    /** The campaign's signed-off files, CSV first; empty before sign-off. */
    public List<EvidenceFile> files(long campaignId) {
        return db.select(REVIEW_EVIDENCE.KIND, REVIEW_EVIDENCE.FILE_NAME, REVIEW_EVIDENCE.SHA256, REVIEW_EVIDENCE.BYTES,
                        REVIEW_EVIDENCE.SIGNED_OFF_BY, REVIEW_EVIDENCE.SIGNED_OFF_AT).from(REVIEW_EVIDENCE)
                .where(REVIEW_EVIDENCE.CAMPAIGN_ID.eq(campaignId)).fetch(EvidenceRepository::file).stream()
                .sorted((a, b) -> a.kind().compareTo(b.kind())).toList();
    }

    /** Writes the signed-off file's bytes, part by part; false when the campaign has no such file. */
    public boolean content(long campaignId, EvidenceKind kind, OutputStream out) {
        boolean signedOff = db.fetchExists(REVIEW_EVIDENCE, REVIEW_EVIDENCE.CAMPAIGN_ID.eq(campaignId)
                .and(REVIEW_EVIDENCE.KIND.eq(kind.name())));
        if (!signedOff) {
            return false;
        }
        try (var cursor = db.select(REVIEW_EVIDENCE_PART.CONTENT).from(REVIEW_EVIDENCE_PART)
                .where(REVIEW_EVIDENCE_PART.CAMPAIGN_ID.eq(campaignId), REVIEW_EVIDENCE_PART.KIND.eq(kind.name()))
                .orderBy(REVIEW_EVIDENCE_PART.PART).fetchSize(1).fetchLazy()) {
            for (var part : cursor) {
                out.write(part.value1());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The download was interrupted", e);
        }
        return true;
    }

    private void insertPart(long campaignId, EvidenceKind kind, int part, byte[] content) {
        db.insertInto(REVIEW_EVIDENCE_PART).set(REVIEW_EVIDENCE_PART.CAMPAIGN_ID, campaignId)
                .set(REVIEW_EVIDENCE_PART.KIND, kind.name()).set(REVIEW_EVIDENCE_PART.PART, part)
                .set(REVIEW_EVIDENCE_PART.CONTENT, content).execute();
    }

    private static EvidenceFile file(Record r) {
        return new EvidenceFile(EvidenceKind.valueOf(r.get(REVIEW_EVIDENCE.KIND)), r.get(REVIEW_EVIDENCE.FILE_NAME),
                r.get(REVIEW_EVIDENCE.SHA256), r.get(REVIEW_EVIDENCE.BYTES), r.get(REVIEW_EVIDENCE.SIGNED_OFF_BY),
                r.get(REVIEW_EVIDENCE.SIGNED_OFF_AT).toInstant());
    }

    /** Buffers up to one part and stores each full one; counts what was written. */
    public final class PartWriter extends OutputStream {
        private final long campaignId;
        private final EvidenceKind kind;
        private final byte[] buffer = new byte[PART_BYTES];
        private int filled;
        private int part;
        private long written;
        private boolean closed;

        private PartWriter(long campaignId, EvidenceKind kind) {
            this.campaignId = campaignId;
            this.kind = kind;
        }

        @Override
        public void write(int b) {
            if (filled == buffer.length) {
                store();
            }
            buffer[filled++] = (byte) b;
            written++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (filled == buffer.length) {
                    store();
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                written += n;
            }
        }

        /** How many bytes the file has. */
        public long written() {
            return written;
        }

        @Override
        public void close() {
            if (!closed && (filled > 0 || part == 0)) {
                store();
            }
            closed = true;
        }

        private void store() {
            insertPart(campaignId, kind, part++, Arrays.copyOf(buffer, filled));
            filled = 0;
        }
    }
}
