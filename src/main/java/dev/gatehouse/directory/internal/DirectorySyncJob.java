package dev.gatehouse.directory.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import dev.gatehouse.aws.AccountAssignment;
import dev.gatehouse.aws.AwsAccount;
import dev.gatehouse.aws.GroupMembership;
import dev.gatehouse.aws.IdentityCenter;
import dev.gatehouse.directory.DirectorySynced;
import dev.gatehouse.directory.SyncCounts;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.shared.IsoDuration;

/**
 * One sync: reads everything from Identity Center into staging tables and replaces the mirror in one
 * transaction, recording the run (phase and counts while it runs, changes and API calls at the end).
 * A PostgreSQL advisory lock keeps it to one sync at a time across all nodes.
 */
@Component
public class DirectorySyncJob {

    private static final Logger log = LoggerFactory.getLogger(DirectorySyncJob.class);

    private final IdentityCenter identityCenter;
    private final MirrorRepository mirror;
    private final SyncRunRepository runs;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ParallelReads reads;
    private final OwnerTagKey ownerTags;

    DirectorySyncJob(IdentityCenter identityCenter, MirrorRepository mirror, SyncRunRepository runs,
                     PlatformTransactionManager transactions, MeterRegistry meters, ApplicationEventPublisher events,
                     Clock clock, DirectoryProperties settings, OwnerTagKey ownerTags) {
        this.identityCenter = identityCenter;
        this.ownerTags = ownerTags;
        this.mirror = mirror;
        this.runs = runs;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
        this.events = events;
        this.clock = clock;
        this.reads = new ParallelReads(settings.readThreads());
    }

