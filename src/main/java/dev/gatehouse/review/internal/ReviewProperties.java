package dev.gatehouse.review.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Review settings, {@code gatehouse.reviews.*} in application.yml or as GATEHOUSE_REVIEWS_* variables.
 *
 * @param maxSyncAge            a launch is refused (unless the admin overrides) when the last successful
 *                              directory sync finished longer ago than this, since the items would be stale
 * @param dueDateCheckInterval  how often campaigns whose due date came are closed
 * @param reminderCheckInterval how often Gatehouse looks for the day's reminders and escalations; each reviewer
 *                              still gets at most one digest per campaign and UTC day
 * @param recommendationWindow  My reviews suggests converting standing access to just-in-time when an access
 *                              rule covers it and the person had no just-in-time grant of it for this long
 * @param recurrenceCheckInterval how often Gatehouse creates and launches recurring campaigns' next occurrences
 */
@ConfigurationProperties("gatehouse.reviews")
public record ReviewProperties(@DefaultValue("24h") Duration maxSyncAge,
                               @DefaultValue("1m") Duration dueDateCheckInterval,
                               @DefaultValue("15m") Duration reminderCheckInterval,
                               @DefaultValue("90d") Duration recommendationWindow,
                               @DefaultValue("5m") Duration recurrenceCheckInterval) {

    public ReviewProperties {
        if (maxSyncAge.isNegative() || maxSyncAge.isZero()) {
            throw new IllegalArgumentException("gatehouse.reviews.max-sync-age must be a positive duration");
        }
        if (reminderCheckInterval.isNegative() || reminderCheckInterval.isZero()) {
            throw new IllegalArgumentException("gatehouse.reviews.reminder-check-interval must be a positive duration");
        }
        if (recurrenceCheckInterval.isNegative() || recurrenceCheckInterval.isZero()) {
            throw new IllegalArgumentException("gatehouse.reviews.recurrence-check-interval must be a positive duration");
        }
        if (recommendationWindow.isNegative() || recommendationWindow.isZero()) {
            throw new IllegalArgumentException("gatehouse.reviews.recommendation-window must be a positive duration, "
                    + "such as 90d");
        }
    }
}
