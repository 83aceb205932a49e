package dev.gatehouse.permissionset;

import java.time.Instant;

/** An admin asked for a permission set's session duration to change, or applying it succeeded or failed. */
public record SessionDurationChanged(long changeId, String permissionSetName, String before, String after,
                                     SessionChangeStatus status, String actor, String detail, Instant at) {
}
