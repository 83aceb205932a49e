package dev.gatehouse.access;

import java.time.Instant;

/** Someone asked for access; approvers are to decide, unless the rule grants it at once. */
public record AccessRequested(long requestId, String requester, String accountName, String permissionSetName,
                              String duration, String justification, String ticket, Instant at) {
}
