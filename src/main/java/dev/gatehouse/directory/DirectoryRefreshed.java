package dev.gatehouse.directory;

import java.time.Instant;

/**
 * An admin had one account or one person read from Identity Center again, outside the full sync.
 *
 * @param subject "account 111122223333" or "person riley.chen"
 * @param outcome what the refresh found, as the admin was told
 */
public record DirectoryRefreshed(String actor, String subject, String outcome, Instant at) {
}
