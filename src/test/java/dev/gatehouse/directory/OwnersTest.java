package dev.gatehouse.directory;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.directory.internal.DirectoryRefresher;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * Owners of accounts and permission sets: read from the AWS owner tag (a userName, an email or a group
 * name), or set in Gatehouse by an admin, which wins while the owner is in the directory.
 */
@SpringBootTest
class OwnersTest {

    @Autowired
    private Owners owners;
    @Autowired
    private DirectoryLookup lookup;
    @Autowired
    private Directory directory;
    @Autowired
    private DirectorySyncJob job;
    @Autowired
    private DirectoryRefresher refresher;
    @Autowired
    private SandboxAccounts accounts;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private AuditTrail audit;

    @BeforeEach
    void syncedDemoOrganization() {
        DemoDirectory.ensureSynced(job);
    }

    @Test
    void a_demo_accounts_owner_comes_from_its_tag_whether_it_names_an_email_a_user_name_or_a_group() {
        assertThat(ownerOf("payments-prod")).isEqualTo(
                "Avery Patel (person), from the AWS tag owner=avery.patel@example.com");
        assertThat(ownerOf("platform-prod")).isEqualTo("Morgan Reyes (person), from the AWS tag owner=morgan.reyes");
        assertThat(ownerOf("management")).isEqualTo("platform (group), from the AWS tag owner=platform");
    }

    @Test
    void accounts_without_an_owner_are_listed_with_why_there_is_none() {
        List<Ownership> left = as(TestUsers.AUDITOR, () -> owners.withoutOwner(OwnedKind.ACCOUNT, "checkout-staging", 0, 10));
        assertThat(left).extracting(Ownership::resourceName, Ownership::missing).containsExactly(
                tuple("checkout-staging", "The AWS tag owner names casey.left@example.com, "
                        + "which is no person or group in the directory."));
        List<Ownership> untagged = as(TestUsers.AUDITOR, () -> owners.withoutOwner(OwnedKind.ACCOUNT, "ledger-", 0, 100));
        assertThat(untagged).hasSizeGreaterThanOrEqualTo(3).allSatisfy(o -> assertThat(o.missing()).isEqualTo("No AWS tag owner."));
        assertThat(as(TestUsers.AUDITOR, () -> owners.withoutOwnerCount(OwnedKind.ACCOUNT, "ledger-")))
                .isEqualTo(untagged.size());
        assertThat(as(TestUsers.AUDITOR, () -> owners.withoutOwner(OwnedKind.ACCOUNT, "payments-prod", 0, 10))).isEmpty();
    }

    @Test
    void permission_sets_without_an_owner_tag_are_listed() {
        assertThat(as(TestUsers.ADMIN, () -> owners.withoutOwner(OwnedKind.PERMISSION_SET, "", 0, 100)))
                .extracting(Ownership::resourceName).contains("SecurityAudit", "BreakGlass")
                .doesNotContain("Developer", "AdministratorAccess");
    }

