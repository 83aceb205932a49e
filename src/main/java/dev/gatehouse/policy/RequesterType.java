package dev.gatehouse.policy;

/** Whom an access rule lets request. */
public enum RequesterType {
    EVERYONE("Everyone"),
    USER("Person"),
    GROUP("Group");

    private final String label;

    RequesterType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
