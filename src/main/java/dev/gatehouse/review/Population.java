package dev.gatehouse.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a launch snapshot: when, how many items of each kind, and a SHA-256 over the item keys in a stable
 * order, so the evidence can show the list reviewed is the list launched.
 *
 * @param direct        standing assignments to the person
 * @param throughGroups standing access through groups (one per person and group)
 * @param kinds         the kinds the campaign reviews
 * @param eligibility   people and access rules that let them request (ELIGIBILITY items)
 * @param memberships   memberships of groups that carry assignments (MEMBERSHIP items)
 * @param breakGlass    break-glass activations awaiting follow-up (BREAK_GLASS items)
 */
public record Population(Instant launchedAt, int items, int direct, int throughGroups, String sha256,
                         Set<ItemKind> kinds, int eligibility, int memberships, int breakGlass) {

    /** A campaign of standing access only. */
    public Population(Instant launchedAt, int items, int direct, int throughGroups, String sha256) {
        this(launchedAt, items, direct, throughGroups, sha256, Set.of(ItemKind.STANDING), 0, 0, 0);
    }

    public Population {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /**
     * "42 items (30 direct, 12 through groups)", and each other kind the campaign reviews: "…, 3 access-rule
     * eligibilities, 2 group memberships, 1 break-glass activation)".
     */
    public String counts() {
        List<String> parts = new ArrayList<>();
        if (kinds.contains(ItemKind.STANDING)) {
            parts.add(direct + " direct");
            parts.add(throughGroups + " through groups");
        }
        parts.addAll(otherKinds());
        return items + " items (" + String.join(", ", parts) + ")";
    }

    /** The counts of the kinds other than standing access the campaign reviews: "3 access-rule eligibilities". */
    public List<String> otherKinds() {
        List<String> parts = new ArrayList<>();
        if (kinds.contains(ItemKind.ELIGIBILITY)) {
            parts.add(eligibility + (eligibility == 1 ? " access-rule eligibility" : " access-rule eligibilities"));
        }
        if (kinds.contains(ItemKind.MEMBERSHIP)) {
            parts.add(memberships + (memberships == 1 ? " group membership" : " group memberships"));
        }
        if (kinds.contains(ItemKind.BREAK_GLASS)) {
            parts.add(breakGlass + (breakGlass == 1 ? " break-glass activation" : " break-glass activations"));
        }
        return parts;
    }

    /** How many items of the kind the launch snapshot. */
    public int count(ItemKind kind) {
        return switch (kind) {
            case STANDING -> direct + throughGroups;
            case ELIGIBILITY -> eligibility;
            case MEMBERSHIP -> memberships;
            case BREAK_GLASS -> breakGlass;
        };
    }
}
