/**
 * Access reviews: campaigns that snapshot standing access from the access inventory, the reviewers who
 * keep or revoke each item stage by stage, and revocations applied through the access ledger.
 */
package dev.gatehouse.review;
