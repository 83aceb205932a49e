package dev.gatehouse.policy;

/** An access rule that cannot be saved as it is; the message says which field and why. */
public class RuleProblem extends RuntimeException {

    private final String field;

    public RuleProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The rule's field the problem is about, as named in {@link AccessRule}. */
    public String field() {
        return field;
    }
}
