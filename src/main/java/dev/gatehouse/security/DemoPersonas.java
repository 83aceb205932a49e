package dev.gatehouse.security;

import java.util.List;

/**
 * The people the demo sign-in page offers. Demo mode supplies them from the demo organization, so each
 * is a real user of its Identity Center; security never depends on where they come from.
 */
public interface DemoPersonas {

    List<DemoPersona> personas();
}
