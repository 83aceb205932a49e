package dev.gatehouse.security;

/** How a person proved who they are. */
public enum SignInMethod {
    SAML,
    DEMO,
    /** Gatehouse itself, for work no person started ({@link SystemActor}); it never signs in. */
    SYSTEM
}
