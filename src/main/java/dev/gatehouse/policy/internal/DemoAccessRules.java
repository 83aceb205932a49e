package dev.gatehouse.policy.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.DirectorySynced;
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.security.AsSystem;
import dev.gatehouse.shared.ConditionalOnMode;
import dev.gatehouse.shared.GatehouseMode;

/**
 * Demo mode only: when the first sync since start succeeds and no rule exists, adds four rules so
 * the demo personas can request and approve at once: engineers read everything without approval,
 * the payments team gets Developer with their manager's approval, AdministratorAccess needs MFA, a
 * production approver and a ticket, and engineers may break glass into BreakGlass after MFA, their
 * manager told. They are saved through {@link AccessPolicy} as the system actor, so they are checked
 * and audited like an admin's rules.
 */
@Component
@ConditionalOnMode(GatehouseMode.DEMO)
@ConditionalOnProperty(name = "gatehouse.access.demo-rules", havingValue = "true", matchIfMissing = true)
class DemoAccessRules {

    private static final Logger log = LoggerFactory.getLogger(DemoAccessRules.class);

    private static final String DEMO_TICKET = "OPS-123";

    private final AtomicBoolean firstSync = new AtomicBoolean(true);
    private final AccessPolicy policy;
    private final DirectoryLookup directory;

    DemoAccessRules(AccessPolicy policy, DirectoryLookup directory) {
        this.policy = policy;
        this.directory = directory;
    }

    @ApplicationModuleListener
    void on(DirectorySynced event) {
        // Only the first successful sync since start: an admin who deleted every rule keeps none.
        if (event.run().status() != SyncStatus.SUCCEEDED || !firstSync.compareAndSet(true, false)) {
            return;
        }
        AsSystem.run(() -> {
            addUnlessAnyRuleExists();
            return null;
        });
    }

    private void addUnlessAnyRuleExists() {
        if (!policy.rules("", 0, 1).isEmpty()) {
            return;
        }
        Optional<GroupRow> engineering = group("engineering");
        Optional<GroupRow> payments = group("payments-team");
        Optional<GroupRow> approvers = group("production-approvers");
        Optional<PermissionSetRow> readOnly = set("ReadOnlyAccess");
        Optional<PermissionSetRow> developer = set("Developer");
        Optional<PermissionSetRow> admin = set("AdministratorAccess");
        Optional<PermissionSetRow> breakGlass = set("BreakGlass");
        if (engineering.isEmpty() || payments.isEmpty() || approvers.isEmpty() || readOnly.isEmpty()
                || developer.isEmpty() || admin.isEmpty() || breakGlass.isEmpty()) {
            log.warn("The demo organization lacks the groups or permission sets of the demo rules; none added.");
            return;
        }
        policy.save(rule("Engineers read everything", engineering.get(), readOnly.get(), Duration.ofHours(8),
                Duration.ofHours(2), false, "", 0, ApproverType.NONE, null));
        policy.save(rule("Payments team develops with their manager's approval", payments.get(), developer.get(),
                Duration.ofHours(8), Duration.ofHours(4), true, "", 1, ApproverType.MANAGER, null));
        policy.save(rule("Admin access needs MFA, a production approver and a ticket", engineering.get(),
                admin.get(), Duration.ofHours(2), Duration.ofHours(1), true, "[A-Z]+-[0-9]+", 1, ApproverType.GROUP,
                approvers.get(), false, true));
        policy.save(rule("Break-glass for engineers after MFA, their manager is told", engineering.get(),
                breakGlass.get(), Duration.ofHours(1), Duration.ofHours(1), true, "", 0, ApproverType.MANAGER, null,
                true, true));
        log.info("Demo mode: added four access rules for the demo personas.");
    }

    private AccessRule rule(String name, GroupRow requesters, PermissionSetRow set, Duration max, Duration usual,
                            boolean justification, String ticket, int approvals, ApproverType approverType,
                            GroupRow approverGroup) {
        return rule(name, requesters, set, max, usual, justification, ticket, approvals, approverType, approverGroup,
                false, false);
    }

    private AccessRule rule(String name, GroupRow requesters, PermissionSetRow set, Duration max, Duration usual,
                            boolean justification, String ticket, int approvals, ApproverType approverType,
                            GroupRow approverGroup, boolean emergency, boolean mfa) {
        // The service names requesters, scope, set and approvers, and stamps when and by whom.
        return new AccessRule(null, name, RequesterType.GROUP, requesters.id(), "", ScopeType.ORGANIZATION, "", "",
                set.arn(), "", max, usual, justification, ticket, ticket.isEmpty() ? "" : DEMO_TICKET, !emergency,
                approvals, approverType, approverGroup == null ? "" : approverGroup.id(), "", emergency, false, mfa,
                mfa && !emergency, Duration.ofDays(1), null, "");
    }

    private Optional<GroupRow> group(String name) {
        return directory.findGroups(name, 20).stream().filter(g -> g.displayName().equals(name)).findFirst();
    }

    private Optional<PermissionSetRow> set(String name) {
        List<PermissionSetRow> sets = directory.permissionSets();
        return sets.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
