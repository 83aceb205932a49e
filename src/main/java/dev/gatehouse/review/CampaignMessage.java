package dev.gatehouse.review;

/** The kinds of message a campaign sends; each can be switched off per campaign. */
public enum CampaignMessage {
    LAUNCH("At launch, to each reviewer"),
    REMINDER("Reminders before the due date"),
    OVERDUE("Daily reminders when overdue"),
    ESCALATION("To the fallback reviewer, when items are escalated"),
    CLOSE("To the campaign's creator, when it closes");

    private final String label;

    CampaignMessage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
