package dev.gatehouse.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What closing the campaign now would do to the items nobody decided: kept, kept and flagged, or revoked,
 * and of the revokes how many are admin-level and how many are held back as the last admin-level access
 * of their account.
 *
 * @param undecided     items still pending a decision (not counting those already held for confirmation)
 * @param revokes       items the policy revokes, the held ones included, by kind (none for KEEP policies)
 * @param accounts      accounts those revokes are on
 * @param adminLevel    revokes and held items of admin-level access
 * @param lastAdminHeld items held for an admin's confirmation, as the last admin-level access of their account
 */
public record ClosePreview(DueDatePolicy policy, int undecided, Map<ItemKind, Integer> revokes, int accounts,
                           int adminLevel, int lastAdminHeld) {

    public ClosePreview {
        revokes = revokes.isEmpty() ? Map.of() : new EnumMap<>(revokes);
    }

    /** "Would revoke 37 assignments on 12 accounts, 2 of them admin-level, 1 the last admin access of its account." */
    public String text() {
        if (undecided == 0) {
            return "Every item is decided: closing changes nothing.";
        }
        return switch (policy) {
            case KEEP -> "Would keep " + count(undecided, "item") + " nobody decided.";
            case KEEP_AND_FLAG -> "Would keep " + count(undecided, "item") + " nobody decided, flagged as undecided.";
            case REVOKE -> "Would revoke " + what() + (accounts == 0 ? "" : " on " + count(accounts, "account"))
                    + ", " + adminLevel + " of them admin-level"
                    + (lastAdminHeld == 0 ? "." : ", " + lastAdminHeld + (lastAdminHeld == 1
                    ? " the last admin access of its account" : " the last admin access of their accounts")
                    + " (held for your confirmation).");
        };
    }

    /** "3 assignments, 1 access-rule eligibility and 2 group memberships", in the kinds' order. */
    private String what() {
        List<String> parts = new ArrayList<>();
        revokes.forEach((kind, n) -> parts.add(switch (kind) {
            case STANDING -> count(n, "assignment");
            case ELIGIBILITY -> n + (n == 1 ? " access-rule eligibility" : " access-rule eligibilities");
            case MEMBERSHIP -> count(n, "group membership");
            case BREAK_GLASS -> count(n, "break-glass activation");
        }));
        int last = parts.size() - 1;
        return last <= 0 ? String.join("", parts) : String.join(", ", parts.subList(0, last)) + " and " + parts.get(last);
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
