package dev.gatehouse.review.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.security.AsSystem;

/**
 * Applies a revoke of an access rule's eligibility: a rule that names the person alone is deleted through
 * the policy module (audited there as a rule change by the reviewer); a rule through a group or for
 * everyone covers others too, so the item waits for an admin to change it, and says how.
 */
@Component
class EligibilityRevocations {

    private final ItemRepository items;
    private final AccessPolicy policy;

    EligibilityRevocations(ItemRepository items, AccessPolicy policy) {
        this.items = items;
        this.policy = policy;
    }

    /** In the decision's transaction, after the revoke is recorded; the reviewer's right was checked before. */
    void revoke(ReviewItemRow item, String by, Instant at) {
        long ruleId = Long.parseLong(item.subjectId());
        String person = item.person().displayName();
        String what = item.access().permissionSetName() + " on " + item.access().accountName();
        Optional<AccessRule> rule = AsSystem.run(() -> policy.rule(ruleId));
        if (rule.isEmpty()) {
            items.applying(item.id(), ItemStatus.REMOVED, "The rule was deleted already: " + person
                    + " can no longer request " + what + " under it", at);
            return;
        }
        AccessRule current = rule.get();
        if (current.requesterType() == RequesterType.USER && current.requesterId().equals(item.person().userId())) {
            AsSystem.run(() -> policy.deleteRevokedInReview(ruleId, item.person().userId(), by, item.decisionId()));
            items.applying(item.id(), ItemStatus.REMOVED, "Rule \"" + current.name() + "\" deleted: " + person
                    + " can no longer request " + what, at);
            return;
        }
        String covers = switch (current.requesterType()) {
            case GROUP -> "it lets every member of group " + current.requesterLabel() + " request " + what
                    + "; remove " + person + " from the group, or narrow the rule";
            case EVERYONE -> "it lets everyone request " + what + "; make it name the people or groups who should";
            case USER -> "it now names " + current.requesterLabel() + ", not " + person;
        };
        items.applying(item.id(), ItemStatus.WAITING_FOR_ADMIN, "Change rule \"" + current.name()
                + "\" so it no longer covers " + person + ": " + covers, at);
    }
}
