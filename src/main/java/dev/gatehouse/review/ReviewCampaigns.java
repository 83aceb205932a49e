package dev.gatehouse.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.review.internal.CampaignRepository;
import dev.gatehouse.review.internal.CampaignCloser;
import dev.gatehouse.review.internal.CampaignReminders;
import dev.gatehouse.review.internal.ItemRepository;
import dev.gatehouse.review.internal.ReviewProperties;
import dev.gatehouse.review.internal.Revocations;
import dev.gatehouse.review.internal.ReviewWork;
import dev.gatehouse.review.internal.SeriesRepository;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.TimeText;

/**
 * Access review campaigns: admins define and launch them (not on a stale directory sync, unless they
 * override), and after launch extend the due date, close early, cancel, reassign items and confirm or
 * keep what the due-date policy held back; admins and auditors read them, their items, progress and
 * what closing now would do. A recurring campaign's launch starts its series, whose later occurrences the
 * review-recurrence check creates and launches until an admin stops recurring. A launch snapshots the items in the background (the review-launch task); a
 * close applies the due-date policy in the background (review-close).
 */
@Service
@Transactional(readOnly = true)
@AdminOrAuditor
public class ReviewCampaigns {

    static final int NAME_LENGTH = 120;
    static final int DESCRIPTION_LENGTH = 2_000;
    static final int ADMIN_STEPS_SHOWN = 500;

