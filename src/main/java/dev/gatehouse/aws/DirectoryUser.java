package dev.gatehouse.aws;

/**
 * An Identity Store user.
 *
 * @param managerId the manager's user id from the enterprise extension, or null
 */
public record DirectoryUser(String id, String userName, String displayName, String email, boolean enabled,
                            String managerId) {
}
