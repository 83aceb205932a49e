/**
 * The mirror of the organization and Identity Center (OUs, accounts, users, groups, permission sets,
 * assignments), the sync that keeps it current, and the directory screens.
 */
package dev.gatehouse.directory;
