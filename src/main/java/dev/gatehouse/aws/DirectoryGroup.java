package dev.gatehouse.aws;

public record DirectoryGroup(String id, String displayName, String description) {
}
