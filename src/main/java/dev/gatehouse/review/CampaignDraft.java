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
 * @param kinds              what is reviewed: standing access, and any of access-rule eligibility, group
 *                           memberships and break-glass activations; at least one
 */
public record CampaignDraft(String name, String description, CampaignScope scope, List<ReviewerStage> stages,
                            String fallbackReviewerId, Instant dueAt, DueDatePolicy dueDatePolicy,
                            ReviewTiming timing, Set<ItemKind> kinds) {

    /** Standing access only, as campaigns review unless told otherwise. */
    public CampaignDraft(String name, String description, CampaignScope scope, List<ReviewerStage> stages,
                         String fallbackReviewerId, Instant dueAt, DueDatePolicy dueDatePolicy, ReviewTiming timing) {
        this(name, description, scope, stages, fallbackReviewerId, dueAt, dueDatePolicy, timing,
                Set.of(ItemKind.STANDING));
    }

    /** This draft reviewing these kinds. */
    public CampaignDraft reviewing(Set<ItemKind> reviewed) {
        return new CampaignDraft(name, description, scope, stages, fallbackReviewerId, dueAt, dueDatePolicy, timing,
                reviewed);
    }

    /** With the default timing ({@link ReviewTiming#defaults()}). */
    public CampaignDraft(String name, String description, CampaignScope scope, List<ReviewerStage> stages,
                         String fallbackReviewerId, Instant dueAt, DueDatePolicy dueDatePolicy) {
        this(name, description, scope, stages, fallbackReviewerId, dueAt, dueDatePolicy, ReviewTiming.defaults(),
                Set.of(ItemKind.STANDING));
    }

    public CampaignDraft {
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        stages = stages == null ? List.of() : List.copyOf(stages);
        fallbackReviewerId = fallbackReviewerId == null ? "" : fallbackReviewerId.strip();
        timing = timing == null ? ReviewTiming.defaults() : timing;
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }
}
