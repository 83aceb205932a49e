package dev.gatehouse.security;

/** A step-up or enrolment that cannot go on, with a message for the person. */
public class MfaProblem extends RuntimeException {

    public MfaProblem(String message) {
        super(message);
    }
}
