package dev.gatehouse.directory;

/**
 * An OU or an account in the organization tree.
 *
 * @param hasChildren whether an OU holds OUs or accounts
 */
public record OrganizationNode(String id, String name, Kind kind, String status, boolean hasChildren) {

    public enum Kind {
        OU,
        ACCOUNT
    }
}
