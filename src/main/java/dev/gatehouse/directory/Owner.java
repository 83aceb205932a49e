package dev.gatehouse.directory;

import java.time.Instant;
import java.util.Optional;

import dev.gatehouse.shared.TimeText;

/**
 * The person or Identity Store group who answers for an account or a permission set (reviews ask them).
 *
 * @param setBy who set it in Gatehouse; empty when it comes from the AWS tag
 * @param setAt when it was set in Gatehouse; empty when it comes from the AWS tag
 */
public record Owner(PrincipalType type, String id, String name, String setBy, Optional<Instant> setAt) {

    public boolean fromTag() {
        return setAt.isEmpty();
    }

    /** "Avery Patel (person)", "payments-team (group)". */
    public String label() {
        return name + (type == PrincipalType.USER ? " (person)" : " (group)");
    }

    /** Where the owner comes from: "set in Gatehouse by Morgan Reyes on …", or from the tag. */
    public String source(String tagKey, String tagValue) {
        return setAt.map(at -> "set in Gatehouse by " + setBy + ", " + TimeText.of(at))
                .orElse("from the AWS tag " + tagKey + "=" + tagValue);
    }
}
