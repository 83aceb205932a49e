package dev.gatehouse.directory.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Directory settings, {@code gatehouse.directory.*} in application.yml or as GATEHOUSE_DIRECTORY_* variables.
 * {@code scheduled-sync: false} (tests) leaves the scheduled sync out altogether, as a bean condition.
 *
 * @param syncInterval  time between scheduled syncs
 * @param syncOnStartup whether a node that starts asks for a sync
 * @param readThreads   how many Identity Center reads one sync runs at a time
 * @param ownerTagKey   the AWS tag (on accounts and permission sets) whose value names the owner, matched
 *                      ignoring case
 */
@ConfigurationProperties("gatehouse.directory")
record DirectoryProperties(@DefaultValue("1h") Duration syncInterval,
                           @DefaultValue("true") boolean syncOnStartup,
                           @DefaultValue("8") int readThreads,
                           @DefaultValue("owner") String ownerTagKey) {

    DirectoryProperties {
        if (ownerTagKey == null || ownerTagKey.isBlank()) {
            throw new IllegalArgumentException("gatehouse.directory.owner-tag-key must name a tag key");
        }
        ownerTagKey = ownerTagKey.strip();
    }
}
