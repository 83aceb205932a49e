package dev.gatehouse.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.shared.ConditionalOnMode;
import dev.gatehouse.shared.GatehouseMode;

/**
 * Fresh AWS accounts for tests: each call hands out accounts no other test of this JVM has had, with no
 * standing assignments and no grants on them, so tests that grant access never meet each other's. They
 * sit in the sandbox under Test accounts / Batch n (nested, for OU rules) and are in the mirror when
 * handed out.
 *
 * <p>Every demo-mode context's sandbox holds every batch, since all contexts share the test database:
 * a sync from any context keeps them, and any context's scheduler can write to them. The first batch is
 * in place before the first sync, so it costs no sync of its own; a later batch costs one.
 */
@Component
@ConditionalOnMode(GatehouseMode.DEMO)
public class SandboxAccounts {

    private static final int BATCH = 100;
    private static final String TOP_OU = "ou-sbx0-7e570000";
    private static final String PREFIX = "test-";

    private static final Object LOCK = new Object();
    private static final List<SandboxOrganization.Account> created = new ArrayList<>();
    private static final Set<Sandbox> sandboxes = new HashSet<>();
    private static int handedOut;

    private final Sandbox sandbox;
    private final DirectorySyncJob job;
    private final DirectoryLookup directory;

    SandboxAccounts(Sandbox sandbox, DirectorySyncJob job, DirectoryLookup directory) {
        this.sandbox = sandbox;
        this.job = job;
        this.directory = directory;
        synchronized (LOCK) {
            if (created.isEmpty()) {
                addBatch();
            }
            sandbox.organization().add(new SandboxOrganization.OrganizationalUnit(TOP_OU,
                    SandboxOrganization.ROOT_ID, "Test accounts"));
            created.forEach(account -> addTo(sandbox, account));
            sandboxes.add(sandbox);
        }
    }

    @PreDestroy
    void closed() {
        synchronized (LOCK) {
            sandboxes.remove(sandbox);
        }
    }

    /** Whether the account is one of these, not one of the demo organization's. */
    public static boolean isTestAccount(String accountId) {
        synchronized (LOCK) {
            return created.stream().anyMatch(account -> account.id().equals(accountId));
        }
    }

    /** An account no other test has had, in the mirror. */
    public AccountRow fresh() {
        return fresh(1).get(0);
    }

    /** That many accounts no other test has had, in the mirror. */
    public List<AccountRow> fresh(int count) {
        List<SandboxOrganization.Account> accounts;
        synchronized (LOCK) {
            boolean grew = false;
            while (handedOut + count > created.size()) {
                addBatch();
                grew = true;
            }
            accounts = List.copyOf(created.subList(handedOut, handedOut + count));
            handedOut += count;
            if (grew && DemoDirectory.isSynced()) {
                DemoDirectory.syncAgain(job);
            }
        }
        DemoDirectory.ensureSynced(job);
        return accounts.stream().map(account -> directory.account(account.id()).orElseThrow(
                () -> new IllegalStateException("Test account " + account.name() + " is not in the mirror"))).toList();
    }

    /** The next batch, in an OU of its own, in every live sandbox. */
    private static void addBatch() {
        int batch = created.size() / BATCH + 1;
        String ou = TOP_OU.substring(0, TOP_OU.length() - 4) + String.format("%04d", batch);
        for (int i = 0; i < BATCH; i++) {
            int n = created.size() + 1;
            String name = PREFIX + String.format("%04d", n);
            created.add(new SandboxOrganization.Account(String.format("5555%08d", n), ou, name,
                    "aws+" + name + "@example.com", "ACTIVE"));
        }
        sandboxes.forEach(sandbox -> created.subList(created.size() - BATCH, created.size())
                .forEach(account -> addTo(sandbox, account)));
    }

    private static void addTo(Sandbox sandbox, SandboxOrganization.Account account) {
        String batch = account.parentId();
        sandbox.organization().add(new SandboxOrganization.OrganizationalUnit(batch, TOP_OU,
                "Batch " + Integer.parseInt(batch.substring(batch.length() - 4))));
        sandbox.organization().add(account);
    }
}
