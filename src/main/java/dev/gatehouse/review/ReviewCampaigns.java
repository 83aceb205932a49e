package dev.gatehouse.review;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.review.internal.CampaignRepository;
import dev.gatehouse.review.internal.ItemRepository;
import dev.gatehouse.review.internal.ReviewWork;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.CurrentUser;

/**
 * Access review campaigns: admins define and launch them; admins and auditors read them and their
 * items. A launch snapshots the items in the background (the review-launch task).
 */
@Service
@Transactional(readOnly = true)
@AdminOrAuditor
public class ReviewCampaigns {

    static final int NAME_LENGTH = 120;
    static final int DESCRIPTION_LENGTH = 2_000;

    private final CampaignRepository campaigns;
    private final ItemRepository items;
    private final DirectoryLookup directory;
    private final ReviewWork work;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReviewCampaigns(CampaignRepository campaigns, ItemRepository items, DirectoryLookup directory, ReviewWork work,
                    CurrentUser currentUser, Clock clock) {
        this.campaigns = campaigns;
        this.items = items;
        this.directory = directory;
        this.work = work;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Checks the draft against the directory and stores it as a DRAFT campaign. */
    @Transactional
    @AdminOnly
    public ReviewCampaign create(CampaignDraft draft) {
        check(draft);
        long id = campaigns.insert(draft, currentUser.require().displayName(), clock.instant());
        return campaigns.find(id).orElseThrow();
    }

    /** DRAFT → LAUNCHING, and the launch task runs as soon as this commits. */
    @Transactional
    @AdminOnly
    public ReviewCampaign launch(long campaignId) {
        CampaignStatus status = campaigns.lockStatus(campaignId)
                .orElseThrow(() -> new ReviewProblem("No such review campaign."));
        if (status != CampaignStatus.DRAFT) {
            throw new ReviewProblem("Only a draft campaign can be launched; this one is " + status.name().toLowerCase()
                    .replace('_', ' ') + ".");
        }
        ReviewCampaign campaign = campaigns.find(campaignId).orElseThrow();
        if (!campaign.dueAt().isAfter(clock.instant())) {
            throw new ReviewProblem("dueAt", "The due date has passed: choose a later one before launching.");
        }
        campaigns.launching(campaignId, currentUser.require().displayName());
        work.launchNow(campaignId);
        return campaigns.find(campaignId).orElseThrow();
    }

    public ReviewCampaign campaign(long campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new ReviewProblem("No such review campaign."));
    }

    /** Newest first. */
    public List<ReviewCampaign> campaigns(int offset, int limit) {
        return campaigns.page(offset, limit);
    }

    public int campaignCount() {
        return campaigns.count();
    }

    /** Who has undecided items in the campaign, and how many, for the launch message and reminders. */
    public List<ReviewerLoad> reviewerLoads(long campaignId) {
        return items.pendingByReviewer(campaignId);
    }

    /** The campaign's items in the order the launch wrote them. */
    public List<ReviewItemRow> items(long campaignId, int offset, int limit) {
        return items.ofCampaign(campaignId, offset, limit);
    }

    private void check(CampaignDraft draft) {
        if (draft.name().isEmpty()) {
            throw new ReviewProblem("name", "Give the campaign a name.");
        }
        if (draft.name().length() > NAME_LENGTH) {
            throw new ReviewProblem("name", "The name is at most " + NAME_LENGTH + " characters; this one has "
                    + draft.name().length() + ".");
        }
        if (draft.description().length() > DESCRIPTION_LENGTH) {
            throw new ReviewProblem("description", "The description is at most " + DESCRIPTION_LENGTH + " characters.");
        }
        checkScope(draft.scope());
        checkStages(draft.stages());
        if (draft.fallbackReviewerId().isEmpty()) {
            throw new ReviewProblem("fallbackReviewer",
                    "Choose a fallback reviewer: they decide whenever a stage has no reviewer who may.");
        }
        UserRow fallback = directory.user(draft.fallbackReviewerId()).orElseThrow(() -> new ReviewProblem(
                "fallbackReviewer", "The fallback reviewer is not in the directory."));
        if (!fallback.enabled()) {
            throw new ReviewProblem("fallbackReviewer", fallback.displayName()
                    + " is disabled in the Identity Store, so cannot be the fallback reviewer.");
        }
        if (draft.dueAt() == null) {
            throw new ReviewProblem("dueAt", "Choose a due date.");
        }
        if (!draft.dueAt().isAfter(clock.instant())) {
            throw new ReviewProblem("dueAt", "The due date must be in the future.");
        }
        if (draft.dueDatePolicy() == null) {
            throw new ReviewProblem("dueDatePolicy", "Choose what happens to items nobody decided by the due date.");
        }
    }

    private void checkScope(CampaignScope scope) {
        if (scope == null) {
            throw new ReviewProblem("scope", "Choose what the campaign reviews.");
        }
        boolean accountsNamed = !scope.ouIds().isEmpty() || !scope.accountIds().isEmpty();
        if (scope.wholeOrganization() && accountsNamed) {
            throw new ReviewProblem("scope", "The whole organization includes every OU and account: choose one or the other.");
        }
        if (!scope.wholeOrganization() && !accountsNamed) {
            throw new ReviewProblem("scope", "Choose the whole organization, or at least one OU or account.");
        }
        known(scope.ouIds(), directory::organizationalUnit, "OU");
        known(scope.accountIds(), directory::account, "account");
        known(scope.permissionSetArns(), directory::permissionSet, "permission set");
        known(scope.userIds(), directory::user, "person");
        known(scope.groupIds(), directory::group, "group");
        known(scope.excludedPermissionSetArns(), directory::permissionSet, "permission set");
        known(scope.excludedGroupIds(), directory::group, "group");
    }

    private static void known(Set<String> ids, Function<String, Optional<?>> find, String what) {
        ids.stream().filter(id -> find.apply(id).isEmpty()).sorted().findFirst().ifPresent(id -> {
            throw new ReviewProblem("scope", "There is no " + what + " " + id + " in the directory.");
        });
    }

    private void checkStages(List<ReviewerStage> stages) {
        if (stages.isEmpty()) {
            throw new ReviewProblem("stages", "Add at least one stage of reviewers.");
        }
        for (int i = 0; i < stages.size(); i++) {
            ReviewerStage stage = stages.get(i);
            String which = "Stage " + (i + 1);
            if (stage.kind().named() && stage.principalId().isEmpty()) {
                throw new ReviewProblem("stages", which + " is " + stage.kind().label() + " but names nobody.");
            }
            if (!stage.kind().named() && !stage.principalId().isEmpty()) {
                throw new ReviewProblem("stages", which + " is " + stage.kind().label() + ", which names nobody itself.");
            }
            if (stage.kind() == ReviewerKind.NAMED_PERSON) {
                UserRow person = directory.user(stage.principalId()).orElseThrow(() -> new ReviewProblem("stages",
                        which + "'s reviewer is not in the directory."));
                if (!person.enabled()) {
                    throw new ReviewProblem("stages", which + "'s reviewer, " + person.displayName()
                            + ", is disabled in the Identity Store.");
                }
            }
            if (stage.kind() == ReviewerKind.NAMED_GROUP && directory.group(stage.principalId()).isEmpty()) {
                throw new ReviewProblem("stages", which + "'s reviewer group is not in the directory.");
            }
        }
    }
}
