package dev.gatehouse.access;

import static dev.gatehouse.TestUsers.as;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.gatehouse.TestUsers;

/** What Riley, the demo requester, does in tests that drive a request end to end through the services. */
public final class RequesterSteps {

    private static final Duration GRANTED = Duration.ofSeconds(20);

    private RequesterSteps() {
    }

    /** An hour of access to one account, to investigate an incident. */
    public static RequestForm form(String permissionSetArn, String accountId, String ticket) {
        return new RequestForm(permissionSetArn, List.of(accountId), Duration.ofHours(1), Optional.empty(),
                "Investigating an incident", ticket);
    }

    /** The request's grant once Riley sees it with that status; fails after 20 seconds. */
    public static GrantSummary awaitGrant(AccessService access, long requestId, GrantStatus status) {
        return await().atMost(GRANTED).until(() -> as(TestUsers.REQUESTER, () -> access.myRequests(0, 200)).stream()
                .filter(r -> r.id() == requestId).findFirst().flatMap(RequestSummary::grant)
                .filter(g -> g.status() == status).orElse(null), grant -> grant != null);
    }

    public static void giveBack(GrantService grants, GrantSummary grant) {
        as(TestUsers.REQUESTER, () -> {
            grants.giveBack(grant.id());
            return null;
        });
    }
}
