package dev.gatehouse.notification.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.gatehouse.access.AccessRequestDecided;
import dev.gatehouse.access.AccessRequested;
import dev.gatehouse.access.GrantEndingSoon;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantStatusChanged;
import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.notification.NotificationKind;
import dev.gatehouse.security.MfaActivity;
import dev.gatehouse.shared.TimeText;

/** What each access event tells whom, in words; empty when an event tells nobody anything new. */
final class Messages {

    static final String SESSION_NOTE = "An AWS session opened before this moment stays valid until its session "
            + "duration runs out.";

    private Messages() {
    }

    /** Approvers are asked to decide; for break-glass, told after the fact, and admins with them. */
    static Optional<Message> of(AccessRequested e) {
        Set<String> users = switch (e.approverType()) {
            case USER, MANAGER -> Set.of(e.approverId());
            case GROUP, NONE -> Set.of();
        };
        Set<String> groups = switch (e.approverType()) {
            case GROUP -> Set.of(e.approverId());
            default -> Set.of();
        };
        Map<String, Object> details = details(e.requestId(), e.requester(), e.accountName(), e.permissionSetName());
        details.put("duration", e.duration());
        details.put("justification", e.justification());
        details.put("ticket", e.ticket());
        String what = e.permissionSetName() + " on " + e.accountName() + " for " + e.duration();
        String why = "Justification: " + (e.justification().isEmpty() ? "(none)" : e.justification())
                + (e.ticket().isEmpty() ? "" : "\nTicket: " + e.ticket());
        if (e.breakGlass()) {
            details.put("breakGlass", true);
            String subject = "Break-glass: " + e.requester() + " activated " + e.permissionSetName() + " on "
                    + e.accountName();
            return Optional.of(new Message("request-" + e.requestId() + "-break-glass", NotificationKind.BREAK_GLASS,
                    subject, subject,
                    e.requester() + " used break-glass access: " + what + ", active at once without approval.\n"
                            + why + "\n\nFollow it up under Active access.",
                    "access/active", users, groups, e.requesterId(), true, details, e.at()));
        }
        if (users.isEmpty() && groups.isEmpty()) {
            return Optional.empty();
        }
        String subject = e.requester() + " asks for " + e.permissionSetName() + " on " + e.accountName();
        return Optional.of(new Message("request-" + e.requestId() + "-submitted", NotificationKind.REQUEST_SUBMITTED,
                subject, subject,
                e.requester() + " asks for " + what + ".\n" + why + "\n\nApprove or deny it under Approvals.",
                "approvals", users, groups, e.requesterId(), false, details, e.at()));
    }

    /** The requester hears how their request ended, unless they cancelled it or a rule granted it at once. */
    static Optional<Message> of(AccessRequestDecided e) {
        boolean ownCancel = e.status() == RequestStatus.CANCELLED && e.actor().equals(e.requester());
        if (e.status() == RequestStatus.PENDING || ownCancel || e.actor().equals(AccessRequestDecided.AUTOMATIC)) {
            return Optional.empty();
        }
        String what = e.permissionSetName() + " on " + e.accountName();
        String outcome = switch (e.status()) {
            case APPROVED -> "was approved by " + e.actor();
            case DENIED -> "was denied by " + e.actor();
            case EXPIRED -> "expired: nobody decided it in time";
            default -> "was cancelled";
        };
        Map<String, Object> details = details(e.requestId(), e.requester(), e.accountName(), e.permissionSetName());
        details.put("status", e.status().name());
        details.put("decidedBy", e.actor());
        details.put("comment", e.comment());
        String headline = outcome.split(":")[0];
        return Optional.of(new Message("request-" + e.requestId() + "-" + e.status().name().toLowerCase(),
                NotificationKind.REQUEST_DECIDED, "Your request for " + what + " " + headline,
                e.requester() + "'s request for " + what + " " + headline,
                "Your request for " + what + " " + outcome + "."
                        + (e.comment().isEmpty() ? "" : "\nComment: " + e.comment()),
                "", Set.of(e.requesterId()), Set.of(), "", false, details, e.at()));
    }

