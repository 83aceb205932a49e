package dev.gatehouse.directory;

/**
 * A person or group an admin can make an owner.
 *
 * @param detail what tells two of the same name apart: a person's userName and email, a group's member count
 */
public record OwnerCandidate(PrincipalType type, String id, String name, String detail) {

    /** "Avery Patel (person, avery.patel · avery.patel@example.com)". */
    public String label() {
        return name + " (" + (type == PrincipalType.USER ? "person, " : "group, ") + detail + ")";
    }
}
