package dev.gatehouse.access;

import java.time.Duration;
import java.util.Optional;

/** A permission set the person may request somewhere, for the request form's picker. */
public record PermissionSetChoice(String arn, String name, String description,
                                  Optional<Duration> sessionDuration) {
}
