package dev.gatehouse.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A campaign as screens and other modules see it. @param population empty until the launch is done */
public record ReviewCampaign(long id, String name, String description, CampaignStatus status, CampaignScope scope,
                             List<ReviewerStage> stages, String fallbackReviewerId, Instant dueAt,
                             DueDatePolicy dueDatePolicy, String createdBy, Instant createdAt,
                             Optional<Population> population) {

    public ReviewCampaign {
        stages = List.copyOf(stages);
    }
}
