package dev.gatehouse.review;

/** Who reviews at a stage. */
public enum ReviewerKind {
    /** The person's manager in the Identity Store. */
    MANAGER("the person's manager"),
    /** The account's owner (a person, or any member of a group). */
    ACCOUNT_OWNER("the account owner"),
    /** The permission set's owner (a person, or any member of a group). */
    PERMISSION_SET_OWNER("the permission-set owner"),
    /** One named person. */
    NAMED_PERSON("a named person"),
    /** Any member of one named group. */
    NAMED_GROUP("a named group");

    private final String label;

    ReviewerKind(String label) {
        this.label = label;
    }

    /** As a sentence names it: "the person's manager". */
    public String label() {
        return label;
    }

    /** Whether the stage names its reviewer, a user or group id. */
    public boolean named() {
        return this == NAMED_PERSON || this == NAMED_GROUP;
    }
}
