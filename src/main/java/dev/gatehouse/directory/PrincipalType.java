package dev.gatehouse.directory;

/** An Identity Store principal: a person (user) or a group. */
public enum PrincipalType {
    USER,
    GROUP
}
