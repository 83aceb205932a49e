package dev.gatehouse.aws.internal;

public enum AwsService {
    ORGANIZATIONS,
    IDENTITY_STORE,
    SSO_ADMIN,
    IAM
}
