package dev.gatehouse.directory.internal;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Which AWS tag names an account's or a permission set's owner (gatehouse.directory.owner-tag-key,
 * default {@code owner}). The key is matched ignoring case, since "Owner" and "owner" are both common
 * in real organizations; the value is kept as written.
 */
@Component
public class OwnerTagKey {

    private final String key;

    OwnerTagKey(DirectoryProperties settings) {
        this.key = settings.ownerTagKey();
    }

    public String key() {
        return key;
    }

    /** The owner tag's value, stripped; empty when there is no such tag. */
    String valueIn(Map<String, String> tags) {
        return tags.entrySet().stream().filter(tag -> tag.getKey().equalsIgnoreCase(key))
                .map(tag -> tag.getValue() == null ? "" : tag.getValue().strip()).findFirst().orElse("");
    }
}
