package dev.gatehouse.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.TestRules;

/** Requests nobody decided before their rule's pending timeout expire, and the requester sees why. */
@SpringBootTest
class RequestTimeoutsTest {

    @Autowired
    private RequestTimeouts timeouts;
    @Autowired
    private RequestRepository requests;
    @Autowired
    private AccessService access;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private AccessPolicy policy;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private Clock clock;

    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;

    @BeforeEach
    void demoDirectory() {
        rules.demoDirectory();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_request_past_its_pending_timeout_expires_and_one_within_it_does_not() {
        long overdue = request(clock.instant().minus(Duration.ofDays(2)));
        long waiting = request(clock.instant());

        timeouts.expireOverdue();

        TestUsers.signIn(TestUsers.REQUESTER);
        assertThat(status(overdue)).isEqualTo(RequestStatus.EXPIRED);
        assertThat(status(waiting)).isEqualTo(RequestStatus.PENDING);
    }

    /** A request for Riley with a one-day pending timeout, made at the given time. */
    private long request(Instant madeAt) {
        String riley = rules.userId(TestUsers.REQUESTER);
        String set = rules.permissionSetArn("BillingReadOnly");
        AccessRule rule = TestRules.stored(riley, set, "BillingReadOnly", 1, ApproverType.MANAGER, madeAt);
        String account = accounts.fresh().id();
        return transaction.execute(status -> requests.insert(riley, "Riley Chen", account, "account", set,
                "BillingReadOnly", rule, "", Duration.ofHours(1), Optional.empty(), "", "", Optional.empty(), madeAt));
    }

    private RequestStatus status(long id) {
        return access.myRequests(0, 1000).stream().filter(r -> r.id() == id).findFirst().map(RequestSummary::status)
                .orElseThrow();
    }
}
