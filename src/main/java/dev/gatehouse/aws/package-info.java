/**
 * The AWS adapter: the only code that talks to Organizations, Identity Store and SSO Admin. It pages
 * until the end, paces itself under AWS's rate limits, retries throttling, conflicts and server errors
 * with backoff, and counts every call per operation.
 */
package dev.gatehouse.aws;
