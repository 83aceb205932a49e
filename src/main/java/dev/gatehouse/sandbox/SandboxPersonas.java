package dev.gatehouse.sandbox;

import java.util.List;

/** The demo's people: each is a user in the sandbox Identity Store and a card on the demo sign-in page. */
public final class SandboxPersonas {

    /** A person the demo sign-in page offers; the same user exists in the sandbox Identity Store. */
    public record Persona(String userName, String givenName, String familyName, String description,
                          List<String> groups, String managerUserName) {

        public String displayName() {
            return givenName + " " + familyName;
        }

        public String email() {
            return userName + "@example.com";
        }
    }

    /** What each card on the demo sign-in page says; the demo rules (policy module) make it true. */
    public static final List<Persona> ALL = List.of(
            new Persona("riley.chen", "Riley", "Chen",
                    "Engineer on the payments team: requests ReadOnlyAccess, Developer and AdministratorAccess, "
                            + "breaks glass, and gives access back.",
                    List.of("engineering", "payments-team"), "avery.patel"),
            new Persona("avery.patel", "Avery", "Patel",
                    "Engineering manager: approves Riley's Developer requests as Riley's manager, and "
                            + "AdministratorAccess as a production approver.",
                    List.of("engineering", "engineering-managers", "production-approvers"), "jordan.kim"),
            new Persona("morgan.reyes", "Morgan", "Reyes",
                    "Platform admin: edits access rules and session durations, and follows up break-glass access.",
                    List.of("platform", "gatehouse-admins"), "jordan.kim"),
            new Persona("sam.okafor", "Sam", "Okafor",
                    "Internal auditor: reads the directory, the access rules, active access and the audit trail, "
                            + "and exports it; changes nothing.",
                    List.of("gatehouse-auditors"), null),
            new Persona("jordan.kim", "Jordan", "Kim", "Director of engineering: Avery's and Morgan's manager.",
                    List.of("engineering", "engineering-managers"), null));

    private SandboxPersonas() {
    }
}
