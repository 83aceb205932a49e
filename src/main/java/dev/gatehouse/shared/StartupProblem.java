package dev.gatehouse.shared;

/**
 * A reason Gatehouse cannot start that the operator can fix: reported as one clear line and
 * what to do, never as a stack trace.
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    public StartupProblem(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