    private final CampaignRepository campaigns;
    private final ItemRepository items;
    private final DirectoryLookup directory;
    private final ReviewWork work;
    private final CampaignCloser closer;
    private final Revocations revocations;
    private final CampaignReminders reminders;
    private final SeriesRepository series;
    private final ReviewProperties settings;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewCampaigns(CampaignRepository campaigns, ItemRepository items, DirectoryLookup directory, ReviewWork work,
                    CampaignCloser closer, Revocations revocations, CampaignReminders reminders,
                    SeriesRepository series, ReviewProperties settings,
                    CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.items = items;
        this.directory = directory;
        this.work = work;
        this.closer = closer;
        this.revocations = revocations;
        this.reminders = reminders;
        this.series = series;
        this.settings = settings;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Checks the draft against the directory and stores it as a DRAFT campaign. */
    @Transactional
    @AdminOnly
    public ReviewCampaign create(CampaignDraft draft) {
        check(draft);
        String by = currentUser.require().displayName();
        String byId = directory.userBySignIn(currentUser.require().directoryUserName()).map(UserRow::id).orElse("");
        long id = campaigns.insert(draft, by, byId, clock.instant());
        return campaigns.find(id).orElseThrow();
    }

    /** DRAFT → LAUNCHING, refused while the directory's last successful sync is too old. */
    @Transactional
    @AdminOnly
    public ReviewCampaign launch(long campaignId) {
        return launch(campaignId, false);
    }

    /**
     * DRAFT → LAUNCHING, and the launch task runs as soon as this commits. Refused when the directory's last
     * successful sync is older than {@code gatehouse.reviews.max-sync-age} or none succeeded, since the items
     * would not be what Identity Center holds, unless {@code override} (audited).
     */
    @Transactional
    @AdminOnly
    public ReviewCampaign launch(long campaignId, boolean override) {
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
        Instant now = clock.instant();
        checkRecurrence(campaign.recurrence(), campaign.timing().closesAt(campaign.dueAt()), now);
        String by = currentUser.require().displayName();
        Optional<String> stale = staleSync();
        if (stale.isPresent() && !override) {
            throw new ReviewProblem("sync", stale.get());
        }
        if (campaign.recurrence().recurs() && series.seriesOf(campaignId).isEmpty()) {
            series.begin(campaignId, campaign.name(), campaign.recurrence(), now, campaign.dueAt());
        }
        stale.ifPresent(refusal -> events.publishEvent(new ReviewLaunchedDespiteStaleSync(campaignId, campaign.name(),
                refusal, by, clock.instant())));
        campaigns.launching(campaignId, by);
        work.launchNow(campaignId);
        return campaigns.find(campaignId).orElseThrow();
    }

    /** Why a launch now would snapshot stale items, or empty when the last successful sync is recent enough. */
    public Optional<String> staleSync() {
        Optional<Instant> last = directory.lastSuccessfulSync();
        if (last.isEmpty()) {
            return Optional.of("No directory sync has succeeded yet, so the items would not be what Identity Center "
                    + "holds: run a sync first, or launch anyway.");
        }
        Duration age = Duration.between(last.get(), clock.instant());
        if (age.compareTo(settings.maxSyncAge()) <= 0) {
            return Optional.empty();
        }
        return Optional.of("The last successful directory sync finished " + DurationText.of(age)
                + " ago, longer than the " + DurationText.of(settings.maxSyncAge())
                + " a launch allows: run a sync first, or launch anyway.");
    }

    /** Moves the due date of a DRAFT or ACTIVE campaign later; it must stay in the future. */
    @Transactional
    @AdminOnly
    public ReviewCampaign extendDueDate(long campaignId, Instant dueAt) {
        ReviewCampaign campaign = locked(campaignId);
        if (campaign.status() != CampaignStatus.DRAFT && campaign.status() != CampaignStatus.ACTIVE) {
            throw new ReviewProblem("The campaign is " + label(campaign.status()) + ", so its due date no longer moves.");
        }
        if (dueAt == null || !dueAt.isAfter(campaign.dueAt())) {
            throw new ReviewProblem("dueAt", "Choose a date after the current due date, " + TimeText.of(campaign.dueAt())
                    + ".");
        }
        if (!dueAt.isAfter(clock.instant())) {
            throw new ReviewProblem("dueAt", "The due date must be in the future.");
        }
        Optional<Instant> nextStart = series.place(campaignId).flatMap(CampaignSeries::nextStartsAt);
        if (nextStart.isPresent() && campaign.timing().closesAt(dueAt).isAfter(nextStart.get())) {
            throw new ReviewProblem("dueAt", "The next occurrence starts " + TimeText.of(nextStart.get())
                    + ": this one must close before then, or stop recurring first.");
        }
        if (campaign.status() == CampaignStatus.DRAFT) {
            checkRecurrence(campaign.recurrence(), campaign.timing().closesAt(dueAt), clock.instant());
        }
        campaigns.dueAt(campaignId, dueAt);
        events.publishEvent(new ReviewCampaignDueDateExtended(campaignId, campaign.name(), campaign.dueAt(), dueAt,
                currentUser.require().displayName(), clock.instant()));
        return campaigns.find(campaignId).orElseThrow();
    }

    /** Where a recurring campaign stands in its series (previous and next occurrence); empty for one that runs once. */
    public Optional<CampaignSeries> series(long campaignId) {
        campaign(campaignId);
        return series.place(campaignId);
    }

    /**
     * Stops the campaign's series from creating further occurrences; the occurrences already running go on
     * to their due dates. Audited.
     */
    @Transactional
    @AdminOnly
    public CampaignSeries stopRecurring(long campaignId) {
        ReviewCampaign campaign = locked(campaignId);
        long seriesId = series.seriesOf(campaignId).orElseThrow(() -> new ReviewProblem("recurrence",
                campaign.recurrence().recurs() ? "The campaign recurs once it is launched; until then, change nothing "
                        + "or cancel the draft." : "The campaign runs once, so there is no recurrence to stop."));
        series.lock(seriesId);
        String by = currentUser.require().displayName();
        if (!series.stop(seriesId, by, clock.instant())) {
            throw new ReviewProblem("recurrence", "Recurring was stopped already.");
        }
        events.publishEvent(new ReviewRecurrenceStopped(seriesId, campaignId, campaign.name(), campaign.recurrence(),
                by, clock.instant()));
        return series.place(campaignId).orElseThrow();
    }

    /** What closing now would do to the undecided items, shown before an early close and while ACTIVE. */
    public ClosePreview closePreview(long campaignId) {
        return closer.preview(campaign(campaignId));
    }

    /** ACTIVE → CLOSED now; the undecided items follow the due-date policy as at the due date. */
    @Transactional
    @AdminOnly
    public ReviewCampaign closeEarly(long campaignId) {
        ReviewCampaign campaign = campaign(campaignId);
        if (!closer.close(campaignId, true, currentUser.require().displayName())) {
            throw new ReviewProblem("Only an active campaign can be closed; this one is " + label(campaign.status()) + ".");
        }
        return campaigns.find(campaignId).orElseThrow();
    }

    /** DRAFT or ACTIVE → CANCELLED: undecided items stay as they are, decisions already applied stay applied. */
    @Transactional
    @AdminOnly
    public ReviewCampaign cancel(long campaignId) {
        ReviewCampaign campaign = locked(campaignId);
        if (campaign.status() != CampaignStatus.DRAFT && campaign.status() != CampaignStatus.ACTIVE) {
            throw new ReviewProblem("Only a draft or active campaign can be cancelled; this one is "
                    + label(campaign.status()) + ".");
        }
        String by = currentUser.require().displayName();
        campaigns.end(campaignId, CampaignStatus.CANCELLED, by, clock.instant());
        events.publishEvent(new ReviewCampaignCancelled(campaignId, campaign.name(), campaign.status(), by,
                clock.instant()));
        return campaigns.find(campaignId).orElseThrow();
    }

    /** Gives a pending item of an active campaign another reviewer: a person, never the person under review. */
    @Transactional
    @AdminOnly
    public ReviewItemRow reassign(long itemId, String reviewerUserId) {
        ReviewItemRow item = items.lock(itemId).orElseThrow(() -> new ReviewProblem("No such review item."));
        ReviewCampaign campaign = campaigns.find(item.campaignId()).orElseThrow();
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw new ReviewProblem("The campaign is " + label(campaign.status()) + ": its items are not reassigned now.");
        }
        if (item.status() != ItemStatus.PENDING) {
            throw new ReviewProblem("The item is decided already, so it needs no other reviewer.");
        }
        UserRow reviewer = anotherReviewer(directory, reviewerUserId, item, "reviewer");
        String by = currentUser.require().displayName();
        items.reassign(itemId, new Reviewer(Reviewer.Type.USER, reviewer.id(), reviewer.displayName(),
                "Reassigned by " + by), clock.instant());
        events.publishEvent(new ReviewItemReassigned(campaign.id(), campaign.name(), itemId, item.person(),
                item.access(), item.reviewer().name(), reviewer.displayName(), by, "", clock.instant()));
        return items.find(itemId).orElseThrow();
    }

