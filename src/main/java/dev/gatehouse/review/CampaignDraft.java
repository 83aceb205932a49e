package dev.gatehouse.review;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A campaign as an admin defines it, before launch.
 *
 * @param stages             reviewers in order; a keep passes the item to the next stage, a revoke at any stage is final
 * @param fallbackReviewerId the Identity Store user who decides when a stage has no reviewer who may: none found,
 *                           the reviewer is the person under review, or the reviewer is disabled or gone
 * @param timing             reminders, the overdue period, escalation and which messages go out
 * @param recurrence         once, or how often a new occurrence starts after the launch (same length from start
 *                           to due date)
 * @param kinds              what is reviewed: standing access, and any of access-rule eligibility, group
 *                           memberships and break-glass activations; at least one
 */
public record CampaignDraft(String name, String description, CampaignScope scope, List<ReviewerStage> stages,
                            String fallbackReviewerId, Instant dueAt, DueDatePolicy dueDatePolicy,
                            ReviewTiming timing, Recurrence recurrence, Set<ItemKind> kinds) {

    /** Standing access only, once. */
    public CampaignDraft(String name, String description, CampaignScope scope, List<ReviewerStage> stages,
                         String fallbackReviewerId, Instant dueAt, DueDatePolicy dueDatePolicy, ReviewTiming timing) {
        this(name, description, scope, stages, fallbackReviewerId, dueAt, dueDatePolicy, timing, Recurrence.ONCE,
                Set.of(ItemKind.STANDING));
    }

    /** Standing access only. */
    public CampaignDraft(String name, String description, CampaignScope scope, List<ReviewerStage> stages,
                         String fallbackReviewerId, Instant dueAt, DueDatePolicy dueDatePolicy, ReviewTiming timing,
                         Recurrence recurrence) {
        this(name, description, scope, stages, fallbackReviewerId, dueAt, dueDatePolicy, timing, recurrence,
                Set.of(ItemKind.STANDING));
    }

    /** Once. */
    public CampaignDraft(String name, String description, CampaignScope scope, List<ReviewerStage> stages,
                         String fallbackReviewerId, Instant dueAt, DueDatePolicy dueDatePolicy, ReviewTiming timing,
                         Set<ItemKind> kinds) {
        this(name, description, scope, stages, fallbackReviewerId, dueAt, dueDatePolicy, timing, Recurrence.ONCE, kinds);
    }

    /** This draft reviewing these kinds. */
    public CampaignDraft reviewing(Set<ItemKind> reviewed) {
        return new CampaignDraft(name, description, scope, stages, fallbackReviewerId, dueAt, dueDatePolicy, timing,
                recurrence, reviewed);
    }

    /** With the default timing ({@link ReviewTiming#defaults()}). */
    public CampaignDraft(String name, String description, CampaignScope scope, List<ReviewerStage> stages,
                         String fallbackReviewerId, Instant dueAt, DueDatePolicy dueDatePolicy) {
        this(name, description, scope, stages, fallbackReviewerId, dueAt, dueDatePolicy, ReviewTiming.defaults(),
                Recurrence.ONCE, Set.of(ItemKind.STANDING));
    }

    /** The same settings with another due date, for the next occurrence or a template's new campaign. */
    public CampaignDraft named(String otherName, Instant otherDueAt) {
        return new CampaignDraft(otherName, description, scope, stages, fallbackReviewerId, otherDueAt, dueDatePolicy,
                timing, recurrence, kinds);
    }

    public CampaignDraft {
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        stages = stages == null ? List.of() : List.copyOf(stages);
        fallbackReviewerId = fallbackReviewerId == null ? "" : fallbackReviewerId.strip();
        timing = timing == null ? ReviewTiming.defaults() : timing;
        recurrence = recurrence == null ? Recurrence.ONCE : recurrence;
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }
}
