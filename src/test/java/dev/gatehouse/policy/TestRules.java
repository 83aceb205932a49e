package dev.gatehouse.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.DemoDirectory;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.security.GatehouseUser;

/**
 * Access rules for tests over the synced demo directory, saved through the service as an admin, and
 * the demo's people, groups and permission sets by name. Accounts come from {@link SandboxAccounts}.
 */
@Component
public class TestRules {

    private final AccessPolicy policy;
    private final DirectoryLookup directory;
    private final DirectorySyncJob job;

    TestRules(AccessPolicy policy, DirectoryLookup directory, DirectorySyncJob job) {
        this.policy = policy;
        this.directory = directory;
        this.job = job;
    }

    /** Syncs the demo sandbox into the mirror, once per test JVM. */
    public void demoDirectory() {
        DemoDirectory.ensureSynced(job);
    }

    /** The synced demo directory and no rules, so a test starts from a known state. */
    public void demoDirectoryWithoutRules() {
        demoDirectory();
        clear();
    }

    /** A rule as if stored with id 0, for tests that write requests without the service. */
    public static AccessRule stored(String requesterId, String permissionSetArn, String permissionSetName,
                                    int approvals, ApproverType approverType, Instant at) {
        return new AccessRule(0L, "test", RequesterType.USER, requesterId, "Riley", ScopeType.ORGANIZATION, "", "",
                permissionSetArn, permissionSetName, Duration.ofHours(1), Duration.ofHours(1), false, "", "", false,
                approvals, approverType, "", "", false, false, false, false, Duration.ofDays(1), at, "test");
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

    public static AccessRule draft(String name, RequesterType requesterType, String requesterId, ScopeType scopeType,
                                   String scopeId, String permissionSetArn, int approvals, ApproverType approverType,
                                   String approverId) {
        return new AccessRule(null, name, requesterType, requesterId, "", scopeType, scopeId, "", permissionSetArn, "",
                Duration.ofHours(4), Duration.ofHours(1), false, "", "", true, approvals, approverType, approverId, "",
                false, false, false, false, Duration.ofDays(1), null, "");
    }

    /** The rule draft asking for MFA to request, to approve, or both. */
    public static AccessRule withMfa(AccessRule d, boolean toRequest, boolean toApprove) {
        return new AccessRule(d.id(), d.name(), d.requesterType(), d.requesterId(), d.requesterLabel(), d.scopeType(),
                d.scopeId(), d.scopeLabel(), d.permissionSetArn(), d.permissionSetName(), d.maxDuration(),
                d.defaultDuration(), d.justificationRequired(), d.ticketPattern(), d.ticketExample(),
                d.futureStartAllowed(), d.approvalsRequired(), d.approverType(), d.approverId(), d.approverLabel(),
                d.emergency(), d.sessionCapped(), toRequest, toApprove, d.pendingTimeout(), d.updatedAt(),
                d.updatedBy());
    }

    /** The rule draft asking for a ticket that matches the pattern, with the example requesters are shown. */
    public static AccessRule withTicket(AccessRule d, String pattern, String example) {
        return new AccessRule(d.id(), d.name(), d.requesterType(), d.requesterId(), d.requesterLabel(), d.scopeType(),
                d.scopeId(), d.scopeLabel(), d.permissionSetArn(), d.permissionSetName(), d.maxDuration(),
                d.defaultDuration(), d.justificationRequired(), pattern, example, d.futureStartAllowed(),
                d.approvalsRequired(), d.approverType(), d.approverId(), d.approverLabel(), d.emergency(),
                d.sessionCapped(), d.mfaToRequest(), d.mfaToApprove(), d.pendingTimeout(), d.updatedAt(),
                d.updatedBy());
    }

    /** A break-glass rule for one person on the whole organization; the approvers named are told. */
    public AccessRule breakGlass(String name, String requesterId, String permissionSetArn, ApproverType told) {
        return save(new AccessRule(null, name, RequesterType.USER, requesterId, "", ScopeType.ORGANIZATION, "", "",
                permissionSetArn, "", Duration.ofHours(2), Duration.ofHours(1), true, "", "", false, 0, told, "", "",
                true, false, false, false, null, null, ""));
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
