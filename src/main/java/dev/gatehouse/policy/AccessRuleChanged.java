package dev.gatehouse.policy;

import java.time.Instant;

/**
 * An admin created, changed or deleted an access rule.
 *
 * @param before the rule as it was, described; empty when created
 * @param after  the rule as it is now, described; empty when deleted
 */
public record AccessRuleChanged(long ruleId, String actor, Instant at, String before, String after) {
}
