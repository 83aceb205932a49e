/**
 * Just-in-time access: requests, approvals, grants, the ledger of Identity Center writes, expiry and revocation.
 * The grant and ledger model is described in docs/architecture.md.
 */
package dev.gatehouse.access;
