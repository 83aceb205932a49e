package dev.gatehouse.review;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.review.internal.CampaignRepository;
import dev.gatehouse.review.internal.EvidenceRepository;
import dev.gatehouse.review.internal.EvidenceWriter;
import dev.gatehouse.review.internal.ItemRepository;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.shared.CsvWriter;

/**
 * A campaign's evidence for auditors: the item CSV and the printable summary. An admin signs it off once
 * the campaign is decided (ACTIVE with nothing pending) or over (CLOSED, CANCELLED); both files are then
 * generated, stored as generated and their SHA-256 recorded in the audit chain, so a download is the
 * bytes that were hashed and {@link #verify} can tell whether a file is one of them. Before sign-off a
 * download is a preview generated on the fly.
 */
@Service
@Transactional(readOnly = true)
@AdminOrAuditor
public class ReviewEvidence {

    private final CampaignRepository campaigns;
    private final ItemRepository items;
    private final EvidenceRepository evidence;
    private final EvidenceWriter writer;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewEvidence(CampaignRepository campaigns, ItemRepository items, EvidenceRepository evidence,
                   EvidenceWriter writer, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.items = items;
        this.evidence = evidence;
        this.writer = writer;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Generates both files, stores them with their SHA-256 and records the hashes in the audit trail.
     *
     * @return the CSV's and the summary's record, in that order
     */
    @Transactional
    @AdminOnly
    public List<EvidenceFile> signOff(long campaignId) {
        CampaignStatus status = campaigns.lockStatus(campaignId)
                .orElseThrow(() -> new ReviewProblem("No such review campaign."));
        List<EvidenceFile> signed = evidence.files(campaignId);
        if (!signed.isEmpty()) {
            throw new ReviewProblem("The evidence was signed off by " + signed.get(0).signedOffBy() + " on "
                    + CsvWriter.time(signed.get(0).signedOffAt()) + " UTC; it cannot be signed off again.");
        }
        switch (status) {
            case DRAFT, LAUNCHING -> throw new ReviewProblem("The campaign has not been launched, so there is no "
                    + "evidence to sign off.");
            case ACTIVE -> {
                int pending = items.pendingCount(campaignId);
                if (pending > 0) {
                    throw new ReviewProblem(pending + (pending == 1 ? " item is" : " items are")
                            + " still waiting for a decision: sign off when every item is decided, or once the "
                            + "campaign is closed.");
                }
            }
            case CLOSED, CANCELLED -> { }
        }
        ReviewCampaign campaign = campaigns.find(campaignId).orElseThrow();
        String by = currentUser.require().displayName();
        Instant at = clock.instant();
        EvidenceFile itemsFile = store(EvidenceKind.ITEMS_CSV, campaignId, by, at, out -> writer.csv(campaign, out));
        EvidenceFile summary = store(EvidenceKind.SUMMARY_HTML, campaignId, by, at, out -> writer.summary(campaign,
                campaigns.launchedBy(campaignId),
                Optional.of(new EvidenceWriter.SignOff(by, at, itemsFile.fileName(), itemsFile.sha256())), out));
        evidence.insert(campaignId, itemsFile);
        evidence.insert(campaignId, summary);
        List<EvidenceFile> files = List.of(itemsFile, summary);
        events.publishEvent(new ReviewEvidenceSignedOff(campaignId, campaign.name(), by, files, at));
        return files;
    }

    /** The signed-off files, CSV first; empty before sign-off. */
    public List<EvidenceFile> files(long campaignId) {
        return evidence.files(campaignId);
    }

    public String fileName(long campaignId, EvidenceKind kind) {
        return kind.fileName(campaignId);
    }

    /**
     * Writes the file: after sign-off the stored bytes, exactly as hashed; before, a preview generated from
     * the items as they are now, streamed from the database.
     */
    public void download(long campaignId, EvidenceKind kind, OutputStream out) {
        if (evidence.content(campaignId, kind, out)) {
            return;
        }
        ReviewCampaign campaign = campaigns.find(campaignId)
                .orElseThrow(() -> new ReviewProblem("No such review campaign."));
        if (campaign.population().isEmpty()) {
            throw new ReviewProblem("The campaign has not been launched, so it has no evidence.");
        }
        switch (kind) {
            case ITEMS_CSV -> writer.csv(campaign, out);
            case SUMMARY_HTML -> writer.summary(campaign, campaigns.launchedBy(campaignId), Optional.empty(), out);
        }
    }

    /** Whether the file is one of the campaign's signed-off files, told in a sentence; recorded in the audit trail. */
    @Transactional
    public EvidenceVerdict verify(long campaignId, String fileName, byte[] content) {
        ReviewCampaign campaign = campaigns.find(campaignId)
                .orElseThrow(() -> new ReviewProblem("No such review campaign."));
        String sha256 = sha256(content);
        List<EvidenceFile> signed = evidence.files(campaignId);
        EvidenceVerdict verdict;
        if (signed.isEmpty()) {
            verdict = new EvidenceVerdict(false, "No evidence has been signed off for this campaign.");
        } else {
            verdict = signed.stream().filter(f -> f.sha256().equals(sha256)).findFirst()
                    .map(f -> new EvidenceVerdict(true, "This file matches " + f.fileName()
                            + ", the evidence signed off by " + f.signedOffBy() + " on " + CsvWriter.time(f.signedOffAt())
                            + " UTC, SHA-256 " + sha256 + "."))
                    .orElseGet(() -> {
                        EvidenceFile compared = signed.stream().filter(f -> f.fileName().equals(fileName)).findFirst()
                                .orElseGet(() -> signed.stream().filter(f -> fileName != null
                                        && fileName.endsWith("." + extension(f.fileName()))).findFirst()
                                        .orElse(signed.get(0)));
                        return new EvidenceVerdict(false, "This file does not match the signed-off evidence: its "
                                + "SHA-256 is " + sha256 + ", the signed-off " + compared.fileName() + "'s is "
                                + compared.sha256() + ".");
                    });
        }
        events.publishEvent(new ReviewEvidenceVerified(campaignId, campaign.name(), currentUser.require().displayName(),
                fileName == null ? "" : fileName, verdict.matches(), verdict.message(), clock.instant()));
        return verdict;
    }

    /** Writes the file into its stored parts, hashing it on the way: constant memory for any campaign. */
    private EvidenceFile store(EvidenceKind kind, long campaignId, String by, Instant at, Consumer<OutputStream> write) {
        MessageDigest digest = digest();
        EvidenceRepository.PartWriter parts = evidence.parts(campaignId, kind);
        try (DigestOutputStream hashed = new DigestOutputStream(parts, digest)) {
            write.accept(hashed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvidenceFile(kind, kind.fileName(campaignId), HexFormat.of().formatHex(digest.digest()),
                parts.written(), by, at);
    }

    private static String extension(String fileName) {
        return fileName.substring(fileName.lastIndexOf('.') + 1);
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
