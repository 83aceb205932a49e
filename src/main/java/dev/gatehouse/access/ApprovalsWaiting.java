package dev.gatehouse.access;

/**
 * What waits on the Approvals screen for one person.
 *
 * @param decisions  pending requests they may decide and have not decided yet
 * @param breakGlass break-glass activations their rule names them for, not followed up yet
 */
public record ApprovalsWaiting(int decisions, int breakGlass) {

    public int total() {
        return decisions + breakGlass;
    }
}
