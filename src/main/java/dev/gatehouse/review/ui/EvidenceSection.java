package dev.gatehouse.review.ui;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;

import dev.gatehouse.review.EvidenceFile;
import dev.gatehouse.review.EvidenceKind;
import dev.gatehouse.review.EvidenceVerdict;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewEvidence;
import dev.gatehouse.review.ReviewProblem;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/**
 * A launched campaign's evidence on its page: whether and by whom it was signed off with both files'
 * SHA-256, the two downloads, an admin's sign-off, and a check of a downloaded file against the hashes.
 */
class EvidenceSection extends VerticalLayout {

    static final String SIGN_OFF_ID = "sign-off-evidence";
    static final String CSV_ID = "evidence-csv";
    static final String HTML_ID = "evidence-html";
    static final String EVIDENCE_ID = "evidence-status";
    static final String VERDICT_ID = "evidence-verdict";
    static final String VERIFY_ID = "verify-evidence";
    static final int VERIFY_LIMIT_BYTES = 512 * 1024 * 1024;

    private final ReviewEvidence evidence;
    private final boolean admin;

    EvidenceSection(ReviewEvidence evidence, ReviewCampaign campaign, boolean admin) {
        this.evidence = evidence;
        this.admin = admin;
        setPadding(false);
        List<EvidenceFile> files = evidence.files(campaign.id());
        Paragraph state = new Paragraph(files.isEmpty()
                ? "Not signed off yet: the downloads are previews of the items as they are now."
                : "Signed off by " + files.get(0).signedOffBy() + " " + TimeText.of(files.get(0).signedOffAt()) + ". "
                + files.stream().map(f -> f.fileName() + " SHA-256 " + f.sha256()).collect(Collectors.joining("; "))
                + ".");
        state.setId(EVIDENCE_ID);
        HorizontalLayout tools = new HorizontalLayout(download(campaign, EvidenceKind.ITEMS_CSV, "Items (CSV)", CSV_ID),
                download(campaign, EvidenceKind.SUMMARY_HTML, "Summary (HTML)", HTML_ID));
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (admin && files.isEmpty()) {
            Button signOff = new Button("Sign off evidence…", click -> confirmSignOff(campaign));
            signOff.setId(SIGN_OFF_ID);
            tools.addComponentAsFirst(signOff);
        }
        Paragraph verdict = new Paragraph();
        verdict.setId(VERDICT_ID);
        Upload verify = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            try {
                EvidenceVerdict result = evidence.verify(campaign.id(), metadata.fileName(), bytes);
                verdict.setText(result.message());
                verdict.getStyle().set("color", result.matches() ? "var(--lumo-success-text-color)"
                        : "var(--lumo-error-text-color)");
            } catch (ReviewProblem problem) {
                Toasts.error(problem.getMessage());
            }
        }));
        verify.setId(VERIFY_ID);
        verify.setMaxFiles(1);
        // The file is held in memory to hash it; evidence files are far smaller than this.
        verify.setMaxFileSize(VERIFY_LIMIT_BYTES);
        verify.setUploadButton(new Button("Verify a file…"));
        verify.setDropLabel(new Span("or drop a downloaded evidence file here"));
        tools.add(verify);
        add(new H3("Evidence"), state, tools, verdict);
    }

    private Anchor download(ReviewCampaign campaign, EvidenceKind kind, String label, String id) {
        Anchor link = new Anchor((DownloadHandler) event -> {
            event.setFileName(evidence.fileName(campaign.id(), kind));
            event.setContentType(kind.contentType());
            evidence.download(campaign.id(), kind, event.getOutputStream());
        }, AttachmentType.DOWNLOAD, label);
        link.setId(id);
        return link;
    }

    private void confirmSignOff(ReviewCampaign campaign) {
        ConfirmDialog confirm = new ConfirmDialog("Sign off the evidence of " + campaign.name() + "?",
                "Gatehouse writes the item CSV and the summary as they are now, keeps them, and records both files' "
                        + "SHA-256 in the audit trail. The evidence is signed off once, in your name.",
                "Sign off", ok -> {
                    try {
                        evidence.signOff(campaign.id());
                        Toasts.success("Evidence signed off: both files' SHA-256 are in the audit trail.");
                    } catch (ReviewProblem problem) {
                        Toasts.error(problem.getMessage());
                    }
                    getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
                });
        confirm.setCancelable(true);
        confirm.open();
    }
}
