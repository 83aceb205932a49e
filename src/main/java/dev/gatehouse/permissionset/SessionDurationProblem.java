package dev.gatehouse.permissionset;

/** A session-duration change that cannot be made as asked; the message says why. */
public class SessionDurationProblem extends RuntimeException {

    public SessionDurationProblem(String message) {
        super(message);
    }
}
