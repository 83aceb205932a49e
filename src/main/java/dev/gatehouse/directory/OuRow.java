package dev.gatehouse.directory;

/** An organizational unit with its path from the root ("Root / Workloads / Prod"). */
public record OuRow(String id, String name, String path) {
}
