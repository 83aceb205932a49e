package dev.gatehouse.directory;

import static dev.gatehouse.TestUsers.as;
import static dev.gatehouse.db.Tables.DIRECTORY_ACCOUNT;
import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP_MEMBER;
import static dev.gatehouse.db.Tables.DIRECTORY_OU;
import static dev.gatehouse.db.Tables.DIRECTORY_PERMISSION_SET;
import static dev.gatehouse.db.Tables.DIRECTORY_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequestForm;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.access.RequesterSteps;
import dev.gatehouse.directory.AccessHolding.How;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * The access inventory over a small organization of its own, written into the mirror beside the demo
 * directory under fresh ids: OU "top" holds account B and OU "child", which holds account A.
 * Ada holds Read on A directly and Admin on A through both groups; Bo is in group one only.
 */
@SpringBootTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccessInventoryTest {

    @Autowired
    private AccessInventory inventory;
    @Autowired
    private AccessService access;
    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;
    @Autowired
    private DSLContext db;

    private String top;
    private String child;
    private String accountA;
    private String accountB;
    private String read;
    private String admin;
    private String ada;
    private String bo;
    private String groupOne;
    private String groupTwo;

    @BeforeEach
    void aSmallOrganizationOfItsOwn() {
        rules.demoDirectory();
        String run = UUID.randomUUID().toString().substring(0, 8);
        top = "ou-top-" + run;
        child = "ou-child-" + run;
        // Twelve digits, as AWS's are, and far from the sandbox's 1111… ids.
        long account = 900_000_000_000L + Math.floorMod(run.hashCode(), 49_999_999_999L) * 2;
        accountA = String.valueOf(account);
        accountB = String.valueOf(account + 1);
        read = "arn:aws:sso:::permissionSet/ssoins-test/ps-read-" + run;
        admin = "arn:aws:sso:::permissionSet/ssoins-test/ps-admin-" + run;
        ada = "u-ada-" + run;
        bo = "u-bo-" + run;
        groupOne = "g-one-" + run;
        groupTwo = "g-two-" + run;
        db.insertInto(DIRECTORY_OU, DIRECTORY_OU.ID, DIRECTORY_OU.PARENT_ID, DIRECTORY_OU.NAME, DIRECTORY_OU.PATH,
                        DIRECTORY_OU.DEPTH)
                .values(top, "r-" + run, "Top " + run, "Root / Top", 1)
                .values(child, top, "Child " + run, "Root / Top / Child", 2).execute();
        db.insertInto(DIRECTORY_ACCOUNT, DIRECTORY_ACCOUNT.ID, DIRECTORY_ACCOUNT.OU_ID, DIRECTORY_ACCOUNT.NAME,
                        DIRECTORY_ACCOUNT.EMAIL, DIRECTORY_ACCOUNT.STATUS, DIRECTORY_ACCOUNT.OU_PATH)
                .values(accountA, child, "zz-a-" + run, "a@example.com", "ACTIVE", "Root / Top / Child")
                .values(accountB, top, "zz-b-" + run, "b@example.com", "ACTIVE", "Root / Top").execute();
        db.insertInto(DIRECTORY_PERMISSION_SET, DIRECTORY_PERMISSION_SET.ARN, DIRECTORY_PERMISSION_SET.NAME,
                        DIRECTORY_PERMISSION_SET.DESCRIPTION, DIRECTORY_PERMISSION_SET.SESSION_DURATION,
                        DIRECTORY_PERMISSION_SET.RELAY_STATE, DIRECTORY_PERMISSION_SET.MANAGED_POLICIES,
                        DIRECTORY_PERMISSION_SET.CUSTOMER_MANAGED_POLICIES, DIRECTORY_PERMISSION_SET.INLINE_POLICY,
                        DIRECTORY_PERMISSION_SET.PERMISSIONS_BOUNDARY, DIRECTORY_PERMISSION_SET.TAGS)
                .values(read, "Read" + run, "", Duration.ofHours(1), "", List.of(), List.of(), "", "", Map.of())
                .values(admin, "Admin" + run, "", Duration.ofHours(1), "", List.of(), List.of(), "", "", Map.of())
                .execute();
        db.insertInto(DIRECTORY_USER, DIRECTORY_USER.ID, DIRECTORY_USER.USER_NAME, DIRECTORY_USER.DISPLAY_NAME,
                        DIRECTORY_USER.EMAIL, DIRECTORY_USER.ENABLED)
                .values(ada, "ada" + run, "Ada " + run, "ada@example.com", true)
                .values(bo, "bo" + run, "Bo " + run, "bo@example.com", true).execute();
        db.insertInto(DIRECTORY_GROUP, DIRECTORY_GROUP.ID, DIRECTORY_GROUP.DISPLAY_NAME, DIRECTORY_GROUP.DESCRIPTION)
                .values(groupOne, "One " + run, "").values(groupTwo, "Two " + run, "").execute();
        db.insertInto(DIRECTORY_GROUP_MEMBER, DIRECTORY_GROUP_MEMBER.GROUP_ID, DIRECTORY_GROUP_MEMBER.USER_ID)
                .values(groupOne, ada).values(groupTwo, ada).values(groupOne, bo).execute();
        db.insertInto(DIRECTORY_ASSIGNMENT, DIRECTORY_ASSIGNMENT.ACCOUNT_ID, DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN,
                        DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE, DIRECTORY_ASSIGNMENT.PRINCIPAL_ID)
                .values(accountA, read, "USER", ada)
                .values(accountA, admin, "GROUP", groupOne)
                .values(accountA, admin, "GROUP", groupTwo)
                .values(accountB, read, "GROUP", groupOne).execute();
        TestUsers.signIn(TestUsers.AUDITOR);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void direct_access_is_held_by_the_person_with_the_assignments_keys_and_first_sighting() {
        List<AccessHolding> rows = page(InventoryScope.ORGANIZATION.ofPerson(ada).onAccount(accountA)
                .ofPermissionSet(read));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.held().how()).isEqualTo(How.DIRECT);
            assertThat(row.key()).isEqualTo(new AccessHolding.Key(new AccountId(accountA), new PermissionSetArn(read),
                    PrincipalType.USER, ada));
            assertThat(row.person()).isEqualTo(new AccessHolding.Person(ada, "ada" + suffix(), "Ada " + suffix()));
            assertThat(row.firstSeen()).isPresent();
            assertThat(row.madeByGatehouse()).isFalse();
        });
    }

    @Test
    void access_through_groups_is_one_row_per_group_keyed_by_the_group() {
        List<AccessHolding> rows = page(InventoryScope.ORGANIZATION.ofPerson(ada).ofPermissionSet(admin));

        assertThat(rows).extracting(row -> row.held().how(), row -> row.key().principalType(),
                        row -> row.key().principalId(), row -> row.held().groupName())
                .containsExactly(tuple(How.GROUP, PrincipalType.GROUP, groupOne, "One " + suffix()),
                        tuple(How.GROUP, PrincipalType.GROUP, groupTwo, "Two " + suffix()));
    }

    @Test
    void an_account_scope_lists_everyone_on_it() {
        assertThat(page(InventoryScope.ORGANIZATION.onAccount(accountA)))
                .extracting(row -> row.person().userId(), row -> row.permissionSet().arn(), row -> row.held().how())
                .containsExactlyInAnyOrder(tuple(ada, read, How.DIRECT), tuple(ada, admin, How.GROUP),
                        tuple(ada, admin, How.GROUP), tuple(bo, admin, How.GROUP));
    }

    @Test
    void an_ou_scope_includes_the_accounts_of_nested_ous() {
        assertThat(page(InventoryScope.ORGANIZATION.inOu(child))).extracting(row -> row.account().id())
                .hasSize(4).containsOnly(accountA);
        assertThat(page(InventoryScope.ORGANIZATION.inOu(top))).extracting(row -> row.account().id())
                .hasSize(6).containsOnly(accountA, accountB);
    }

    @Test
    void permission_set_person_and_group_scopes_narrow_and_combine() {
        assertThat(page(InventoryScope.ORGANIZATION.ofPermissionSet(read))).extracting(row -> row.person().userId())
                .containsExactlyInAnyOrder(ada, ada, bo);
        assertThat(page(InventoryScope.ORGANIZATION.ofPerson(bo))).extracting(row -> row.account().id())
                .containsExactlyInAnyOrder(accountA, accountB);
        assertThat(page(InventoryScope.ORGANIZATION.throughGroup(groupTwo)))
                .extracting(row -> row.person().userId(), row -> row.account().id())
                .containsExactly(tuple(ada, accountA));
        assertThat(page(InventoryScope.ORGANIZATION.throughGroup(groupOne).onAccount(accountB)))
                .extracting(row -> row.person().userId()).containsExactlyInAnyOrder(ada, bo);
    }

    @Test
    void pages_follow_one_stable_order_and_add_up_to_the_count() {
        InventoryScope scope = InventoryScope.ORGANIZATION.inOu(top);
        List<AccessHolding> paged = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 4) {
            paged.addAll(inventory.page(scope, InventoryOrder.BY_PERSON, offset, 4));
        }
        List<AccessHolding> streamed = new ArrayList<>();
        inventory.each(scope, InventoryOrder.BY_PERSON, streamed::add);

        assertThat(inventory.count(scope)).isEqualTo(6);
        assertThat(paged).hasSize(6).doesNotHaveDuplicates().isEqualTo(streamed);
        assertThat(paged).extracting(row -> row.person().displayName()).isSorted();
        assertThat(inventory.page(scope, InventoryOrder.BY_ACCOUNT, 0, 10)).extracting(row -> row.account().name())
                .isSorted();
    }

    @Test
    void keys_and_first_sighting_stay_when_names_change() {
        AccessHolding before = page(InventoryScope.ORGANIZATION.throughGroup(groupTwo)).get(0);
        db.update(DIRECTORY_GROUP).set(DIRECTORY_GROUP.DISPLAY_NAME, "Renamed").where(DIRECTORY_GROUP.ID.eq(groupTwo))
                .execute();
        db.update(DIRECTORY_ACCOUNT).set(DIRECTORY_ACCOUNT.NAME, "renamed").where(DIRECTORY_ACCOUNT.ID.eq(accountA))
                .execute();

        AccessHolding after = page(InventoryScope.ORGANIZATION.throughGroup(groupTwo)).get(0);

        assertThat(after.key()).isEqualTo(before.key());
        assertThat(after.firstSeen()).isEqualTo(before.firstSeen());
        assertThat(after.held().groupName()).isEqualTo("Renamed");
    }

    @Test
    void a_full_sync_keeps_the_first_sighting_of_assignments_it_sees_again(@Autowired DirectorySyncJob sync) {
        var demo = db.selectFrom(DIRECTORY_ASSIGNMENT).where(DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE.eq("USER"))
                .limit(1).fetchOne();
        OffsetDateTime longAgo = OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        db.update(DIRECTORY_ASSIGNMENT).set(DIRECTORY_ASSIGNMENT.FIRST_SEEN, longAgo)
                .where(DIRECTORY_ASSIGNMENT.ACCOUNT_ID.eq(demo.getAccountId()),
                        DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN.eq(demo.getPermissionSetArn()),
                        DIRECTORY_ASSIGNMENT.PRINCIPAL_ID.eq(demo.getPrincipalId())).execute();

        assertThat(sync.run(SyncTrigger.MANUAL, null)).get().extracting(SyncRun::status)
                .isEqualTo(SyncStatus.SUCCEEDED);

        assertThat(page(InventoryScope.ORGANIZATION.ofPerson(demo.getPrincipalId())
                .onAccount(demo.getAccountId()).ofPermissionSet(demo.getPermissionSetArn())))
                .filteredOn(row -> row.held().how() == How.DIRECT).singleElement()
                .satisfies(row -> assertThat(row.firstSeen()).contains(longAgo.toInstant()));
    }

    @Test
    void an_active_grant_is_listed_as_the_grant_and_as_made_by_gatehouse() {
        rules.clear();
        String onAccount = accounts.fresh().id();
        String readOnly = rules.permissionSetArn("ReadOnlyAccess");
        String riley = rules.userId(TestUsers.REQUESTER);
        InventoryScope triple = InventoryScope.ORGANIZATION.ofPerson(riley).onAccount(onAccount)
                .ofPermissionSet(readOnly);
        assertThat(page(triple)).as("Riley holds nothing there before").isEmpty();
        rules.save(TestRules.draft("Automatic", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", readOnly, 0,
                ApproverType.NONE, ""));
        long sent = as(TestUsers.REQUESTER, () -> access.submit(new RequestForm(readOnly, List.of(onAccount),
                Duration.ofHours(1), Optional.empty(), "Inventory test", "")).get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(TestUsers.REQUESTER, () -> access.myRequests(0, 200))
                .stream().filter(r -> r.id() == sent).findFirst().flatMap(RequestSummary::grant)
                .filter(g -> g.status() == GrantStatus.ACTIVE).isPresent());

        assertThat(page(triple)).singleElement().satisfies(row -> {
            assertThat(row.held().how()).isEqualTo(How.GRANT);
            assertThat(row.held().grant()).get().satisfies(grant -> assertThat(grant.requestId()).isEqualTo(sent));
            assertThat(row.key()).isEqualTo(new AccessHolding.Key(new AccountId(onAccount),
                    new PermissionSetArn(readOnly), PrincipalType.USER, riley));
            assertThat(row.madeByGatehouse()).isTrue();
            assertThat(row.firstSeen()).as("the sync has not seen it yet").isEmpty();
        });
    }

    @Test
    void a_standing_assignment_stays_listed_as_standing_while_a_grant_holds_it_and_after_the_grant_ends(
            @Autowired Sandbox sandbox, @Autowired DirectorySyncJob sync, @Autowired GrantService grants) {
        rules.clear();
        String onAccount = accounts.fresh().id();
        String readOnly = rules.permissionSetArn("ReadOnlyAccess");
        String riley = rules.userId(TestUsers.REQUESTER);
        sandbox.organization().add(new SandboxOrganization.Assignment(onAccount, readOnly, "USER", riley));
        assertThat(sync.run(SyncTrigger.MANUAL, null)).get().extracting(SyncRun::status)
                .isEqualTo(SyncStatus.SUCCEEDED);
        InventoryScope triple = InventoryScope.ORGANIZATION.ofPerson(riley).onAccount(onAccount)
                .ofPermissionSet(readOnly);
        rules.save(TestRules.draft("Automatic", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", readOnly, 0,
                ApproverType.NONE, ""));
        long sent = as(TestUsers.REQUESTER, () -> access.submit(RequesterSteps.form(readOnly, onAccount, "")).get(0));
        GrantSummary grant = RequesterSteps.awaitGrant(access, sent, GrantStatus.ACTIVE);

        assertThat(page(triple)).as("while the grant is active").extracting(row -> row.held().how(),
                AccessHolding::madeByGatehouse).containsExactlyInAnyOrder(tuple(How.DIRECT, false),
                tuple(How.GRANT, false));

        RequesterSteps.giveBack(grants, grant);
        RequesterSteps.awaitGrant(access, sent, GrantStatus.REVOKED);

        assertThat(page(triple)).as("after the grant was given back").singleElement()
                .satisfies(row -> assertThat(row.held().how()).isEqualTo(How.DIRECT));
    }

    @Test
    void an_accounts_and_a_persons_access_show_approved_grants_as_just_in_time_after_a_sync(
            @Autowired DirectorySyncJob sync) {
        rules.clear();
        String onAccount = accounts.fresh().id();
        String riley = rules.userId(TestUsers.REQUESTER);
        List<GrantSummary> granted = new ArrayList<>();
        for (String name : List.of("Developer", "AdministratorAccess")) {
            String arn = rules.permissionSetArn(name);
            rules.save(TestRules.draft("Manager approves " + name, RequesterType.USER, riley, ScopeType.ORGANIZATION,
                    "", arn, 1, ApproverType.MANAGER, ""));
            long sent = as(TestUsers.REQUESTER, () -> access.submit(RequesterSteps.form(arn, onAccount, "")).get(0));
            as(TestUsers.APPROVER, () -> access.decide(sent, true, "Go ahead"));
            granted.add(RequesterSteps.awaitGrant(access, sent, GrantStatus.ACTIVE));
        }
        assertThat(sync.run(SyncTrigger.MANUAL, null)).get().extracting(SyncRun::status)
                .isEqualTo(SyncStatus.SUCCEEDED);

        for (InventoryScope scope : List.of(InventoryScope.ORGANIZATION.onAccount(onAccount),
                InventoryScope.ORGANIZATION.ofPerson(riley))) {
            List<AccessHolding> rows = as(TestUsers.AUDITOR, () -> inventory.page(scope,
                    new DirectoryPage("", DirectorySort.ACCOUNT, false, 0, 1000)));
            assertThat(rows).filteredOn(row -> row.person().userId().equals(riley)
                            && row.account().id().equals(onAccount) && row.held().how() != How.GROUP)
                    .extracting(row -> row.permissionSet().name(), row -> row.held().how(),
                            row -> row.held().grant().map(AccessHolding.Grant::endsAt).orElse(null),
                            row -> row.firstSeen().isPresent())
                    .containsExactlyInAnyOrder(
                            tuple("Developer", How.GRANT, granted.get(0).endsAt(), true),
                            tuple("AdministratorAccess", How.GRANT, granted.get(1).endsAt(), true));
        }
    }

    @Test
    void only_auditors_and_admins_may_read_the_inventory() {
        TestUsers.signIn(TestUsers.REQUESTER);

        assertThatThrownBy(() -> inventory.count(InventoryScope.ORGANIZATION))
                .isInstanceOf(AccessDeniedException.class);
    }

    private List<AccessHolding> page(InventoryScope scope) {
        return as(TestUsers.AUDITOR, () -> inventory.page(scope, InventoryOrder.BY_ACCOUNT, 0, 100));
    }

    private String suffix() {
        return ada.substring("u-ada-".length());
    }
}
