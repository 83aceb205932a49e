package dev.gatehouse.directory;

/**
 * The inventory's order, by names for reading and then by ids, so every row has one place and pages
 * never skip or repeat.
 */
public enum InventoryOrder {
    /** Account, permission set, person, how. */
    BY_ACCOUNT,
    /** Person, account, permission set, how. */
    BY_PERSON
}
