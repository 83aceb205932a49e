package dev.gatehouse.directory.ui;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.directory.DemoDirectory;
import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.internal.DirectorySyncJob;

/** A directory screen over the synced demo organization. */
abstract class DirectoryViewTest extends KaribuTest {

    @Autowired
    protected Directory directory;
    @Autowired
    private DirectorySyncJob job;

    @BeforeEach
    void syncedDemoOrganization() {
        DemoDirectory.ensureSynced(job);
    }
}
