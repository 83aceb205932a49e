package dev.gatehouse.directory;

/** An AWS account as the directory screens list it. */
public record AccountRow(String id, String name, String email, String status, String ouPath) {
}
