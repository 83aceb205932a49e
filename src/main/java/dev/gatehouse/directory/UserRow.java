package dev.gatehouse.directory;

public record UserRow(String id, String userName, String displayName, String email, boolean enabled,
                      String managerName) {
}
