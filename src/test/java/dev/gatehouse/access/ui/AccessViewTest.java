package dev.gatehouse.access.ui;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.TestRules;

/** An access screen over the synced demo organization, starting without access rules. */
abstract class AccessViewTest extends KaribuTest {

    @Autowired
    private AccessPolicy policy;
    @Autowired
    private DirectoryLookup directory;

    @Autowired
    protected TestRules rules;
    @Autowired
    protected SandboxAccounts accounts;

    @BeforeEach
    void demoDirectoryWithoutRules() {
        rules.demoDirectoryWithoutRules();
    }
}
