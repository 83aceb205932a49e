package dev.gatehouse.audit;

/** The reports auditors ask for, as CSV files beside the trail's own export. */
public enum AuditReport {
    CURRENT_ACCESS_BY_ACCOUNT("Current access by account", "current-access-by-account"),
    CURRENT_ACCESS_BY_PERSON("Current access by person", "current-access-by-person"),
    GRANT_HISTORY("Grant history", "grant-history");

    private final String label;
    private final String fileStem;

    AuditReport(String label, String fileStem) {
        this.label = label;
        this.fileStem = fileStem;
    }

    public String label() {
        return label;
    }

    String fileStem() {
        return fileStem;
    }
}
