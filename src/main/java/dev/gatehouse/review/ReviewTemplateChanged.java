package dev.gatehouse.review;

import java.time.Instant;

/**
 * An admin saved, renamed or deleted a campaign template.
 *
 * @param previousName the name before a rename, otherwise the same as {@code name}
 * @param fromCampaign the campaign a saved template copies, 0 when it was not saved from one
 */
public record ReviewTemplateChanged(long templateId, Change change, String name, String previousName,
                                    long fromCampaign, String by, Instant at) {

    public enum Change {
        SAVED, RENAMED, DELETED
    }
}
