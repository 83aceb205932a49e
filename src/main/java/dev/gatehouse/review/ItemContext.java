package dev.gatehouse.review;

import java.time.Instant;
import java.util.Optional;

/**
 * What a reviewer weighs beside an item, as the directory, the access rules and the grants say it now.
 *
 * @param person            the person under review in the Identity Store now
 * @param policySummary     the permission set's policies on one line, as the directory shows them
 * @param adminLevel        why the access is admin-level, empty when it is not
 * @param lastJustInTimeUse when the person's latest grant of this permission set on this account began
 * @param coveringRule      the access rule that lets the person request it just in time, if any
 * @param recommendation    what Gatehouse suggests, empty when it suggests nothing
 */
public record ItemContext(PersonNow person, String policySummary, Optional<String> adminLevel,
                          Optional<Instant> lastJustInTimeUse, Optional<String> coveringRule, String recommendation) {

    public enum Presence { ENABLED, DISABLED, GONE }

    /** @param managerName empty when the Identity Store records no manager (or the person is gone) */
    public record PersonNow(Presence presence, String managerName) {

        /** "Enabled; manager Avery Patel", "Disabled in the Identity Store; no manager recorded", "Gone from the Identity Store". */
        public String text() {
            return switch (presence) {
                case GONE -> "Gone from the Identity Store";
                case ENABLED, DISABLED -> (presence == Presence.ENABLED ? "Enabled" : "Disabled in the Identity Store")
                        + "; " + (managerName.isEmpty() ? "no manager recorded" : "manager " + managerName);
            };
        }
    }
}
