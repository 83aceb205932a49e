package dev.gatehouse.access;

/** Who an Identity Center account assignment is for. */
public enum PrincipalType {
    USER,
    GROUP
}
