/**
 * Access reviews: campaigns (once or recurring, or from a template) that snapshot standing access from the
 * access inventory, the reviewers who keep or revoke each item stage by stage, and revocations applied
 * through the access ledger or by removing a person from an Identity Store group, confirmed by the next sync.
 */
package dev.gatehouse.review;
