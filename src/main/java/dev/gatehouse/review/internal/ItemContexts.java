package dev.gatehouse.review.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.access.JustInTimeUse;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.Eligibility;
import dev.gatehouse.review.ItemContext;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.ItemContext.PersonNow;
import dev.gatehouse.review.ItemContext.Presence;
import dev.gatehouse.review.MyReviewItem;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.TimeText;

/**
 * What a reviewer weighs beside each item of a page: the person now, the permission set's policies and
 * whether they are admin-level, the last just-in-time use, the access rule that covers it, and a
 * recommendation. A page's worth in a few queries (people, permission sets, grants, rules), never one per item.
 */
@Component
public class ItemContexts {

    private final DirectoryLookup directory;
    private final JustInTimeUse justInTime;
    private final AccessPolicy policy;
    private final ReviewProperties settings;
    private final Clock clock;

    ItemContexts(DirectoryLookup directory, JustInTimeUse justInTime, AccessPolicy policy, ReviewProperties settings,
                 Clock clock) {
        this.directory = directory;
        this.justInTime = justInTime;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    public List<MyReviewItem> of(List<ReviewItemRow> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        Map<String, UserRow> people = directory.users(items.stream().map(i -> i.person().userId()).collect(Collectors.toSet()));
        Map<String, PermissionSetRow> sets = directory.permissionSets(items.stream()
                .map(i -> i.access().permissionSetArn()).collect(Collectors.toSet()));
        Map<ReviewItemRow, AssignmentKey> keys = new HashMap<>();
        for (ReviewItemRow item : items) {
            key(item).ifPresent(key -> keys.put(item, key));
        }
        Map<AssignmentKey, Instant> used = justInTime.lastActivated(keys.values());
        Map<AccessPolicy.Subject, Eligibility> rules = policy.evaluateAll(items.stream().map(ItemContexts::subject).toList());
        Instant windowStart = clock.instant().minus(settings.recommendationWindow());
        return items.stream().map(item -> {
            PersonNow person = Optional.ofNullable(people.get(item.person().userId()))
                    .map(user -> new PersonNow(user.enabled() ? Presence.ENABLED : Presence.DISABLED, user.managerName()))
                    .orElse(new PersonNow(Presence.GONE, ""));
            Optional<PermissionSetRow> set = Optional.ofNullable(sets.get(item.access().permissionSetArn()));
            Optional<String> adminLevel = AdminLevelAccess.reason(item.access().permissionSetName(), set);
            Optional<Instant> lastUse = Optional.ofNullable(keys.get(item)).map(used::get);
            Optional<String> rule = Optional.ofNullable(rules.get(subject(item))).filter(Eligibility::allowed)
                    .flatMap(Eligibility::rule).map(AccessRule::name);
            String summary = set.map(PermissionSetRow::policySummary).orElse(item.access().permissionSetArn().isEmpty()
                    ? "" : "Not in the directory since the last sync");
            return new MyReviewItem(item, new ItemContext(person, summary, adminLevel, lastUse, rule,
                    recommendation(item, person, adminLevel, lastUse, rule, windowStart)));
        }).toList();
    }

    /** The permission sets whose policies make them admin-level: what the risk filter adds to the names. */
    public Set<String> adminLevelArns() {
        return AdminLevelAccess.arns(directory.permissionSets());
    }

    private String recommendation(ReviewItemRow item, PersonNow person, Optional<String> adminLevel,
                                  Optional<Instant> lastUse, Optional<String> rule, Instant windowStart) {
        if (person.presence() != Presence.ENABLED) {
            return (person.presence() == Presence.GONE ? "Gone from" : "Disabled in") + " the Identity Store: revoke";
        }
        if (item.kind() != ItemKind.STANDING) {
            return item.kind().decisions();
        }
        boolean unused = lastUse.map(at -> at.isBefore(windowStart)).orElse(true);
        if (rule.isPresent() && unused) {
            return "No just-in-time use in " + window() + " and an access rule covers it: convert to just-in-time";
        }
        if (adminLevel.isPresent()) {
            return "Admin-level access: keep only with a reason";
        }
        if (rule.isPresent()) {
            return "An access rule covers it and it was used just in time on " + TimeText.of(lastUse.orElseThrow())
                    + ": convert to just-in-time unless it must stay standing";
        }
        return "";
    }

    /** "90 days", "1 day", or the duration as screens write it when it is not whole days. */
    private String window() {
        Duration window = settings.recommendationWindow();
        long days = window.toDays();
        if (window.equals(Duration.ofDays(days))) {
            return days + (days == 1 ? " day" : " days");
        }
        return DurationText.of(window);
    }

    private static AccessPolicy.Subject subject(ReviewItemRow item) {
        return new AccessPolicy.Subject(item.person().userId(), item.access().accountId(),
                item.access().permissionSetArn());
    }

    /** Empty for ids the launch stored but no assignment can have (never from a sync). */
    private static Optional<AssignmentKey> key(ReviewItemRow item) {
        try {
            return Optional.of(AssignmentKey.user(item.access().accountId(), item.access().permissionSetArn(),
                    item.person().userId()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
