package dev.gatehouse.security;

/** A person of the Identity Center directory, as admin screens pick them. */
public record DirectoryPerson(String userName, String displayName, String email) {

    /** "Jordan Kim (jordan.kim)". */
    public String label() {
        return displayName + " (" + userName + ")";
    }
}
