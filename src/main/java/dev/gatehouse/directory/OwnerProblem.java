package dev.gatehouse.directory;

/** An owner change that cannot be made as asked; the message is for the admin. */
public class OwnerProblem extends RuntimeException {

    public OwnerProblem(String message) {
        super(message);
    }
}
