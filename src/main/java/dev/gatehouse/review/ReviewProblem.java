package dev.gatehouse.review;

/**
 * A campaign or decision that cannot be made as asked; the message is for the person.
 *
 * @see #field() the form field it is about, or empty for the whole action
 */
public class ReviewProblem extends RuntimeException {

    private final String field;

    public ReviewProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public ReviewProblem(String message) {
        this("", message);
    }

    public String field() {
        return field;
    }
}
