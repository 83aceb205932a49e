/**
 * The AWS adapter: the only code that talks to Organizations, Identity Store and SSO Admin, one class per
 * service area ({@link dev.gatehouse.aws.Organizations}, {@link dev.gatehouse.aws.IdentityStore},
 * {@link dev.gatehouse.aws.AccountAssignments}, {@link dev.gatehouse.aws.PermissionSets},
 * {@link dev.gatehouse.aws.PermissionSetChanges}, and IAM's {@link dev.gatehouse.aws.ManagedPolicies}) reached through
 * {@link dev.gatehouse.aws.IdentityCenter}. Underneath, one shared place pages until the end, paces itself
 * under AWS's rate limits, retries throttling, conflicts and server errors with backoff, polls asynchronous
 * writes and counts every call per operation.
 */
package dev.gatehouse.aws;
