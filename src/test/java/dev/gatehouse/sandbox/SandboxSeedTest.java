package dev.gatehouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.gatehouse.sandbox.SandboxOrganization.Account;
import dev.gatehouse.sandbox.SandboxOrganization.Assignment;
import dev.gatehouse.sandbox.SandboxOrganization.OrganizationalUnit;
import dev.gatehouse.sandbox.SandboxOrganization.User;

/** The demo organization tells the story the README and the sign-in page tell. */
class SandboxSeedTest {

    private static final Pattern ACCOUNT_NAME = Pattern.compile("([a-z]+)-(prod|staging|dev|sandbox)(-[0-9]+)?");
    private static final Map<String, String> ENVIRONMENT_OF_STAGE = Map.of("prod", "Production", "staging",
            "Staging", "dev", "Development", "sandbox", "Sandbox");

    private final SandboxOrganization demo = SandboxSeed.generate(SandboxSeed.Size.DEMO, 42);

    @Test
    void payments_prod_sits_in_production_commerce_payments() {
        assertThat(path(demo, account(demo, "payments-prod"))).containsExactly("Production", "Commerce", "Payments");
        assertThat(path(demo, account(demo, "payments-dev"))).containsExactly("Development", "Commerce", "Payments");
        assertThat(path(demo, account(demo, "management"))).isEmpty();
    }

    @Test
    void every_account_sits_under_the_environment_domain_and_team_its_name_says() {
        for (SandboxOrganization org : List.of(demo, SandboxSeed.generate(new SandboxSeed.Size(300, 3, 4, 50, 15,
                12, 40, 20), 3))) {
            for (Account account : org.accounts()) {
                if (account.name().equals("management")) {
                    continue;
                }
                Matcher name = ACCOUNT_NAME.matcher(account.name());
                assertThat(name.matches()).as(account.name()).isTrue();
                String team = name.group(1);
                List<String> path = path(org, account);
                assertThat(path).as(account.name()).isNotEmpty();
                assertThat(path.get(0)).as(account.name() + " is under its environment")
                        .startsWith(ENVIRONMENT_OF_STAGE.get(name.group(2)));
                if (path.size() > 1) {
                    assertThat(domainOf(team).unit()).as(account.name() + " is under its team's domain")
                            .isEqualTo(path.get(1).replaceAll(" [0-9]+$", ""));
                }
                if (path.size() > 2) {
                    assertThat(path.get(2).toLowerCase()).as(account.name() + " is under its team")
                            .startsWith(team);
                }
            }
        }
    }

    @Test
    void the_demo_has_every_environment_of_its_teams_and_no_account_twice() {
        List<String> names = demo.accounts().stream().map(Account::name).toList();

        assertThat(names).hasSize(40).doesNotHaveDuplicates()
                .contains("payments-prod", "payments-staging", "payments-dev", "checkout-prod", "platform-prod");
        assertThat(demo.units()).filteredOn(u -> u.parentId().equals(SandboxOrganization.ROOT_ID))
                .extracting(OrganizationalUnit::name).containsExactly("Production", "Staging", "Development");
    }

    @Test
    void riley_holds_no_standing_administrator_access_or_break_glass_and_three_chosen_direct_assignments() {
        String riley = user(demo, "riley.chen").id();
        Set<String> rileysGroups = demo.memberships().stream().filter(m -> m.userId().equals(riley))
                .map(SandboxOrganization.Membership::groupId).collect(Collectors.toSet());
        Map<String, String> setNames = demo.permissionSets().stream()
                .collect(Collectors.toMap(SandboxOrganization.PermissionSet::arn,
                        SandboxOrganization.PermissionSet::name));
        Map<String, String> accountNames = demo.accounts().stream()
                .collect(Collectors.toMap(Account::id, Account::name));

        List<Assignment> held = demo.assignments().stream().filter(a -> a.principalId().equals(riley)
                || a.principalType().equals("GROUP") && rileysGroups.contains(a.principalId())).toList();

        assertThat(held).isNotEmpty().extracting(a -> setNames.get(a.permissionSetArn()))
                .doesNotContain("AdministratorAccess", "BreakGlass");
        assertThat(held).filteredOn(a -> a.principalType().equals("USER"))
                .extracting(a -> setNames.get(a.permissionSetArn()) + " on " + accountNames.get(a.accountId()))
                .containsExactlyInAnyOrder("Developer on payments-dev", "ReadOnlyAccess on checkout-prod",
                        "SupportUser on payments-prod");
    }

    @Test
    void no_persona_holds_standing_access_drawn_at_random() {
        Set<String> personas = SandboxPersonas.ALL.stream().map(p -> user(demo, p.userName()).id())
                .collect(Collectors.toSet());

        assertThat(demo.assignments()).filteredOn(a -> personas.contains(a.principalId())).hasSize(3);
    }

    @Test
    void avery_and_morgan_have_people_with_standing_access_in_production_to_review_as_their_manager() {
        Map<String, String> managerOf = demo.users().stream().filter(u -> u.managerId() != null)
                .collect(Collectors.toMap(User::id, User::managerId));
        Set<String> production = demo.accounts().stream().filter(a -> path(demo, a).stream().findFirst()
                .filter("Production"::equals).isPresent()).map(Account::id).collect(Collectors.toSet());
        for (String manager : List.of("avery.patel", "morgan.reyes")) {
            String id = user(demo, manager).id();
            assertThat(demo.assignments()).as(manager + " reviews someone's standing access in Production")
                    .anyMatch(a -> a.principalType().equals("USER") && production.contains(a.accountId())
                            && id.equals(managerOf.get(a.principalId())));
        }
    }

