package dev.gatehouse.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign as screens and other modules see it.
 *
 * @param population  empty until the launch is done
 * @param createdById the creator's Identity Store user id, who is told of the close; empty when none matched
 * @param recurrence  once, or how often it comes back ({@link ReviewCampaigns#series})
 * @param kinds       what the campaign reviews
 */
public record ReviewCampaign(long id, String name, String description, CampaignStatus status, CampaignScope scope,
                             List<ReviewerStage> stages, String fallbackReviewerId, Instant dueAt,
                             DueDatePolicy dueDatePolicy, String createdBy, Instant createdAt,
                             Optional<Population> population, ReviewTiming timing, String createdById,
                             Recurrence recurrence, Set<ItemKind> kinds) {

    /** When the due-date policy applies: the due date, plus the overdue period if any. */
    public Instant closesAt() {
        return timing.closesAt(dueAt);
    }

    /** Its settings as a draft: what the next occurrence and a template copy. */
    public CampaignDraft draft() {
        return new CampaignDraft(name, description, scope, stages, fallbackReviewerId, dueAt, dueDatePolicy, timing,
                recurrence, kinds);
    }

    public ReviewCampaign {
        stages = List.copyOf(stages);
        kinds = Set.copyOf(kinds);
    }
}
