package dev.gatehouse.permissionset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.permissionset.internal.ChangeRepository;
import dev.gatehouse.permissionset.internal.PermissionSetProperties;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.shared.DueTasks;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.IsoDuration;

/**
 * The session-duration policy: an AWS role session outlives the assignment that opened it, up to the
 * permission set's session duration, so a short grant on a permission set with long sessions is really
 * a long grant. This shows each permission set's session beside the grants the rules allow, warns
 * where sessions outlast them or the organization's maximum, and lets admins change the duration.
 */
@Service
@AdminOrAuditor
public class SessionDurations {

    static final Duration SHORTEST = Duration.ofHours(1);
    static final Duration LONGEST = Duration.ofHours(12);
    private static final int ALL_RULES = 10_000;

    private final DirectoryLookup directory;
    private final AccessPolicy policy;
    private final ChangeRepository changes;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> sessionDurationChange;
    private final DueTasks dueTasks;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration organizationMaximum;

    SessionDurations(DirectoryLookup directory, AccessPolicy policy, ChangeRepository changes,
                     SchedulerClient scheduler, OneTimeTask<Void> sessionDurationChange, DueTasks dueTasks,
                     CurrentUser currentUser, ApplicationEventPublisher events, Clock clock,
                     PermissionSetProperties settings) {
        this.directory = directory;
        this.policy = policy;
        this.changes = changes;
        this.scheduler = scheduler;
        this.sessionDurationChange = sessionDurationChange;
        this.dueTasks = dueTasks;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.organizationMaximum = settings.maxSessionDuration();
    }

    /** The longest session the organization wants, as configured. */
    public Duration organizationMaximum() {
        return organizationMaximum;
    }

    /** Every permission set in the directory by name, those with warnings first. */
    @Transactional(readOnly = true)
    public List<SessionDurationRow> overview() {
        List<AccessRule> rules = policy.rules("", 0, ALL_RULES);
        List<SessionDurationRow> rows = new ArrayList<>();
        for (PermissionSetRow set : directory.permissionSets()) {
            List<AccessRule> mine = rules.stream().filter(r -> r.permissionSetArn().equals(set.arn())).toList();
            // For the comparisons only; a duration not known has a warning of its own.
            Duration session = set.sessionDuration().orElse(SHORTEST);
            Optional<Duration> longest = mine.stream().map(AccessRule::maxDuration).max(Comparator.naturalOrder());
            // A rule that counts the session in its longest access has no gap to warn of.
            Optional<AccessRule> shortest = mine.stream().filter(rule -> !rule.sessionCapped())
                    .min(Comparator.comparing(AccessRule::defaultDuration));
            List<String> warnings = new ArrayList<>();
            if (set.sessionDuration().isEmpty()) {
                warnings.add("AWS's session duration is not known here; the next directory sync reads it again.");
            }
            shortest.filter(rule -> session.compareTo(rule.defaultDuration()) > 0).ifPresent(rule -> warnings.add(
                    "A session lasts up to " + DurationText.of(session) + ", longer than the "
                            + DurationText.of(rule.defaultDuration()) + " a grant under \"" + rule.name()
                            + "\" usually lasts: revoked or expired access can stay open that long."));
            if (session.compareTo(organizationMaximum) > 0) {
                warnings.add("Longer than the organization's maximum of " + DurationText.of(organizationMaximum)
                        + ".");
            }
            rows.add(new SessionDurationRow(set.arn(), set.name(), session, longest,
                    shortest.map(AccessRule::defaultDuration), warnings, set.accounts()));
        }
        rows.sort(Comparator.comparing((SessionDurationRow r) -> r.warnings().isEmpty())
                .thenComparing(SessionDurationRow::name));
        return rows;
    }

    /** When the last change finished, so a screen knows when to read the durations again. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastFinished() {
        return changes.lastFinished();
    }

    /** Changes, newest first, with how applying each went. */
    @Transactional(readOnly = true)
    public List<SessionChange> changes(int offset, int limit) {
        return changes.recent(offset, limit);
    }

    /**
     * Sets the permission set's session duration in Identity Center, in the background: the change
     * shows under {@link #changes} as it is applied.
     *
     * @param sessionDuration ISO-8601, whole hours or minutes, from PT1H to PT12H
     * @throws SessionDurationProblem when the duration is invalid, unchanged, or a change is still running
     */
    @Transactional
    @AdminOnly
    public SessionChange change(String permissionSetArn, String sessionDuration) {
        PermissionSetRow set = directory.permissionSet(permissionSetArn == null ? "" : permissionSetArn)
                .orElseThrow(() -> new SessionDurationProblem("This permission set no longer exists."));
        Duration wanted = IsoDuration.parse(sessionDuration)
                .filter(d -> d.compareTo(SHORTEST) >= 0 && d.compareTo(LONGEST) <= 0)
                .orElseThrow(() -> new SessionDurationProblem("Give an ISO-8601 duration from PT1H to PT12H, "
                        + "such as PT2H or PT1H30M."));
        if (set.sessionDuration().filter(wanted::equals).isPresent()) {
            throw new SessionDurationProblem(set.name() + " already has sessions of " + DurationText.of(wanted)
                    + ".");
        }
        changes.inFlight(set.arn()).ifPresent(running -> {
            throw new SessionDurationProblem("A change of " + set.name() + " to "
                    + DurationText.of(running.after()) + " is still being applied.");
        });
        String by = currentUser.require().displayName();
        long id = changes.insert(set.arn(), set.name(), set.sessionDuration(), wanted, by,
                clock.instant());
        scheduler.schedule(sessionDurationChange.instance(String.valueOf(id)), clock.instant());
        dueTasks.runAfterCommit();
        events.publishEvent(new SessionDurationChanged(id, set.name(), set.sessionDuration(), wanted,
                SessionChangeStatus.UPDATING, by, "Requested", "", clock.instant()));
        return changes.find(id).orElseThrow();
    }
}
