package dev.gatehouse.policy;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContextHolder;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.AccountScopes;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.security.GatehouseUser;

/** Access rules for tests, saved through the service as an admin, over the synced demo directory. */
public final class TestRules {

    private final AccessPolicy policy;
    private final DirectoryLookup directory;

    public TestRules(AccessPolicy policy, DirectoryLookup directory) {
        this.policy = policy;
        this.directory = directory;
    }

    /** Deletes every rule, so a test starts from none. */
    public void clear() {
        asAdmin(() -> {
            policy.rules("", 0, 1000).forEach(rule -> policy.delete(rule.id()));
            return null;
        });
    }

    public String userId(GatehouseUser user) {
        return directory.userBySignIn(user.directoryUserName()).orElseThrow().id();
    }

    public String groupId(String name) {
        return directory.findGroups(name, 20).stream().filter(g -> g.displayName().equals(name)).findFirst()
                .orElseThrow().id();
    }

    public String permissionSetArn(String name) {
        return directory.permissionSets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().arn();
    }

    /** The i-th account by name. */
    public AccountRow account(int index) {
        return directory.accountsWithin(new AccountScopes(true, Set.of(), Set.of()), DirectoryPage.first(index + 1))
                .get(index);
    }

    public String accountId(int index) {
        return account(index).id();
    }

    public static AccessRule draft(String name, RequesterType requesterType, String requesterId, ScopeType scopeType,
                                   String scopeId, String permissionSetArn, int approvals, ApproverType approverType,
                                   String approverId) {
        return new AccessRule(null, name, requesterType, requesterId, "", scopeType, scopeId, "", permissionSetArn, "",
                Duration.ofHours(4), Duration.ofHours(1), false, "", true, approvals, approverType, approverId, "",
                Duration.ofDays(1), null, "");
    }

    public AccessRule save(AccessRule draft) {
        return asAdmin(() -> policy.save(draft));
    }

    private static <T> T asAdmin(Supplier<T> work) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.signIn(TestUsers.ADMIN);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(before);
        }
    }
}
