package dev.gatehouse.access.internal;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gatehouse.SecondNode;
import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.RequestForm;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * Two Gatehouse nodes on one database and one Identity Center: this test's context, and a second one
 * started beside it in production mode against the same sandbox. Both run every grant's start and end
 * at the same moment, besides the scheduler's own task; each grant is still activated once and ended
 * once, with one CreateAccountAssignment and one DeleteAccountAssignment.
 */
@SpringBootTest
class TwoNodesTest {

    private static ConfigurableApplicationContext secondNode;

    @Autowired
    private AccessService access;
    @Autowired
    private GrantRepository grants;
    @Autowired
    private GrantLedger ledger;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void two_nodes_activate_and_end_each_grant_exactly_once() throws Exception {
        rules.demoDirectoryWithoutRules();
        String riley = rules.userId(TestUsers.REQUESTER);
        GrantLedger otherLedger = secondNode().getBean(GrantLedger.class);
        List<String> sets = List.of("PowerUserAccess", "DatabaseAdmin", "NetworkAdmin", "SupportUser");
        List<String> accountIds = accounts.fresh(5).stream().map(AccountRow::id).toList();
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        List<Long> requests = new ArrayList<>();
        for (String set : sets) {
            String arn = rules.permissionSetArn(set);
            rules.save(TestRules.draft("Open " + set, RequesterType.USER, riley, ScopeType.ORGANIZATION, "", arn, 0,
                    ApproverType.NONE, ""));
            // Starting later keeps the scheduler out of the way until both nodes have raced.
            requests.addAll(as(TestUsers.REQUESTER, () -> access.submit(new RequestForm(arn, accountIds,
                    Duration.ofHours(1), Optional.of(later), "Two nodes", ""))));
        }
        Map<Long, Long> grantByRequest = new HashMap<>();
        for (RequestSummary r : as(TestUsers.REQUESTER, () -> access.myRequests(0, 500))) {
            if (requests.contains(r.id())) {
                grantByRequest.put(r.id(), r.grant().orElseThrow().id());
            }
        }
        List<Long> grantIds = List.copyOf(grantByRequest.values());
        assertThat(grantIds).hasSize(20);

        Set<SandboxOrganization.Assignment> standing = Set.copyOf(sandbox.organization().assignments());

        raceOnBothNodes(grantIds, ledger::start, otherLedger::start);
        assertThat(grantIds).allSatisfy(id -> assertThat(grants.find(id).orElseThrow().status())
                .isEqualTo(GrantStatus.ACTIVE));
        raceOnBothNodes(grantIds, ledger::end, otherLedger::end);
        assertThat(grantIds).allSatisfy(id -> assertThat(grants.find(id).orElseThrow().status())
                .isEqualTo(GrantStatus.ENDED));

        assertThat(writesBy(secondNode())).as("the second node made some of the writes").isPositive();
        for (long id : grantIds) {
            StoredGrant grant = grants.find(id).orElseThrow();
            var triple = new SandboxOrganization.Assignment(grant.accountId(), grant.permissionSetArn(), "USER", riley);
            boolean wasStanding = standing.contains(triple);
            assertThat(sandbox.writes()).as("writes for grant " + id).filteredOn(w -> w.assignment().equals(triple))
                    .extracting(Sandbox.Write::create)
                    .containsExactlyElementsOf(wasStanding ? List.of() : List.of(true, false));
            assertThat(grants.attempts(id, GrantRepository.Operation.CREATE)).isEqualTo(wasStanding ? 0 : 1);
            assertThat(grants.attempts(id, GrantRepository.Operation.DELETE)).isEqualTo(wasStanding ? 0 : 1);
            assertThat(sandbox.organization().assignments().contains(triple)).isEqualTo(wasStanding);
        }
    }

    private static double writesBy(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).find("gatehouse.aws.calls").tag("outcome", "success").counters()
                .stream().filter(c -> c.getId().getTag("operation").endsWith("AccountAssignment"))
                .mapToDouble(Counter::count).sum();
    }

    /** Each grant's step on both nodes at once, grant after grant. */
    private static void raceOnBothNodes(List<Long> grantIds, LongConsumer here, LongConsumer there) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (long id : grantIds) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> both = List.of(
                        pool.submit(() -> {
                            go.await();
                            here.accept(id);
                            return null;
                        }),
                        pool.submit(() -> {
                            go.await();
                            there.accept(id);
                            return null;
                        }));
                go.countDown();
                for (Future<?> step : both) {
                    step.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ConfigurableApplicationContext secondNode() {
        if (secondNode == null) {
            secondNode = SecondNode.start(sandbox);
        }
        return secondNode;
    }
}
