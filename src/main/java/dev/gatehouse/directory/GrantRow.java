package dev.gatehouse.directory;

/** A permission set assigned on an account, as a group's detail lists it. */
public record GrantRow(String accountId, String accountName, String permissionSetName) {
}
