package dev.gatehouse.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the auditor is looking for; every part left empty matches all.
 *
 * @param text          matched, case-insensitively, anywhere in actor, subject and details
 * @param action        only entries of this action
 * @param from          only entries at or after this moment
 * @param until         only entries before this moment
 * @param person        the start of the actor's name, or of the name of the person the entry concerns, in any case
 * @param accountId     only entries about this AWS account
 * @param ouId          only entries about an account in this OU, directly or in an OU below it
 * @param permissionSet only entries about the permission set of this name
 * @param requestId     only the entries of this access request: its decisions, its grant and the grant's AWS writes
 */
public record AuditFilter(String text, Optional<AuditAction> action, Optional<Instant> from, Optional<Instant> until,
                          String person, Optional<String> accountId, Optional<String> ouId,
                          Optional<String> permissionSet, OptionalLong requestId) {

    public static final AuditFilter ALL = new AuditFilter("", Optional.empty());
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    public AuditFilter {
        text = text == null ? "" : text.strip();
        person = person == null ? "" : person.strip();
    }

    public AuditFilter(String text, Optional<AuditAction> action) {
        this(text, action, Optional.empty(), Optional.empty(), "", Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalLong.empty());
    }

    public AuditFilter withText(String words) {
        return new AuditFilter(words, action, from, until, person, accountId, ouId, permissionSet, requestId);
    }

    public AuditFilter between(Optional<Instant> start, Optional<Instant> end) {
        return new AuditFilter(text, action, start, end, person, accountId, ouId, permissionSet, requestId);
    }

    public AuditFilter byPerson(String name) {
        return new AuditFilter(text, action, from, until, name, accountId, ouId, permissionSet, requestId);
    }

    public AuditFilter onAccount(Optional<String> id) {
        return new AuditFilter(text, action, from, until, person, id, ouId, permissionSet, requestId);
    }

    public AuditFilter withinOu(Optional<String> id) {
        return new AuditFilter(text, action, from, until, person, accountId, id, permissionSet, requestId);
    }

    public AuditFilter onPermissionSet(Optional<String> name) {
        return new AuditFilter(text, action, from, until, person, accountId, ouId, name, requestId);
    }

    public AuditFilter ofRequest(OptionalLong id) {
        return new AuditFilter(text, action, from, until, person, accountId, ouId, permissionSet, id);
    }

    /**
     * The time range for a file name, as the filter covers it at {@code now}: "2026-11-01T0000Z-to-2026-11-23T0846Z",
     * "start" when it sets no beginning, now when it sets no end or one still to come.
     */
    public String fileRange(Instant now) {
        Instant end = until.filter(u -> u.isBefore(now)).orElse(now);
        return from.map(AuditFilter::fileTime).orElse("start") + "-to-" + fileTime(end);
    }

    /** A moment for a file name: 2026-11-23T0846Z. */
    static String fileTime(Instant at) {
        return FILE_TIME.format(at);
    }

    /** "all entries", or what the filter keeps, for the record of an export. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        action.ifPresent(a -> parts.add("action " + a.label()));
        from.ifPresent(t -> parts.add("from " + t));
        until.ifPresent(t -> parts.add("before " + t));
        if (!person.isEmpty()) {
            parts.add("person \"" + person + "\"");
        }
        accountId.ifPresent(id -> parts.add("account " + id));
        ouId.ifPresent(id -> parts.add("OU " + id));
        permissionSet.ifPresent(name -> parts.add("permission set " + name));
        requestId.ifPresent(id -> parts.add("request #" + id));
        if (!text.isEmpty()) {
            parts.add("matching \"" + text + "\"");
        }
        return parts.isEmpty() ? "all entries" : "entries with " + String.join(", ", parts);
    }
}
