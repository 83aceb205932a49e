package dev.gatehouse.policy;

/** Which accounts an access rule covers; an OU covers every OU and account below it, also ones added later. */
public enum ScopeType {
    ORGANIZATION("Whole organization"),
    OU("Organizational unit"),
    ACCOUNT("Account");

    private final String label;

    ScopeType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
