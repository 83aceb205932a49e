package dev.gatehouse.review;

/**
 * What closing the campaign now would do to the items nobody decided: kept, kept and flagged, or revoked,
 * and of the revokes how many are admin-level and how many are held back as the last admin-level access
 * of their account.
 *
 * @param undecided     items still pending a decision (not counting those already held for confirmation)
 * @param revokes       assignments the policy revokes, the held ones included
 * @param accounts      accounts those revokes are on
 * @param adminLevel    revokes and held items of admin-level access
 * @param lastAdminHeld items held for an admin's confirmation, as the last admin-level access of their account
 */
public record ClosePreview(DueDatePolicy policy, int undecided, int revokes, int accounts, int adminLevel,
                           int lastAdminHeld) {

    /** "Would revoke 37 assignments on 12 accounts, 2 of them admin-level, 1 the last admin access of its account." */
    public String text() {
        if (undecided == 0) {
            return "Every item is decided: closing changes nothing.";
        }
        return switch (policy) {
            case KEEP -> "Would keep " + items(undecided) + " nobody decided.";
            case KEEP_AND_FLAG -> "Would keep " + items(undecided) + " nobody decided, flagged as undecided.";
            case REVOKE -> "Would revoke " + count(revokes, "assignment") + " on " + count(accounts, "account")
                    + ", " + adminLevel + " of them admin-level"
                    + (lastAdminHeld == 0 ? "." : ", " + lastAdminHeld + (lastAdminHeld == 1
                    ? " the last admin access of its account" : " the last admin access of their accounts")
                    + " (held for your confirmation).");
        };
    }

    private static String items(int n) {
        return count(n, "item");
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
