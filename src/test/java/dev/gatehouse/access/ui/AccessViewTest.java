package dev.gatehouse.access.ui;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.directory.DemoDirectory;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.TestRules;

/** An access screen over the synced demo organization, starting without access rules. */
abstract class AccessViewTest extends KaribuTest {

    @Autowired
    private AccessPolicy policy;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private DirectorySyncJob job;

    protected TestRules rules;

    @BeforeEach
    void demoDirectoryWithoutRules() {
        DemoDirectory.ensureSynced(job);
        rules = new TestRules(policy, directory);
        rules.clear();
    }
}
