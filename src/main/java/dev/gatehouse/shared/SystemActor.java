package dev.gatehouse.shared;

/**
 * Who acts when Gatehouse acts by itself (scheduled jobs, timeouts, grant starts and ends, retention), as
 * audit entries and events name it.
 */
public final class SystemActor {

    public static final String NAME = "Gatehouse";

    private SystemActor() {
    }
}
