package dev.gatehouse.directory;

import dev.gatehouse.directory.internal.DirectorySyncJob;

/** Syncs the demo sandbox into the mirror once per test JVM, for tests that read the directory. */
public final class DemoDirectory {

    private static boolean synced;

    private DemoDirectory() {
    }

    public static synchronized void ensureSynced(DirectorySyncJob job) {
        if (!synced) {
            syncAgain(job);
        }
    }

    static synchronized boolean isSynced() {
        return synced;
    }

    /** A sync now, for what was added to the sandbox since the last one. */
    static synchronized void syncAgain(DirectorySyncJob job) {
        job.run(SyncTrigger.MANUAL, null).filter(run -> run.status() == SyncStatus.SUCCEEDED)
                .orElseThrow(() -> new IllegalStateException("The demo directory did not sync"));
        synced = true;
    }
}
