package dev.gatehouse.directory;

public record GroupRow(String id, String displayName, String description, int members) {
}
