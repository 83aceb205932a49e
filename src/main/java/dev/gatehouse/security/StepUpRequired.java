package dev.gatehouse.security;

/**
 * The action needs a recent second factor and the person has none: the screen asks for one
 * ({@link StepUp}) and then tries again.
 */
public class StepUpRequired extends RuntimeException {

    public StepUpRequired(String action) {
        super("Verify a second factor to " + action + ".");
    }
}
