package dev.gatehouse.review;

import java.time.Instant;

/** The review-recurrence check created and launched a recurring campaign's next occurrence. */
public record ReviewOccurrenceCreated(long seriesId, int occurrence, long campaignId, String name,
                                      Recurrence recurrence, Instant startsAt, Instant dueAt, Instant at) {
}