    /**
     * Whether a sync runs on any node now. A run left RUNNING while nobody holds the sync lock belongs
     * to a node that stopped; it is marked failed on the way.
     */
    public boolean isRunning() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (mirror.tryLock()) {
                runs.failAbandoned(clock.instant());
                return false;
            }
            return true;
        }));
    }

    /** Runs a sync unless one is running already (on any node), in which case nothing is recorded. */
    public Optional<SyncRun> run(SyncTrigger trigger, String requestedBy) {
        if (isRunning()) {
            log.info("Directory sync ({}) skipped: another sync is running", trigger);
            return Optional.empty();
        }
        long id = ownTransaction.execute(status -> runs.start(trigger, requestedBy, clock.instant()));
        Map<String, Double> callsBefore = callCounts();
        Result result = replaceMirror(id);
        String calls = callsSince(callsBefore);
        return Optional.of(ownTransaction.execute(status -> {
            runs.finish(id, result.status(), result.changes(), calls, result.error(), clock.instant());
            SyncRun run = runs.find(id).orElseThrow();
            events.publishEvent(new DirectorySynced(run, String.join(", ", result.changes().byKind())));
            return run;
        }));
    }

    private record Result(SyncStatus status, MirrorRepository.Changes changes, String error) {
    }

    /** Reads everything and replaces the mirror in one transaction; a failure leaves the mirror as it was. */
    private Result replaceMirror(long runId) {
        Progress progress = new Progress(runId);
        try {
            MirrorRepository.Changes changes = transaction.execute(status -> {
                if (!mirror.tryLock()) {
                    throw new IllegalStateException("Another sync is running; this one was not started.");
                }
                mirror.createStaging();
                read(progress);
                progress.phase("Applying changes");
                return mirror.apply();
            });
            return new Result(SyncStatus.SUCCEEDED, changes, null);
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("Directory sync {} failed: {}", runId, error, e);
            return new Result(SyncStatus.FAILED, MirrorRepository.Changes.NONE, error);
        }
    }

    private void read(Progress progress) {
        Map<String, String> paths = new HashMap<>();
        Map<String, Integer> depths = new HashMap<>();
        List<String> accountIds = new ArrayList<>();
        progress.phase("Organization");
        try (StagingWriter units = mirror.writer(MirrorRepository.UNITS);
             StagingWriter accounts = mirror.writer(MirrorRepository.ACCOUNTS)) {
            identityCenter.organizations().walkOrganization(unit -> {
                String path = paths.getOrDefault(unit.parentId(), "Root") + " / " + unit.name();
                int depth = depths.getOrDefault(unit.parentId(), 0) + 1;
                paths.put(unit.id(), path);
                depths.put(unit.id(), depth);
                units.add(unit.id(), unit.parentId(), unit.name(), path, depth);
                progress.tick(() -> progress.units++);
            }, (AwsAccount account) -> {
                accounts.add(account.id(), account.parentId(), account.name(), account.email(), account.status(),
                        paths.getOrDefault(account.parentId(), "Root"), "");
                accountIds.add(account.id());
                progress.tick(() -> progress.accounts++);
            });
        }
        progress.phase("Users");
        try (StagingWriter users = mirror.writer(MirrorRepository.USERS)) {
            identityCenter.identityStore().users(user -> {
                users.add(user.id(), user.userName(), user.displayName(), user.email(), user.enabled(),
                        user.managerId());
                progress.tick(() -> progress.users++);
            });
        }
        progress.phase("Groups");
        List<String> groupIds = new ArrayList<>();
        try (StagingWriter groups = mirror.writer(MirrorRepository.GROUPS)) {
            identityCenter.identityStore().groups(group -> {
                groups.add(group.id(), group.displayName(), group.description() == null ? "" : group.description());
                groupIds.add(group.id());
                progress.tick(() -> progress.groups++);
            });
        }
        progress.phase("Group memberships");
        try (StagingWriter members = mirror.writer(MirrorRepository.MEMBERS)) {
            reads.forEach(groupIds, groupId -> {
                List<GroupMembership> found = new ArrayList<>();
                identityCenter.identityStore().memberships(groupId, found::add);
                return found;
            }, found -> found.forEach(membership -> {
                members.add(membership.groupId(), membership.userId());
                progress.tick(() -> progress.memberships++);
            }));
        }
        progress.phase("Permission sets");
        try (StagingWriter sets = mirror.writer(MirrorRepository.PERMISSION_SETS)) {
            List<String> arns = new ArrayList<>();
            identityCenter.permissionSets().permissionSetArns(arns::add);
            reads.forEach(arns, identityCenter.permissionSets()::permissionSet, set -> {
                // AWS's ISO-8601 text; one that is no duration is stored as not known (NULL), never guessed.
                Optional<Duration> session = IsoDuration.parse(set.sessionDuration());
                if (session.isEmpty()) {
                    log.warn("Permission set {} has session duration \"{}\", no ISO-8601 duration: stored as not known",
                            set.arn(), set.sessionDuration());
                }
                sets.add(set.arn(), set.name(), set.description(), session.map(Duration::toString).orElse(null),
                        set.relayState(), set.managedPolicyArns().toArray(String[]::new),
                        set.customerManagedPolicies().toArray(String[]::new), set.inlinePolicy(),
                        set.permissionsBoundary(), MirrorRepository.tags(set.tags()), ownerTags.valueIn(set.tags()));
                progress.tick(() -> progress.permissionSets++);
            });
        }
        progress.phase("Account assignments");
        Map<String, String> ownerTagByAccount = new HashMap<>();
        try (StagingWriter provisioned = mirror.writer(MirrorRepository.PROVISIONED);
             StagingWriter assignments = mirror.writer(MirrorRepository.ASSIGNMENTS)) {
            reads.forEach(accountIds, this::accountAccess, access -> {
                ownerTagByAccount.put(access.accountId(), access.ownerTag());
                access.provisioned().forEach(set -> provisioned.add(access.accountId(), set));
                access.assignments().forEach(assignment -> {
                    assignments.add(assignment.accountId(), assignment.permissionSetArn(),
                            assignment.principalType(), assignment.principalId());
                    progress.tick(() -> progress.assignments++);
                });
            });
        }
        mirror.stageAccountOwnerTagKey(ownerTagByAccount);
    }

    /**
     * What one account has provisioned, who holds it, and its owner tag. The tag is read here rather than
     * with the account, so its Organizations call runs beside the account's SSO Admin calls, paced apart.
     */
    private record AccountAccess(String accountId, List<String> provisioned, List<AccountAssignment> assignments,
                                 String ownerTag) {
    }

    private AccountAccess accountAccess(String accountId) {
        List<String> sets = new ArrayList<>();
        identityCenter.permissionSets().provisionedPermissionSets(accountId, sets::add);
        List<AccountAssignment> assignments = new ArrayList<>();
        for (String set : sets) {
            identityCenter.accountAssignments().assignments(accountId, set, assignments::add);
        }
        return new AccountAccess(accountId, sets, assignments,
                ownerTags.valueIn(identityCenter.organizations().accountTags(accountId)));
    }

    private Map<String, Double> callCounts() {
        Map<String, Double> counts = new TreeMap<>();
        meters.find("gatehouse.aws.calls").counters().forEach(counter ->
                counts.merge(counter.getId().getTag("operation"), counter.count(), Double::sum));
        return counts;
    }

    private String callsSince(Map<String, Double> before) {
        return callCounts().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), Math.round(e.getValue() - before.getOrDefault(e.getKey(), 0.0))))
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * Counts as the sync reads; written to the run row (in its own transaction) at each phase, every
     * {@link #EVERY} items and at least every second while items arrive, so the screen (on any node) can
     * follow a run that reads slowly under AWS's rate limits.
     */
    private final class Progress {
        private static final int EVERY = 500;
        private static final long AT_LEAST_EVERY_NANOS = 1_000_000_000L;

        private final long runId;
        private int units;
        private int accounts;
        private int users;
        private int groups;
        private int memberships;
        private int permissionSets;
        private int assignments;
        private int sinceWrite;
        private long lastWrite = System.nanoTime();
        private String phase = "";

        Progress(long runId) {
            this.runId = runId;
        }

        void phase(String phase) {
            this.phase = phase;
            write();
        }

        void tick(Runnable increment) {
            increment.run();
            if (++sinceWrite >= EVERY || System.nanoTime() - lastWrite >= AT_LEAST_EVERY_NANOS) {
                write();
            }
        }

        private void write() {
            sinceWrite = 0;
            lastWrite = System.nanoTime();
            SyncCounts counts = new SyncCounts(units, accounts, users, groups, memberships, permissionSets,
                    assignments);
            ownTransaction.executeWithoutResult(status -> runs.progress(runId, phase, counts));
        }
    }
}
