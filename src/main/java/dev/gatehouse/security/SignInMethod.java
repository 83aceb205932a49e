package dev.gatehouse.security;

/** How a person proved who they are. */
public enum SignInMethod {
    SAML,
    DEMO
}
