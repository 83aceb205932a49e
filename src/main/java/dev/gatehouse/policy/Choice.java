package dev.gatehouse.policy;

/** Something a rule can name (a person, group, OU, account or permission set), for the rule editor's pickers. */
public record Choice(String id, String label) {
}
