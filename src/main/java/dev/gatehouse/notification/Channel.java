package dev.gatehouse.notification;

/** Where a message goes. */
public enum Channel {
    EMAIL("Email"),
    SLACK("Slack"),
    WEBHOOK("Webhook");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
