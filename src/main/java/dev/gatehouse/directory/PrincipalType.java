package dev.gatehouse.directory;

/** Who an Identity Center account assignment is for: a person (USER) or a group (GROUP), as AWS names them. */
public enum PrincipalType {
    USER,
    GROUP
}
