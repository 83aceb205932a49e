package dev.gatehouse.aws;

/** A member account and the OU (or root) it sits in. */
public record AwsAccount(String id, String parentId, String name, String email, String status) {
}
