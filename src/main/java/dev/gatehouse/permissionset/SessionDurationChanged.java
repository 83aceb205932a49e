package dev.gatehouse.permissionset;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An admin asked for a permission set's session duration to change, or applying it succeeded or failed.
 *
 * @param before       empty when the directory did not know the duration before
 * @param awsRequestId AWS's id for the provisioning request that succeeded or failed; empty otherwise
 */
public record SessionDurationChanged(long changeId, String permissionSetName, Optional<Duration> before,
                                     Duration after,
                                     SessionChangeStatus status, String actor, String detail, String awsRequestId,
                                     Instant at) {
}
