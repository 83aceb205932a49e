package dev.gatehouse.access;

/** A permission set the person may request somewhere, for the request form's picker. */
public record PermissionSetChoice(String arn, String name, String description, String sessionDuration) {
}
