package dev.gatehouse.review.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewerKind;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.shared.CsvWriter;

/**
 * Writes a campaign's evidence, streaming its items from the database: the CSV (one row per item, through
 * the shared CSV writer and its formula-injection guard) and the printable HTML summary, every value
 * HTML-escaped.
 */
@Component
public class EvidenceWriter {

    /** The CSV's header, in column order. */
    public static final List<String> COLUMNS = List.of("Item", "Campaign", "Stage", "Account id", "Account name",
            "OU path", "Permission set", "Person", "How held", "Reviewer", "Decision", "Comment", "Decided by",
            "Decided at", "Applied at", "AWS request id", "Outcome", "Outcome detail", "Confirmed by sync at",
            "New since last review", "Kind", "About");

    /** Each exception list in the summary shows this many items; the CSV has them all. */
    static final int EXCEPTIONS_SHOWN = 1_000;

    /** Who signed off, when, and the CSV's hash the summary vouches for; empty for a preview. */
    public record SignOff(String by, Instant at, String itemsFileName, String itemsSha256) {
    }

    private final ItemRepository items;
    private final DirectoryLookup directory;

    EvidenceWriter(ItemRepository items, DirectoryLookup directory) {
        this.items = items;
        this.directory = directory;
    }

    /** @return how many items were written */
    public long csv(ReviewCampaign campaign, OutputStream out) {
        long[] rows = {0};
        try (CsvWriter csv = new CsvWriter(out, true)) {
            csv.row(COLUMNS);
            items.eachForEvidence(campaign.id(), row -> {
                ReviewItemRow item = row.item();
                csv.row(List.of(String.valueOf(item.id()), campaign.name(), item.stage() + " of " + item.stages(),
                        item.access().accountId(), item.access().accountName(), item.access().ouPath(),
                        item.access().permissionSetName(), item.person().displayName(), held(item),
                        item.reviewer().name(), item.decision().map(Decision::name).orElse(""), item.comment(),
                        item.decidedBy(), item.decidedAt().map(CsvWriter::time).orElse(""),
                        row.appliedAt().map(CsvWriter::time).orElse(""), row.awsRequestId(), item.status().name(),
                        item.applyDetail(), item.afterSync().confirmedAt().map(CsvWriter::time).orElse(""),
                        item.newSinceLastReview() ? "yes" : "no", item.kind().name(), item.about()));
                rows[0]++;
            });
        }
        return rows[0];
    }

