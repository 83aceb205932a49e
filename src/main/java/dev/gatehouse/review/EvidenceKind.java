package dev.gatehouse.review;

/** The two files of a campaign's evidence. */
public enum EvidenceKind {
    /** One row per item: who decided what, and what Identity Center then did. */
    ITEMS_CSV("items", "csv", "text/csv; charset=utf-8"),
    /** The printable summary: scope, reviewers, population, counts, exceptions and sign-off. */
    SUMMARY_HTML("summary", "html", "text/html; charset=utf-8");

    private final String part;
    private final String extension;
    private final String contentType;

    EvidenceKind(String part, String extension, String contentType) {
        this.part = part;
        this.extension = extension;
        this.contentType = contentType;
    }

    /** gatehouse-review-12-items.csv, gatehouse-review-12-summary.html */
    public String fileName(long campaignId) {
        return "gatehouse-review-" + campaignId + "-" + part + "." + extension;
    }

    public String contentType() {
        return contentType;
    }
}