    /**
     * Sends today's digest now to every reviewer of an active campaign with undecided items who has not had
     * it today (still at most one per reviewer per day), whatever the schedule and its switches; audited.
     */
    @Transactional
    @AdminOnly
    public Reminded remindNow(long campaignId) {
        ReviewCampaign campaign = locked(campaignId);
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw new ReviewProblem("Only an active campaign's reviewers are reminded; this one is "
                    + label(campaign.status()) + ".");
        }
        return reminders.remindNow(campaign, currentUser.require().displayName());
    }

    /**
     * The person an item is handed to, by an admin or by its reviewer: in the directory, enabled, and never the
     * person under review.
     *
     * @throws ReviewProblem on the field named
     */
    static UserRow anotherReviewer(DirectoryLookup directory, String userId, ReviewItemRow item, String field) {
        UserRow reviewer = directory.user(userId == null ? "" : userId)
                .orElseThrow(() -> new ReviewProblem(field, "Choose a person in the directory."));
        if (reviewer.id().equals(item.person().userId())) {
            throw new ReviewProblem(field, "Nobody reviews their own access: choose someone other than "
                    + reviewer.displayName() + ".");
        }
        if (!reviewer.enabled()) {
            throw new ReviewProblem(field, reviewer.displayName() + " is disabled in the Identity Store.");
        }
        return reviewer;
    }

    /** Counts overall and per reviewer: pending, decided, applying, removed, failed, waiting for the IdP. */
    public CampaignProgress progress(long campaignId) {
        return CampaignProgress.of(items.progress(campaignId));
    }

    /** Revokes waiting for an admin's step (an access rule to change), oldest first, at most 500. */
    @AdminOrAuditor
    public List<ReviewItemRow> adminSteps(long campaignId) {
        return items.withStatus(campaignId, ItemStatus.WAITING_FOR_ADMIN, ADMIN_STEPS_SHOWN);
    }

    /** Items the due-date policy held back from a revoke, as the last admin-level access of their account. */
    public List<ReviewItemRow> needingConfirmation(long campaignId) {
        return items.flagged(campaignId, ItemFlag.NEEDS_CONFIRMATION);
    }

    /** An admin confirms the policy's revoke of an item it held back: applied as a reviewer's revoke. */
    @Transactional
    @AdminOnly
    public ReviewItemRow confirmRevoke(long itemId) {
        ReviewItemRow item = held(itemId);
        String by = currentUser.require().displayName();
        String why = "Undecided at the due date; revoke confirmed by " + by + " (last admin-level access)";
        revocations.revoke(item, Decision.REVOKE, why, by, clock.instant());
        items.flag(itemId, Optional.empty(), clock.instant());
        publishDecided(item, Decision.REVOKE, why, by);
        return items.find(itemId).orElseThrow();
    }

    /** An admin keeps an item the policy held back. */
    @Transactional
    @AdminOnly
    public ReviewItemRow keepHeld(long itemId) {
        ReviewItemRow item = held(itemId);
        String by = currentUser.require().displayName();
        String why = "Undecided at the due date; kept by " + by + " as the last admin-level access of its account";
        items.decide(itemId, item.stage(), Decision.KEEP, why, by, ItemStatus.DECIDED, clock.instant());
        items.flag(itemId, Optional.empty(), clock.instant());
        publishDecided(item, Decision.KEEP, why, by);
        return items.find(itemId).orElseThrow();
    }

    private ReviewItemRow held(long itemId) {
        ReviewItemRow item = items.lock(itemId).orElseThrow(() -> new ReviewProblem("No such review item."));
        if (item.status() != ItemStatus.PENDING || item.flag().orElse(null) != ItemFlag.NEEDS_CONFIRMATION) {
            throw new ReviewProblem("This item is not waiting for a confirmation.");
        }
        return item;
    }

    private void publishDecided(ReviewItemRow item, Decision decision, String why, String by) {
        events.publishEvent(new ReviewItemDecided(item.campaignId(), item.campaignName(), item.id(), item.stage(), 0,
                item.person(), item.access(), item.held(), item.groupName(), decision, why, by, clock.instant(),
                item.kind(), item.about()));
    }

    private ReviewCampaign locked(long campaignId) {
        campaigns.lockStatus(campaignId).orElseThrow(() -> new ReviewProblem("No such review campaign."));
        return campaigns.find(campaignId).orElseThrow();
    }

    private static String label(CampaignStatus status) {
        return status.name().toLowerCase().replace('_', ' ');
    }

    /** The campaign, or empty when there is none with this id. */
    public Optional<ReviewCampaign> find(long campaignId) {
        return campaigns.find(campaignId);
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

    /** The checks {@link #create} makes, for a template's settings too. */
    void check(CampaignDraft draft) {
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
        if (draft.kinds().isEmpty()) {
            throw new ReviewProblem("kinds", "Choose what the campaign reviews: standing access, access-rule "
                    + "eligibility, group memberships or break-glass activations.");
        }
        checkTiming(draft.timing());
        checkRecurrence(draft.recurrence(), draft.timing().closesAt(draft.dueAt()), clock.instant());
    }

    /** An occurrence closes before the next one starts, so two never run at once. */
    private static void checkRecurrence(Recurrence recurrence, Instant closesAt, Instant startsAt) {
        if (recurrence == null) {
            throw new ReviewProblem("recurrence", "Choose how often the campaign recurs, or once.");
        }
        if (recurrence.recurs() && closesAt.isAfter(recurrence.startOf(startsAt, 2))) {
            String period = switch (recurrence) {
                case MONTHLY -> "a month";
                case QUARTERLY -> "3 months";
                case HALF_YEARLY -> "6 months";
                default -> "a year";
            };
            throw new ReviewProblem("recurrence", "A " + recurrence.label().toLowerCase() + " campaign must close "
                    + "within " + period + " of its launch, before the next occurrence starts: choose an earlier "
                    + "due date, a shorter overdue period or a longer recurrence.");
        }
    }

    private static void checkTiming(ReviewTiming timing) {
        List<Integer> days = timing.remindDaysBefore();
        if (days.size() > ReviewTiming.MOST_REMINDERS) {
            throw new ReviewProblem("remindDaysBefore", "At most " + ReviewTiming.MOST_REMINDERS
                    + " reminders before the due date; this schedule has " + days.size() + ".");
        }
        for (Integer day : days) {
            if (day == null || day < 0 || day > ReviewTiming.LONGEST_SCHEDULE) {
                throw new ReviewProblem("remindDaysBefore", "Reminder days are whole numbers of days before the due "
                        + "date, from 0 (the due day) to " + ReviewTiming.LONGEST_SCHEDULE + "; " + day + " is not.");
            }
        }
        days.stream().filter(day -> days.indexOf(day) != days.lastIndexOf(day)).findFirst().ifPresent(day -> {
            throw new ReviewProblem("remindDaysBefore", "Each reminder day once: " + day + " appears twice.");
        });
        if (timing.overdueDays() < 0 || timing.overdueDays() > ReviewTiming.LONGEST_OVERDUE) {
            throw new ReviewProblem("overdueDays", "The overdue period is 0 (the policy applies at the due date) to "
                    + ReviewTiming.LONGEST_OVERDUE + " days.");
        }
        if (timing.escalateAfterDays() < 0 || timing.escalateAfterDays() > ReviewTiming.LONGEST_OVERDUE) {
            throw new ReviewProblem("escalateAfterDays", "Escalation is 0 (never) to " + ReviewTiming.LONGEST_OVERDUE
                    + " days after the due date.");
        }
        if (timing.overdueDays() > 0 && timing.escalateAfterDays() >= timing.overdueDays()) {
            throw new ReviewProblem("escalateAfterDays", "Escalation after " + timing.escalateAfterDays()
                    + " days would never happen: the due-date policy applies " + timing.overdueDays()
                    + (timing.overdueDays() == 1 ? " day" : " days") + " after the due date. Choose fewer days, "
                    + "or 0 for never.");
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