    public void summary(ReviewCampaign campaign, String launchedBy, Optional<SignOff> signOff, OutputStream out) {
        Tally tally = new Tally();
        items.eachForEvidence(campaign.id(), row -> tally.add(row.item()));
        Html html = new Html(out);
        html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .text("Access review evidence: " + campaign.name())
                .raw("</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                        + "table{border-collapse:collapse;margin-bottom:1em}th,td{border:1px solid #999;padding:.2em .5em;"
                        + "text-align:left;vertical-align:top}code{word-break:break-all}</style></head><body>\n");
        html.raw("<h1>").text("Access review evidence: " + campaign.name()).raw("</h1>\n");
        if (!campaign.description().isEmpty()) {
            html.raw("<p>").text(campaign.description()).raw("</p>\n");
        }
        html.raw("<table>");
        html.pair("Campaign", "#" + campaign.id() + ", " + campaign.status().name().toLowerCase());
        html.pair("Created by", campaign.createdBy() + ", " + time(campaign.createdAt()));
        html.pair("Launched by", launchedBy);
        html.pair("Due", time(campaign.dueAt()));
        html.pair("Undecided at the due date", campaign.dueDatePolicy().name());
        html.raw("</table>\n<h2>Scope</h2>\n<ul>");
        for (String line : scope(campaign.scope())) {
            html.raw("<li>").text(line).raw("</li>");
        }
        html.raw("</ul>\n<h2>Reviewers and stages</h2>\n<ol>");
        for (ReviewerStage stage : campaign.stages()) {
            html.raw("<li>").text(stage.kind().label() + (stage.kind().named() ? ": " + principal(stage) : ""))
                    .raw("</li>");
        }
        html.raw("</ol>\n<p>").text("Fallback reviewer: " + person(campaign.fallbackReviewerId())).raw("</p>\n");
        html.raw("<h2>Population</h2>\n<table>");
        campaign.population().ifPresent(p -> {
            html.pair("Launched at", time(p.launchedAt()));
            html.pair("Items", p.items() + " (" + p.direct() + " assigned directly, " + p.throughGroups()
                    + " through groups" + p.otherKinds().stream().map(kind -> ", " + kind).collect(Collectors.joining())
                    + ")");
            html.raw("<tr><th>SHA-256 of the item list</th><td><code>").text(p.sha256()).raw("</code></td></tr>");
        });
        html.raw("</table>\n<h2>Decisions</h2>\n<table>");
        html.pair("Kept", String.valueOf(tally.kept));
        html.pair("Revoked or converted to just in time", String.valueOf(tally.revoked));
        html.pair("Undecided", String.valueOf(tally.undecided.count));
        html.raw("</table>\n<h2>Items by status</h2>\n<table>");
        for (ItemStatus status : ItemStatus.values()) {
            html.pair(status.name(), String.valueOf(tally.byStatus.getOrDefault(status, 0)));
        }
        html.raw("</table>\n<h2>Exceptions</h2>\n");
        exceptions(html, "Failed removals", tally.failed, ReviewItemRow::applyDetail);
        exceptions(html, "Waiting for the identity provider", tally.waiting, ReviewItemRow::applyDetail);
        exceptions(html, "Waiting for an admin", tally.waitingForAdmin, ReviewItemRow::applyDetail);
        exceptions(html, "Admin-level access kept", tally.adminKept, ReviewItemRow::comment);
        exceptions(html, "Undecided", tally.undecided, item -> item.reviewer().name());
        html.raw("<h2>Sign-off</h2>\n");
        signOff.ifPresentOrElse(s -> {
            html.raw("<p>").text("Signed off by " + s.by() + " on " + time(s.at()) + ".").raw("</p>\n<p>")
                    .text("The item list is " + s.itemsFileName() + ", SHA-256 ").raw("<code>").text(s.itemsSha256())
                    .raw("</code>").text("; both files' SHA-256 are recorded in Gatehouse's audit trail.").raw("</p>\n");
        }, () -> html.raw("<p>").text("Not signed off: this is a preview, not evidence.").raw("</p>\n"));
        html.raw("</body></html>\n");
        html.close();
    }

    private void exceptions(Html html, String title, Listed listed, Function<ReviewItemRow, String> detail) {
        html.raw("<h3>").text(title + " (" + listed.count + ")").raw("</h3>\n");
        if (listed.count == 0) {
            html.raw("<p>None.</p>\n");
            return;
        }
        html.raw("<table><tr><th>Person</th><th>Account</th><th>Permission set</th><th>How held</th><th>Detail</th></tr>");
        for (ReviewItemRow item : listed.shown) {
            html.raw("<tr><td>").text(item.person().displayName()).raw("</td><td>")
                    .text(item.access().accountName() + " (" + item.access().accountId() + ")").raw("</td><td>")
                    .text(item.access().permissionSetName()).raw("</td><td>").text(held(item)).raw("</td><td>")
                    .text(detail.apply(item)).raw("</td></tr>");
        }
        html.raw("</table>\n");
        if (listed.count > listed.shown.size()) {
            html.raw("<p>").text("And " + (listed.count - listed.shown.size()) + " more; the CSV lists every item.")
                    .raw("</p>\n");
        }
    }

    private List<String> scope(CampaignScope scope) {
        List<String> lines = new ArrayList<>();
        if (scope.wholeOrganization()) {
            lines.add("Accounts: the whole organization");
        }
        names(lines, "OU (with the OUs below)", scope.ouIds(),
                id -> directory.organizationalUnit(id).map(ou -> ou.path() + " (" + id + ")"));
        names(lines, "Account", scope.accountIds(), id -> directory.account(id).map(a -> a.name() + " (" + id + ")"));
        names(lines, "Only permission set", scope.permissionSetArns(),
                arn -> directory.permissionSet(arn).map(PermissionSetRow::name));
        names(lines, "Only person", scope.userIds(), id -> directory.user(id).map(u -> u.displayName()));
        names(lines, "Only through group", scope.groupIds(), id -> directory.group(id).map(g -> g.displayName()));
        names(lines, "Never permission set", scope.excludedPermissionSetArns(),
                arn -> directory.permissionSet(arn).map(PermissionSetRow::name));
        names(lines, "Never through group", scope.excludedGroupIds(),
                id -> directory.group(id).map(g -> g.displayName()));
        return lines;
    }

    private static void names(List<String> lines, String what, Set<String> ids, Function<String, Optional<String>> name) {
        ids.stream().map(id -> what + ": " + name.apply(id).orElse(id + " (no longer in the directory)")).sorted()
                .forEach(lines::add);
    }

    private String principal(ReviewerStage stage) {
        return stage.kind() == ReviewerKind.NAMED_GROUP
                ? directory.group(stage.principalId()).map(g -> g.displayName()).orElse(stage.principalId())
                : person(stage.principalId());
    }

    private String person(String userId) {
        return directory.user(userId).map(u -> u.displayName()).orElse(userId + " (no longer in the directory)");
    }

    static String held(ReviewItemRow item) {
        return switch (item.kind()) {
            case STANDING -> item.held() == HowHeld.DIRECT ? "direct" : "via group " + item.groupName();
            case ELIGIBILITY -> switch (item.held()) {
                case DIRECT -> "named in access rule #" + item.subjectId();
                case GROUP -> "through group " + item.groupName() + " in access rule #" + item.subjectId();
                case EVERYONE -> "everyone, in access rule #" + item.subjectId();
            };
            case MEMBERSHIP -> "member of group " + item.groupName();
            case BREAK_GLASS -> "break-glass request #" + item.subjectId();
        };
    }

    private static String time(Instant at) {
        return CsvWriter.time(at) + " UTC";
    }

    /** Counts and the first exceptions of each kind, from one pass over the items. */
    private final class Tally {
        final Map<ItemStatus, Integer> byStatus = new EnumMap<>(ItemStatus.class);
        final Map<String, Boolean> adminLevel = new HashMap<>();
        long kept;
        long revoked;
        final Listed failed = new Listed();
        final Listed waiting = new Listed();
        final Listed waitingForAdmin = new Listed();
        final Listed adminKept = new Listed();
        final Listed undecided = new Listed();

        void add(ReviewItemRow item) {
            byStatus.merge(item.status(), 1, Integer::sum);
            if (item.status() == ItemStatus.PENDING) {
                undecided.add(item);
            } else if (item.decision().orElse(null) == Decision.KEEP) {
                kept++;
                if (adminLevel(item)) {
                    adminKept.add(item);
                }
            } else if (item.decision().map(Decision::removes).orElse(false)) {
                revoked++;
            }
            if (item.status() == ItemStatus.FAILED) {
                failed.add(item);
            }
            if (item.status() == ItemStatus.WAITING_FOR_IDP) {
                waiting.add(item);
            }
            if (item.status() == ItemStatus.WAITING_FOR_ADMIN) {
                waitingForAdmin.add(item);
            }
        }

        /** Admin-level as reviewers are shown it ({@link AdminLevelAccess#reason}), once per permission set. */
        private boolean adminLevel(ReviewItemRow item) {
            return adminLevel.computeIfAbsent(item.access().permissionSetArn(), arn -> AdminLevelAccess.reason(
                    item.access().permissionSetName(), directory.permissionSet(arn)).isPresent());
        }
    }

    private static final class Listed {
        long count;
        final List<ReviewItemRow> shown = new ArrayList<>();

        void add(ReviewItemRow item) {
            count++;
            if (shown.size() < EXCEPTIONS_SHOWN) {
                shown.add(item);
            }
        }
    }

    /** HTML written as it goes; text() escapes, raw() is for this class's own markup only. */
    private static final class Html {
        private final Writer out;

        Html(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        Html raw(String markup) {
            try {
                out.write(markup);
            } catch (IOException e) {
                throw new UncheckedIOException("The download was interrupted", e);
            }
            return this;
        }

        Html text(String text) {
            return raw(escape(text));
        }

        void pair(String name, String value) {
            raw("<tr><th>").text(name).raw("</th><td>").text(value).raw("</td></tr>");
        }

        void close() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("The download was interrupted", e);
            }
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
