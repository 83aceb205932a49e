/** Just-in-time access: requests, approvals, grants, the ledger of Identity Center writes, expiry and revocation. */
package dev.gatehouse.access;
