package dev.gatehouse.permissionset;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A permission set's AWS session duration beside the grants the access rules allow on it.
 *
 * @param longestGrant  the longest access any rule allows; empty when no rule names the permission set
 * @param shortestUsual the shortest default duration of those rules: a grant that short is common
 * @param warnings      why an AWS session can outlive what Gatehouse intends, in words; empty when it cannot
 * @param accounts      accounts the permission set is provisioned to
 */
public record SessionDurationRow(String permissionSetArn, String name, Duration session,
                                 Optional<Duration> longestGrant, Optional<Duration> shortestUsual,
                                 List<String> warnings, int accounts) {
}
