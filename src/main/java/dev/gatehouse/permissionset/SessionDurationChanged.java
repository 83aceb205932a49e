package dev.gatehouse.permissionset;

import java.time.Instant;

/**
 * An admin asked for a permission set's session duration to change, or applying it succeeded or failed.
 *
 * @param awsRequestId AWS's id for the provisioning request that succeeded or failed; empty otherwise
 */
public record SessionDurationChanged(long changeId, String permissionSetName, String before, String after,
                                     SessionChangeStatus status, String actor, String detail, String awsRequestId,
                                     Instant at) {
}
