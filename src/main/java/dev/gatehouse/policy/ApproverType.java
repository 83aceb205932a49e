package dev.gatehouse.policy;

/** Who approves requests under an access rule; NONE means access is granted without approval. */
public enum ApproverType {
    NONE("No approval (automatic)"),
    USER("A person"),
    GROUP("Members of a group"),
    MANAGER("The requester's manager");

    private final String label;

    ApproverType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
