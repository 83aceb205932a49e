package dev.gatehouse.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.GrantEndingSoon;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.TestRules;

/** Holders are told fifteen minutes before their access ends: once per end, again after an extension. */
@SpringBootTest
@RecordApplicationEvents
class EndingSoonWarningsTest {

    @Autowired
    private EndingSoonWarnings warnings;
    @Autowired
    private RequestRepository requests;
    @Autowired
    private GrantRepository grants;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private Clock clock;
    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;
    @Autowired
    private ApplicationEvents events;

    @BeforeEach
    void demoDirectory() {
        rules.demoDirectory();
    }

    @Test
    void a_holder_is_warned_once_per_end_and_again_after_an_extension() {
        Instant now = clock.instant();
        long grant = activeGrant(now.minus(Duration.ofMinutes(45)), now.plus(Duration.ofMinutes(10)));

        warnings.warnDue();
        warnings.warnDue();
        assertThat(warned(grant)).isEqualTo(1);

        transaction.executeWithoutResult(status -> grants.extend(grant, now.plus(Duration.ofMinutes(14))));
        warnings.warnDue();
        assertThat(warned(grant)).isEqualTo(2);
    }

    @Test
    void access_that_never_lasted_longer_than_the_warning_is_not_warned() {
        Instant now = clock.instant();
        long grant = activeGrant(now.minus(Duration.ofMinutes(2)), now.plus(Duration.ofMinutes(13)));

        warnings.warnDue();

        assertThat(warned(grant)).isZero();
    }

    @Test
    void access_ending_later_is_not_warned_yet() {
        Instant now = clock.instant();
        long grant = activeGrant(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(40)));

        warnings.warnDue();

        assertThat(warned(grant)).isZero();
    }

    private long warned(long grantId) {
        return events.stream(GrantEndingSoon.class).filter(e -> e.grantId() == grantId).count();
    }

    /** An active grant of Riley's from start to end, as the ledger leaves it once the assignment exists. */
    private long activeGrant(Instant start, Instant end) {
        String riley = rules.userId(TestUsers.REQUESTER);
        String set = rules.permissionSetArn("ViewOnlyAccess");
        AccessRule rule = TestRules.stored(riley, set, "ViewOnlyAccess", 0, ApproverType.NONE, start);
        String account = accounts.fresh().id();
        return transaction.execute(status -> {
            long request = requests.insert(riley, "Riley Chen", account, "account", set, "ViewOnlyAccess",
                    rule, "", Duration.between(start, end), Optional.empty(), "", "", Optional.empty(), start);
            long grant = grants.insert(requests.lock(request).orElseThrow(), start, end);
            grants.status(grant, GrantStatus.ACTIVE);
            return grant;
        });
    }
}