    /** The holder hears when access starts, ends (unless they gave it back) or fails; admins hear of failures too. */
    static Optional<Message> of(GrantStatusChanged e) {
        if (e.status() == GrantStatus.REVOKED && e.actor().equals(e.userName())) {
            return Optional.empty();
        }
        String what = e.permissionSetName() + " on " + e.accountName() + " (" + e.accountId() + ")";
        Map<String, Object> details = details(e.requestId(), e.userName(), e.accountName(), e.permissionSetName());
        details.put("grantId", e.grantId());
        details.put("accountId", e.accountId());
        details.put("status", e.status().name());
        details.put("by", e.actor());
        details.put("detail", e.detail());
        String key = "grant-" + e.grantId() + "-" + e.status().name().toLowerCase();
        return switch (e.status()) {
            case ACTIVE -> Optional.of(new Message(key, NotificationKind.ACCESS_ACTIVE,
                    "Your access to " + what + " is active", e.userName() + "'s access to " + what + " is active",
                    "Your access to " + what + " is active now. My access shows the time left, where you can also "
                            + "extend it or give it back.", "", Set.of(e.userId()), Set.of(), "", false, details,
                    e.at()));
            case ENDED, REVOKED -> Optional.of(new Message(key, NotificationKind.ACCESS_ENDED,
                    "Your access to " + what + ended(e), e.userName() + "'s access to " + what + ended(e),
                    "Your access to " + what + ended(e) + "."
                            + (e.detail().isEmpty() || e.detail().startsWith("AWS request") ? "" : "\n" + e.detail())
                            + "\n" + SESSION_NOTE,
                    "", Set.of(e.userId()), Set.of(), "", false, details, e.at()));
            case FAILED -> Optional.of(new Message(key, NotificationKind.ACCESS_FAILED,
                    "Access to " + what + " for " + e.userName() + " could not be granted",
                    "Access to " + what + " for " + e.userName() + " could not be granted",
                    "Identity Center did not grant " + e.userName() + " access to " + what + ".\nAWS said: "
                            + e.detail(), "access/active", Set.of(e.userId()), Set.of(), "", true, details, e.at()));
            default -> Optional.empty();
        };
    }

    static Message of(GrantEndingSoon e) {
        String what = e.permissionSetName() + " on " + e.accountName() + " (" + e.accountId() + ")";
        Map<String, Object> details = details(e.requestId(), e.userName(), e.accountName(), e.permissionSetName());
        details.put("grantId", e.grantId());
        details.put("accountId", e.accountId());
        details.put("endsAt", e.endsAt().toString());
        return new Message("grant-" + e.grantId() + "-ending-" + e.endsAt().getEpochSecond(),
                NotificationKind.ACCESS_ENDING_SOON, "Your access to " + what + " ends at " + TimeText.of(e.endsAt()),
                e.userName() + "'s access to " + what + " ends at " + TimeText.of(e.endsAt()),
                "Your access to " + what + " ends at " + TimeText.of(e.endsAt()) + ". If you need longer, extend "
                        + "it under My access.", "", Set.of(e.userId()), Set.of(), "", false, details, e.at());
    }

    static Message of(MfaActivity e, Optional<String> userId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person", e.subject());
        details.put("resetBy", e.actor());
        return new Message("mfa-reset-" + e.subject() + "-" + e.at().toEpochMilli(), NotificationKind.MFA_RESET,
                "Your Gatehouse second factors were reset", e.actor() + " reset " + e.subject()
                + "'s Gatehouse second factors", e.actor() + " removed your authenticator apps, security keys and "
                + "recovery codes in Gatehouse at " + TimeText.of(e.at()) + ". Set up a new one under Two-step "
                + "verification before your next request that needs MFA. If you did not ask for this, tell your "
                + "security team now.", "two-step", userId.map(Set::of).orElse(Set.of()), Set.of(), "", false,
                details, e.at());
    }

    static Message test(String key, String by, Optional<String> userId, Instant at) {
        return new Message(key, NotificationKind.TEST, "Gatehouse test message", "Gatehouse test message",
                by + " sent this test message from the Notifications screen. If you read it, this channel works.",
                "notifications", userId.map(Set::of).orElse(Set.of()), Set.of(), "", true,
                new LinkedHashMap<>(Map.of("sentBy", by)), at);
    }

    private static String ended(GrantStatusChanged e) {
        return e.status() == GrantStatus.REVOKED ? " was revoked by " + e.actor() : " has ended";
    }

    private static Map<String, Object> details(long requestId, String person, String account, String permissionSet) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", requestId);
        details.put("person", person);
        details.put("account", account);
        details.put("permissionSet", permissionSet);
        return details;
    }
}
