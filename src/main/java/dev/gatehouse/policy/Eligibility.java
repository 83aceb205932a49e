package dev.gatehouse.policy;

import java.util.List;
import java.util.Optional;

/**
 * Whether a person may request a permission set on an account, and under which rule.
 *
 * @param rule          the rule that applies, empty when none does
 * @param approvers     who could approve (names, at most ten), empty for automatic rules
 * @param moreApprovers how many more people could approve than are named
 * @param reason        why the person cannot request, or which rule applies and why that one
 */
public record Eligibility(Optional<AccessRule> rule, List<String> approvers, int moreApprovers, String reason) {

    public boolean allowed() {
        return rule.isPresent() && (rule.get().automatic() || !approvers.isEmpty());
    }

    /** "Avery Patel", or "Alex Adams, Blake Bauer, … and 11 more"; empty when nobody approves. */
    public String approverList() {
        return String.join(", ", approvers) + (moreApprovers > 0 ? " and " + moreApprovers + " more" : "");
    }
}