    @Test
    void an_owner_set_in_gatehouse_wins_over_the_tag_until_the_admin_goes_back_to_the_tag_and_both_are_audited() {
        AccountRow account = accounts.fresh();
        tag(account, "jordan.kim");
        String avery = lookup.userBySignIn("avery.patel").orElseThrow().id();

        Ownership set = as(TestUsers.ADMIN, () -> owners.set(OwnedKind.ACCOUNT, account.id(), PrincipalType.USER, avery));

        assertThat(set.owner()).hasValueSatisfying(owner -> {
            assertThat(owner.label()).isEqualTo("Avery Patel (person)");
            assertThat(owner.setBy()).isEqualTo("Morgan Reyes");
            assertThat(owner.fromTag()).isFalse();
        });
        assertThat(set.text()).startsWith("Avery Patel (person), set in Gatehouse by Morgan Reyes, ");
        Ownership back = as(TestUsers.ADMIN, () -> owners.useTag(OwnedKind.ACCOUNT, account.id()));
        assertThat(back.text()).isEqualTo("Jordan Kim (person), from the AWS tag owner=jordan.kim");
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> owners.useTag(OwnedKind.ACCOUNT, account.id())))
                .isInstanceOf(OwnerProblem.class).hasMessage("No owner is set in Gatehouse for this account: "
                        + "the AWS tag counts already.");

        List<AuditEntry> changes = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> as(TestUsers.AUDITOR,
                () -> audit.page(AuditFilter.ALL.onAccount(Optional.of(account.id())), 0, 10)).stream()
                .filter(e -> e.action() == AuditAction.OWNER_CHANGED).toList(), found -> found.size() == 2);
        assertThat(changes).extracting(AuditEntry::actor).containsOnly("Morgan Reyes");
        assertThat(changes).extracting(AuditEntry::subject).containsOnly("account " + account.name() + " (" + account.id() + ")");
        assertThat(changes).anySatisfy(e -> assertThat(e.details())
                .startsWith("before: Jordan Kim (person), from the AWS tag owner=jordan.kim | after: Avery Patel (person), "
                        + "set in Gatehouse by Morgan Reyes, "));
        assertThat(changes).anySatisfy(e -> assertThat(e.details())
                .startsWith("before: Avery Patel (person), set in Gatehouse by Morgan Reyes, ")
                .endsWith(" | after: Jordan Kim (person), from the AWS tag owner=jordan.kim"));
    }

    @Test
    void a_group_can_own_an_account_and_a_tag_value_matches_a_user_name_or_group_name_in_any_case() {
        AccountRow account = accounts.fresh();
        tag(account, "Payments-Team");
        assertThat(ownerOf(account)).isEqualTo("payments-team (group), from the AWS tag owner=Payments-Team");
        tag(account, "RILEY.CHEN");
        assertThat(ownerOf(account)).isEqualTo("Riley Chen (person), from the AWS tag owner=RILEY.CHEN");
    }

    @Test
    void an_owner_who_is_disabled_or_gone_counts_as_no_owner_and_says_so() {
        AccountRow account = accounts.fresh();
        SandboxOrganization.User disabled = sandbox.organization().users().stream().filter(u -> !u.enabled())
                .findFirst().orElseThrow();
        tag(account, disabled.userName());

        assertThat(as(TestUsers.ADMIN, () -> owners.of(OwnedKind.ACCOUNT, account.id())).orElseThrow().missing())
                .isEqualTo("The AWS tag owner names " + disabled.displayName() + ", who is disabled in the Identity Store.");
        assertThat(as(TestUsers.ADMIN, () -> owners.withoutOwner(OwnedKind.ACCOUNT, account.id(), 0, 10))).hasSize(1);
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> owners.set(OwnedKind.ACCOUNT, account.id(),
                PrincipalType.USER, disabled.id()))).isInstanceOf(OwnerProblem.class)
                .hasMessage(disabled.displayName() + " is disabled in the Identity Store, so cannot own anything.");
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> owners.set(OwnedKind.ACCOUNT, account.id(),
                PrincipalType.GROUP, "no-such-group"))).isInstanceOf(OwnerProblem.class)
                .hasMessage("That group is not in the directory (any more).");
    }

    @Test
    void only_admins_change_owners_and_pick_candidates_while_auditors_read() {
        AccountRow account = accounts.fresh();
        String avery = lookup.userBySignIn("avery.patel").orElseThrow().id();
        assertThatThrownBy(() -> as(TestUsers.AUDITOR, () -> owners.set(OwnedKind.ACCOUNT, account.id(),
                PrincipalType.USER, avery))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.AUDITOR, () -> owners.candidates("avery", 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> owners.of(OwnedKind.ACCOUNT, account.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(TestUsers.AUDITOR, () -> owners.of(OwnedKind.ACCOUNT, account.id()))).isPresent();
    }

    @Test
    void another_modules_service_reads_an_owner_for_whoever_is_signed_in_through_the_directory_lookup() {
        AccountRow account = accounts.fresh();
        tag(account, "avery.patel");

        assertThat(as(TestUsers.REQUESTER, () -> lookup.ownership(OwnedKind.ACCOUNT, account.id())))
                .hasValueSatisfying(o -> assertThat(o.text()).isEqualTo("Avery Patel (person), from the AWS tag owner=avery.patel"));
        assertThat(lookup.ownership(OwnedKind.ACCOUNT, "000000000000")).isEmpty();
    }

    @Test
    void candidates_are_people_first_then_groups_matching_name_user_name_or_email() {
        List<OwnerCandidate> found = as(TestUsers.ADMIN, () -> owners.candidates("platform", 0, 50));
        assertThat(found).extracting(OwnerCandidate::type).last().isEqualTo(PrincipalType.GROUP);
        assertThat(found).filteredOn(c -> c.type() == PrincipalType.GROUP).extracting(OwnerCandidate::name)
                .containsExactly("platform");
        assertThat(as(TestUsers.ADMIN, () -> owners.candidates("avery.patel@", 0, 50)))
                .extracting(OwnerCandidate::label)
                .containsExactly("Avery Patel (person, avery.patel · avery.patel@example.com)");
    }

    private String ownerOf(String accountName) {
        AccountRow account = as(TestUsers.ADMIN, () -> directory.accounts(
                new DirectoryPage(accountName, DirectorySort.NAME, false, 0, 50))).stream()
                .filter(a -> a.name().equals(accountName)).findFirst().orElseThrow();
        return ownerOf(account);
    }

    private String ownerOf(AccountRow account) {
        return as(TestUsers.ADMIN, () -> owners.of(OwnedKind.ACCOUNT, account.id())).orElseThrow().text();
    }

    /** Tags the account in the sandbox, then refreshes it, as an admin's refresh or the next sync would. */
    private void tag(AccountRow account, String owner) {
        sandbox.organization().tag(account.id(), Map.of("owner", owner));
        refresher.refreshAccount(account.id());
    }
}
