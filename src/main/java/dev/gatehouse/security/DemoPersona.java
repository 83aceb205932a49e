package dev.gatehouse.security;

import java.util.List;

/**
 * A sample person of the demo organization.
 *
 * @param id          the persona's user name, also its Identity Store userName in the sandbox
 * @param description what the persona shows off
 */
public record DemoPersona(String id, String displayName, String email, String description, List<String> groups) {
}
