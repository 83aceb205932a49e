package dev.gatehouse.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.Reminded;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewDigest;
import dev.gatehouse.review.ReviewItemEscalated;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewMessages;
import dev.gatehouse.review.ReviewRemindersSent;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.review.ReviewerLoad;
import dev.gatehouse.shared.DueItems;
import dev.gatehouse.shared.SystemActor;

/**
 * Reminders and escalation, decided from the clock in UTC days. Before the due date, reviewers with
 * undecided items get a reminder on the days of the campaign's schedule; once it is overdue, one every day
 * (if the campaign says so); on the escalation day, undecided items move to the fallback reviewer, who gets
 * one escalation digest. Each reviewer (a person, or a group whose members are told together) gets at most
 * one digest per campaign and day, whichever node or rerun tries: the digest is recorded first (its key is
 * the campaign, reviewer and day), and sent only by the insert that recorded it, in the same transaction as
 * the outbox rows. A reviewer with nothing undecided gets nothing.
 */
@Component
public class CampaignReminders {

    private static final Logger log = LoggerFactory.getLogger(CampaignReminders.class);

    private final CampaignRepository campaigns;
    private final ItemRepository items;
    private final DigestRepository digests;
    /** Looked up when first used: the outbox needs the scheduler, which needs the review tasks, which need this. */
    private final ObjectProvider<ReviewMessages> messages;
    private final DirectoryLookup directory;
    private final DueItems due;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignReminders(CampaignRepository campaigns, ItemRepository items, DigestRepository digests,
                      ObjectProvider<ReviewMessages> messages, DirectoryLookup directory, DueItems due,
                      ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.items = items;
        this.digests = digests;
        this.messages = messages;
        this.directory = directory;
        this.due = due;
        this.events = events;
        this.clock = clock;
    }

    /** The review-reminders task's step: each ACTIVE campaign in its own transaction. @return campaigns acted on */
    public int checkAll() {
        return due.each("review campaign reminders", campaigns.activeIds(), this::check).done();
    }

    /** Escalates what is due today, then sends today's reminders if the schedule has one. @return whether it acted */
    boolean check(long campaignId) {
        if (campaigns.lockStatus(campaignId).filter(s -> s == CampaignStatus.ACTIVE).isEmpty()) {
            return false;
        }
        ReviewCampaign campaign = campaigns.find(campaignId).orElseThrow();
        Instant now = clock.instant();
        int escalated = escalate(campaign, now);
        Optional<CampaignMessage> kind = scheduled(campaign, now);
        int reminded = kind.map(k -> remind(campaign, k, SystemActor.NAME, false, now).reminded()).orElse(0);
        return escalated > 0 || reminded > 0;
    }

    /** An admin's "remind now": today's digest to each reviewer not reminded yet today, whatever the schedule. */
    public Reminded remindNow(ReviewCampaign campaign, String by) {
        Instant now = clock.instant();
        CampaignMessage kind = now.isBefore(campaign.dueAt()) ? CampaignMessage.REMINDER : CampaignMessage.OVERDUE;
        return remind(campaign, kind, by, true, now);
    }

    /** What today's reminder is by the campaign's schedule and switches, if there is one today. */
    static Optional<CampaignMessage> scheduled(ReviewCampaign campaign, Instant now) {
        if (now.isBefore(campaign.dueAt())) {
            long daysLeft = ChronoUnit.DAYS.between(day(now), day(campaign.dueAt()));
            return campaign.timing().sends(CampaignMessage.REMINDER)
                    && campaign.timing().remindDaysBefore().contains((int) daysLeft)
                    ? Optional.of(CampaignMessage.REMINDER) : Optional.empty();
        }
        return campaign.timing().overdueDaily() && campaign.timing().sends(CampaignMessage.OVERDUE)
                ? Optional.of(CampaignMessage.OVERDUE) : Optional.empty();
    }

    private Reminded remind(ReviewCampaign campaign, CampaignMessage kind, String by, boolean audited, Instant now) {
        LocalDate today = day(now);
        int reminded = 0;
        int already = 0;
        int itemCount = 0;
        for (ReviewerLoad load : items.pendingByReviewer(campaign.id())) {
            if (digests.record(campaign.id(), load, today, kind, by, now)) {
                messages.getObject().send(digest(campaign, kind, load, today, 0, now));
                reminded++;
                itemCount += load.pendingItems();
            } else {
                already++;
            }
        }
        if (reminded > 0 || audited) {
            events.publishEvent(new ReviewRemindersSent(campaign.id(), campaign.name(), kind, reminded, already,
                    itemCount, by, now));
        }
        return new Reminded(reminded, already);
    }

    /**
     * From the escalation day on, the undecided items move to the fallback reviewer (each audited), who gets
     * one escalation digest; the fallback cannot take an item that is their own access, and a fallback who
     * has left takes nothing.
     *
     * @return items escalated now
     */
    private int escalate(ReviewCampaign campaign, Instant now) {
        LocalDate today = day(now);
        if (campaign.timing().escalationDay(campaign.dueAt()).filter(day -> !today.isBefore(day)).isEmpty()) {
            return 0;
        }
        Optional<UserRow> fallback = directory.user(campaign.fallbackReviewerId()).filter(UserRow::enabled);
        if (fallback.isEmpty()) {
            log.warn("Review campaign {} is overdue, but its fallback reviewer {} is not in the directory or is "
                    + "disabled: nothing escalated", campaign.id(), campaign.fallbackReviewerId());
            return 0;
        }
        UserRow to = fallback.get();
        int daysOverdue = (int) ChronoUnit.DAYS.between(day(campaign.dueAt()), today);
        List<ReviewItemRow> overdue = items.lockEscalatable(campaign.id(), to.id());
        for (ReviewItemRow item : overdue) {
            items.reassign(item.id(), new Reviewer(Reviewer.Type.USER, to.id(), to.displayName(), "Escalated "
                    + daysOverdue + (daysOverdue == 1 ? " day" : " days") + " overdue: " + item.reviewer().name()
                    + " had not decided"), now);
            events.publishEvent(new ReviewItemEscalated(campaign.id(), campaign.name(), item.id(), item.person(),
                    item.access(), item.reviewer().name(), to.displayName(), daysOverdue, now));
        }
        if (!overdue.isEmpty() && campaign.timing().sends(CampaignMessage.ESCALATION)) {
            items.pendingByReviewer(campaign.id()).stream()
                    .filter(load -> load.type() == Reviewer.Type.USER && load.id().equals(to.id())).findFirst()
                    .filter(load -> digests.record(campaign.id(), load, today, CampaignMessage.ESCALATION,
                            SystemActor.NAME, now))
                    .ifPresent(load -> messages.getObject().send(digest(campaign, CampaignMessage.ESCALATION, load, today,
                            overdue.size(), now)));
        }
        return overdue.size();
    }

    private static ReviewDigest digest(ReviewCampaign campaign, CampaignMessage kind, ReviewerLoad load,
                                       LocalDate today, int escalated, Instant now) {
        return new ReviewDigest(campaign.id(), campaign.name(), kind, load, today, campaign.dueAt(),
                campaign.closesAt(), campaign.dueDatePolicy(), escalated, now);
    }

    static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
