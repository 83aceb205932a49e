package dev.gatehouse.directory;

/** How many of each kind a sync read. */
public record SyncCounts(int units, int accounts, int users, int groups, int memberships, int permissionSets,
                         int assignments) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0, 0, 0, 0);
}
