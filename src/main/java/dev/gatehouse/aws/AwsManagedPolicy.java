package dev.gatehouse.aws;

/** An AWS managed policy from IAM's catalogue; path is "/" or e.g. "/job-function/". */
public record AwsManagedPolicy(String name, String arn, String path) {
}
