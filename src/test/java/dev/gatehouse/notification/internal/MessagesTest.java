package dev.gatehouse.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.gatehouse.access.AccessRequestDecided;
import dev.gatehouse.access.AccessRequested;
import dev.gatehouse.access.GrantEndingSoon;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantStatusChanged;
import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.notification.NotificationKind;
import dev.gatehouse.policy.ApproverType;

class MessagesTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void a_group_approved_request_goes_to_the_group_but_not_to_the_requester() {
        Message message = Messages.of(requested(ApproverType.GROUP, "g-approvers", false)).orElseThrow();

        assertThat(message.kind()).isEqualTo(NotificationKind.REQUEST_SUBMITTED);
        assertThat(message.groupIds()).containsExactly("g-approvers");
        assertThat(message.notTo()).isEqualTo("u-riley");
        assertThat(message.admins()).isFalse();
        assertThat(message.path()).isEqualTo("approvals");
    }

    @Test
    void an_automatic_request_asks_nobody_and_its_automatic_approval_tells_nothing_new() {
        assertThat(Messages.of(requested(ApproverType.NONE, "", false))).isEmpty();
        assertThat(Messages.of(decided(RequestStatus.APPROVED, AccessRequestDecided.AUTOMATIC))).isEmpty();
    }

    @Test
    void break_glass_tells_the_approvers_and_the_admins() {
        Message message = Messages.of(requested(ApproverType.MANAGER, "u-avery", true)).orElseThrow();

        assertThat(message.kind()).isEqualTo(NotificationKind.BREAK_GLASS);
        assertThat(message.userIds()).containsExactly("u-avery");
        assertThat(message.admins()).isTrue();
        assertThat(message.subject()).isEqualTo("Break-glass: Riley Chen activated Developer on payments-prod");
    }

    @Test
    void the_requester_hears_a_denial_but_not_their_own_cancellation() {
        Message denied = Messages.of(decided(RequestStatus.DENIED, "Avery Patel")).orElseThrow();

        assertThat(denied.subject()).isEqualTo("Your request for Developer on payments-prod was denied by Avery Patel");
        assertThat(denied.userIds()).containsExactly("u-riley");
        assertThat(Messages.of(decided(RequestStatus.CANCELLED, "Riley Chen"))).isEmpty();
        assertThat(Messages.of(decided(RequestStatus.EXPIRED, "Gatehouse")).orElseThrow().subject())
                .isEqualTo("Your request for Developer on payments-prod expired");
    }

    @Test
    void a_revocation_names_who_revoked_and_says_open_sessions_last() {
        Message message = Messages.of(new GrantStatusChanged(7, 42, GrantStatus.REVOKED, "u-riley", "Riley Chen",
                "111122223333", "payments-prod", "Developer", "Morgan Reyes", "Revoked by Morgan Reyes: done", AT))
                .orElseThrow();

        assertThat(message.subject())
                .isEqualTo("Your access to Developer on payments-prod (111122223333) was revoked by Morgan Reyes");
        assertThat(message.summary())
                .isEqualTo("Riley Chen's access to Developer on payments-prod (111122223333) was revoked by Morgan Reyes");
        assertThat(message.text()).contains("Revoked by Morgan Reyes: done", Messages.SESSION_NOTE);
    }

    @Test
    void giving_access_back_oneself_tells_nobody() {
        assertThat(Messages.of(new GrantStatusChanged(7, 42, GrantStatus.REVOKED, "u-riley", "Riley Chen",
                "111122223333", "payments-prod", "Developer", "Riley Chen", "Given back by Riley Chen", AT))).isEmpty();
    }

    @Test
    void a_failed_grant_tells_the_holder_and_the_admins_what_aws_said() {
        Message message = Messages.of(new GrantStatusChanged(7, 42, GrantStatus.FAILED, "u-riley", "Riley Chen",
                "111122223333", "payments-prod", "Developer", "Gatehouse", "IAM role quota reached", AT)).orElseThrow();

        assertThat(message.admins()).isTrue();
        assertThat(message.text()).contains("AWS said: IAM role quota reached");
    }

    @Test
    void each_end_of_a_grant_gets_its_own_warning_so_an_extension_is_warned_again() {
        Instant end = AT.plusSeconds(900);
        Message first = Messages.of(new GrantEndingSoon(7, 42, "u-riley", "Riley Chen", "111122223333",
                "payments-prod", "Developer", end, AT));
        Message extended = Messages.of(new GrantEndingSoon(7, 42, "u-riley", "Riley Chen", "111122223333",
                "payments-prod", "Developer", end.plusSeconds(3600), AT));

        assertThat(first.key()).isNotEqualTo(extended.key());
        assertThat(first.subject()).isEqualTo("Your access to Developer on payments-prod (111122223333) ends at "
                + "2026-11-23 10:15 UTC");
    }

    private static AccessRequested requested(ApproverType approverType, String approverId, boolean breakGlass) {
        return new AccessRequested(42, "u-riley", "Riley Chen", "111122223333", "payments-prod", "Developer", "1 h",
                "Deploying the fix", "", approverType, approverId, breakGlass, AT);
    }

    private static AccessRequestDecided decided(RequestStatus status, String actor) {
        return new AccessRequestDecided(42, status, actor, "", "u-riley", "Riley Chen", "111122223333", "payments-prod",
                "Developer", AT);
    }
}
