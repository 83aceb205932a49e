package dev.gatehouse.review.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.CampaignProgress;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewTiming;
import dev.gatehouse.review.ReviewerKind;
import dev.gatehouse.shared.TimeText;

/** How review screens word an item's stage and state, in one place. */
final class ReviewText {

    /** A recurring campaign's item whose access the previous occurrence did not review. */
    static final String NEW_SINCE_LAST_REVIEW = "New since last review";

    private ReviewText() {
    }

    /** "1 of 2: Avery Patel". */
    static String stage(ReviewItemRow item) {
        return item.stage() + " of " + item.stages() + ": " + item.reviewer().name();
    }

    /** "Pending", "Kept by Avery Patel", "Revoked: removed in Identity Center", with the apply detail. */
    static String state(ReviewItemRow item) {
        String decided = item.decision().map(d -> switch (d) {
            case KEEP -> "Kept by " + item.decidedBy();
            case REVOKE -> "Revoked by " + item.decidedBy();
            case CONVERT_TO_JIT -> "Converted to just in time by " + item.decidedBy();
        }).orElse("");
        String status = switch (item.status()) {
            case PENDING -> decided.isEmpty() ? "Pending" : decided + " at stage " + (item.stage() - 1) + "; pending";
            case DECIDED -> item.decision().map(Decision::removes).orElse(false)
                    ? decided + "; applied when the campaign closes" : decided;
            case APPLYING -> decided + "; being removed in Identity Center";
            case REMOVED -> decided + switch (item.kind()) {
                case STANDING, MEMBERSHIP -> item.held() == HowHeld.GROUP ? "; removed from group " + item.groupName()
                        : "; removed in Identity Center";
                case ELIGIBILITY -> "; no longer eligible";
                case BREAK_GLASS -> "; done";
            };
            case FAILED -> decided + "; removal failed for now, retried";
            case WAITING_FOR_IDP -> decided + "; waits for the group membership to be removed";
            case WAITING_FOR_ADMIN -> decided + "; waits for an admin";
            case CONFIRMED -> decided + "; removal confirmed by sync #" + item.afterSync().confirmedBySync().orElse(0L)
                    + item.afterSync().confirmedAt().map(at -> " at " + TimeText.of(at)).orElse("");
        };
        String flag = item.flag().map(f -> switch (f) {
            case UNDECIDED_AT_DUE_DATE -> "; undecided at the due date";
            case NEEDS_CONFIRMATION -> "; the policy's revoke waits for an admin to confirm it (the last admin-level "
                    + "access of its account)";
        }).orElse("");
        String afterSync = item.afterSync().flag();
        return status + flag + (item.applyDetail().isEmpty() || item.status() == ItemStatus.PENDING ? ""
                : " (" + item.applyDetail() + ")") + (afterSync.isEmpty() || item.status() != ItemStatus.REMOVED ? ""
                : "; " + afterSync);
    }

    /** "Riley Chen", or "Riley Chen (left: disabled in the Identity Store)". */
    static String person(ReviewItemRow item) {
        return item.person().displayName() + (item.personLeft().isEmpty() ? "" : " (" + item.personLeft() + ")");
    }

    /** "The person's manager". */
    static String capitalised(ReviewerKind kind) {
        return Character.toUpperCase(kind.label().charAt(0)) + kind.label().substring(1);
    }

    /** "3 pending, 1 decided, 0 being removed, 2 removed, 0 failed, 1 waiting for the IdP". */
    static String counts(CampaignProgress.Counts counts) {
        return counts.pending() + " pending, " + counts.decided() + " decided, " + counts.applying() + " being removed, "
                + counts.removed() + " removed, " + counts.failed() + " failed, " + counts.waitingForIdp()
                + " waiting for the identity provider"
                + (counts.waitingForAdmin() == 0 ? "" : ", " + counts.waitingForAdmin() + " waiting for an admin");
    }

    /** "payments (111122223333)"; a rule's scope ("Whole organization") or nothing for items not on one account. */
    static String account(ReviewItemRow item) {
        ReviewItemRow.Access access = item.access();
        return access.accountId().isEmpty() ? access.accountName() : access.accountName() + " (" + access.accountId() + ")";
    }

    /** "Standing access", or the kind and what the item is about: "Group membership: Member of devs, which gives …". */
    static String about(ReviewItemRow item) {
        return item.kind() == ItemKind.STANDING ? item.kind().label() : item.kind().label() + ": " + item.about();
    }

    static String policy(DueDatePolicy policy) {
        return switch (policy) {
            case KEEP -> "Keep them";
            case KEEP_AND_FLAG -> "Keep them, flagged as undecided in the evidence";
            case REVOKE -> "Revoke them";
        };
    }

    static String status(CampaignStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case LAUNCHING -> "Launching";
            case ACTIVE -> "Active";
            case CLOSED -> "Closed";
            case CANCELLED -> "Cancelled";
        };
    }

    /** The campaign's reminders, overdue period, escalation and the messages switched off, in one sentence. */
    static String timing(ReviewCampaign campaign) {
        ReviewTiming timing = campaign.timing();
        List<String> parts = new ArrayList<>();
        parts.add(timing.remindDaysBefore().isEmpty() || !timing.sends(CampaignMessage.REMINDER)
                ? "no reminders before the due date"
                : "reminders " + timing.remindDaysBefore().stream().map(d -> d == 0 ? "on the due day"
                        : d + (d == 1 ? " day" : " days") + " before").collect(Collectors.joining(", ")));
        if (timing.overdueDays() == 0) {
            parts.add("the policy applies at the due date");
        } else {
            parts.add("overdue for " + timing.overdueDays() + (timing.overdueDays() == 1 ? " day" : " days")
                    + (timing.overdueDaily() && timing.sends(CampaignMessage.OVERDUE) ? ", reminded daily" : "")
                    + ", the policy applies " + TimeText.of(campaign.closesAt()));
            if (timing.escalateAfterDays() > 0) {
                parts.add("escalated to the fallback reviewer " + timing.escalateAfterDays()
                        + (timing.escalateAfterDays() == 1 ? " day" : " days") + " after the due date");
            }
        }
        if (timing.revokesAtClose()) {
            parts.add("revokes applied when the campaign closes");
        }
        Set<CampaignMessage> off = EnumSet.complementOf(timing.messages().isEmpty()
                ? EnumSet.noneOf(CampaignMessage.class) : EnumSet.copyOf(timing.messages()));
        if (!off.isEmpty()) {
            parts.add("not sent: " + off.stream().map(m -> m.label().toLowerCase()).collect(Collectors.joining("; ")));
        }
        return "Timing: " + String.join("; ", parts) + ".";
    }
}
