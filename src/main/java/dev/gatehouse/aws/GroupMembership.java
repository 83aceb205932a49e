package dev.gatehouse.aws;

public record GroupMembership(String groupId, String userId) {
}
