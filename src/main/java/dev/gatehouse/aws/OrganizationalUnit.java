package dev.gatehouse.aws;

/** An OU as Organizations reports it; parentId is the root's id for top-level OUs. */
public record OrganizationalUnit(String id, String parentId, String name) {
}
