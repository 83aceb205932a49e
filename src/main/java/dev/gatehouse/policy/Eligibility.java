package dev.gatehouse.policy;

import java.util.List;
import java.util.Optional;

/**
 * Whether a person may request a permission set on an account, and under which rule.
 *
 * @param rule      the rule that applies, empty when none does
 * @param approvers who could approve (names), empty for automatic rules
 * @param reason    why the person cannot request, or which rule applies and why that one
 */
public record Eligibility(Optional<AccessRule> rule, List<String> approvers, String reason) {

    public boolean allowed() {
        return rule.isPresent() && (rule.get().automatic() || !approvers.isEmpty());
    }
}