    @Test
    void a_review_of_production_has_riley_direct_and_through_groups_an_admin_a_person_without_a_manager_and_a_disabled_person() {
        Set<String> production = demo.accounts().stream().filter(a -> path(demo, a).stream().findFirst()
                .filter("Production"::equals).isPresent()).map(Account::id).collect(Collectors.toSet());
        String riley = user(demo, "riley.chen").id();
        Set<String> rileysGroups = demo.memberships().stream().filter(m -> m.userId().equals(riley))
                .map(SandboxOrganization.Membership::groupId).collect(Collectors.toSet());
        Map<String, User> users = demo.users().stream().collect(Collectors.toMap(User::id, Function.identity()));
        Set<String> admin = demo.permissionSets().stream().filter(s -> s.name().equals("AdministratorAccess"))
                .map(SandboxOrganization.PermissionSet::arn).collect(Collectors.toSet());
        List<Assignment> inProduction = demo.assignments().stream()
                .filter(a -> production.contains(a.accountId())).toList();
        List<Assignment> toUsers = inProduction.stream().filter(a -> a.principalType().equals("USER")).toList();

        assertThat(inProduction).as("Riley directly").filteredOn(a -> a.principalId().equals(riley)).hasSize(2);
        assertThat(inProduction).as("Riley through a group")
                .anyMatch(a -> a.principalType().equals("GROUP") && rileysGroups.contains(a.principalId()));
        assertThat(toUsers).as("someone holds AdministratorAccess standing")
                .anyMatch(a -> admin.contains(a.permissionSetArn()));
        assertThat(toUsers).as("someone without a manager")
                .anyMatch(a -> users.get(a.principalId()).managerId() == null);
        Set<String> heldInProduction = new HashSet<>();
        inProduction.forEach(a -> heldInProduction.add(a.principalId()));
        demo.memberships().stream().filter(m -> heldInProduction.contains(m.groupId()))
                .forEach(m -> heldInProduction.add(m.userId()));
        assertThat(demo.users()).as("someone disabled, directly or through a group")
                .anyMatch(u -> !u.enabled() && heldInProduction.contains(u.id()));
        assertThat(demo.accounts()).as("accounts with and without an owner tag")
                .anyMatch(a -> production.contains(a.id()) && demo.tagsOf(a.id()).isEmpty())
                .anyMatch(a -> production.contains(a.id()) && !demo.tagsOf(a.id()).isEmpty());
    }

    @Test
    void the_people_on_the_persona_cards_are_who_the_cards_say() {
        Map<String, User> byId = demo.users().stream().collect(Collectors.toMap(User::id, Function.identity()));
        Function<String, String> managerOf = userName -> byId.get(user(demo, userName).managerId()).userName();
        Map<String, Set<String>> groups = groupsByUser(demo);

        assertThat(managerOf.apply("riley.chen")).isEqualTo("avery.patel");
        assertThat(managerOf.apply("avery.patel")).isEqualTo("jordan.kim");
        assertThat(managerOf.apply("morgan.reyes")).isEqualTo("jordan.kim");
        assertThat(groups.get("riley.chen")).contains("payments-team", "engineering");
        assertThat(groups.get("avery.patel")).contains("production-approvers", "engineering-managers");
        assertThat(groups.get("morgan.reyes")).contains("gatehouse-admins");
        assertThat(groups.get("sam.okafor")).containsExactly("gatehouse-auditors");
        assertThat(demo.permissionSets()).extracting(SandboxOrganization.PermissionSet::name)
                .contains("ReadOnlyAccess", "Developer", "AdministratorAccess", "BreakGlass");
    }

    @Test
    void the_personas_groups_come_from_the_identity_provider_and_the_others_are_made_in_the_identity_store() {
        Map<String, String> issuers = demo.groups().stream().collect(Collectors.toMap(
                SandboxOrganization.Group::displayName, g -> String.valueOf(g.externalIssuer())));

        assertThat(issuers).containsEntry("payments-team", SandboxSeed.IDP_ISSUER)
                .containsEntry("gatehouse-admins", SandboxSeed.IDP_ISSUER)
                .containsEntry("contractors", "null").containsEntry("data-team", "null");
    }

    private static SandboxSeed.Domain domainOf(String team) {
        return SandboxSeed.DOMAINS.stream().filter(d -> d.teams().contains(team)).findFirst().orElseThrow();
    }

    /** The names of the OUs from the top down to the account's own. */
    private static List<String> path(SandboxOrganization org, Account account) {
        Map<String, OrganizationalUnit> units = org.units().stream()
                .collect(Collectors.toMap(OrganizationalUnit::id, Function.identity()));
        List<String> names = new ArrayList<>();
        for (OrganizationalUnit unit = units.get(account.parentId()); unit != null; unit = units.get(unit.parentId())) {
            names.add(0, unit.name());
        }
        return names;
    }

    private static Account account(SandboxOrganization org, String name) {
        return org.accounts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static User user(SandboxOrganization org, String userName) {
        return org.users().stream().filter(u -> u.userName().equals(userName)).findFirst().orElseThrow();
    }

    private static Map<String, Set<String>> groupsByUser(SandboxOrganization org) {
        Map<String, String> groupNames = org.groups().stream()
                .collect(Collectors.toMap(SandboxOrganization.Group::id, SandboxOrganization.Group::displayName));
        Map<String, String> userNames = org.users().stream().collect(Collectors.toMap(User::id, User::userName));
        return org.memberships().stream().collect(Collectors.groupingBy(m -> userNames.get(m.userId()),
                Collectors.mapping(m -> groupNames.get(m.groupId()), Collectors.toSet())));
    }
}
