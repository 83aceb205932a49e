package dev.gatehouse.access;

/**
 * A request, decision or change that cannot be made as asked; the message is for the person.
 *
 * @see #field() the form field it is about, or empty for the whole action
 */
public class AccessProblem extends RuntimeException {

    private final String field;

    public AccessProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public AccessProblem(String message) {
        this("", message);
    }

    public String field() {
        return field;
    }
}
