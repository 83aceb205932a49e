package dev.gatehouse.review;

import java.time.Instant;

/**
 * One run of a campaign's reminders: how many reviewers got today's digest, and how many had had it already.
 *
 * @param kind   REMINDER before the due date, OVERDUE after it
 * @param sentBy Gatehouse for the scheduled check, the admin for "remind now"
 */
public record ReviewRemindersSent(long campaignId, String name, CampaignMessage kind, int reminded, int alreadyToday,
                                  int items, String sentBy, Instant at) {
}
