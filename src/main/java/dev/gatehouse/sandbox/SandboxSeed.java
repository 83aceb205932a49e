package dev.gatehouse.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.gatehouse.sandbox.SandboxOrganization.Account;
import dev.gatehouse.sandbox.SandboxOrganization.Assignment;
import dev.gatehouse.sandbox.SandboxOrganization.CustomerManagedPolicy;
import dev.gatehouse.sandbox.SandboxOrganization.Group;
import dev.gatehouse.sandbox.SandboxOrganization.ManagedPolicy;
import dev.gatehouse.sandbox.SandboxOrganization.Membership;
import dev.gatehouse.sandbox.SandboxOrganization.OrganizationalUnit;
import dev.gatehouse.sandbox.SandboxOrganization.PermissionSet;
import dev.gatehouse.sandbox.SandboxOrganization.User;

/**
 * Builds a realistic organization from a size, the same for the same seed: OUs by environment, domain
 * and team, accounts named for the team and environment they sit under (payments-prod in Production /
 * Commerce / Payments), people with managers (the demo personas among them), groups, permission sets
 * with real-looking policies, and standing user and group assignments.
 */
public final class SandboxSeed {

    /**
     * @param ouDepth          levels of OUs below the root
     * @param ousPerLevel      children of each OU on the level above
     * @param userAssignments  standing assignments to users
     * @param groupAssignments standing assignments to groups
     */
    public record Size(int accounts, int ouDepth, int ousPerLevel, int users, int groups, int permissionSets,
                       int userAssignments, int groupAssignments) {

        /** The demo organization: about 40 accounts in 3 levels of OUs, 120 people, 15 groups, 12 sets. */
        public static final Size DEMO = new Size(40, 3, 2, 120, 15, 12, 180, 120);

        /** Issue 3's benchmark: 2,000 accounts, 50,000 users, 5,000 groups, 500 sets, 200,000 assignments. */
        public static final Size BENCHMARK = new Size(2000, 3, 4, 50_000, 5_000, 500, 150_000, 50_000);
    }

    /** The top level of the OU tree: one OU per environment, whose stage every account below it is named for. */
    public record Environment(String unit, String stage) {
    }

    public static final List<Environment> ENVIRONMENTS = List.of(new Environment("Production", "prod"),
            new Environment("Staging", "staging"), new Environment("Development", "dev"),
            new Environment("Sandbox", "sandbox"));

    /** The second level: business domains with their teams. The third level is one OU per team. */
    public record Domain(String unit, List<String> teams) {
    }

    public static final List<Domain> DOMAINS = List.of(
            new Domain("Commerce", List.of("payments", "checkout", "billing", "ledger")),
            new Domain("Discovery", List.of("search", "catalog", "growth", "mobile")),
            new Domain("Insights", List.of("data", "analytics", "risk", "ml")),
            new Domain("Foundations", List.of("platform", "identity", "network", "support")));

    private static final List<String> TEAMS = DOMAINS.stream().flatMap(d -> d.teams().stream()).toList();

    /** What the demo hands out just in time: no persona holds these standing, directly or through a group. */
    private static final Set<String> JUST_IN_TIME_ONLY = Set.of("AdministratorAccess", "BreakGlass");

    private static final List<String> GROUP_NAMES = List.of("engineering", "engineering-managers",
            "production-approvers", "platform", "gatehouse-admins", "gatehouse-auditors", "payments-team",
            "data-team", "security", "sre-oncall", "finance-readonly", "support-engineers", "mobile-team",
            "search-team", "contractors");
    /** The issuer AWS records in a SCIM-provisioned group's ExternalIds. */
    static final String IDP_ISSUER = "https://idp.example.com/scim/v2";
    private static final Set<String> PERSONA_GROUPS = SandboxPersonas.ALL.stream()
            .flatMap(p -> p.groups().stream()).collect(Collectors.toUnmodifiableSet());
    private static final List<String> GIVEN = List.of("Alex", "Blake", "Casey", "Drew", "Emery", "Finley", "Gray",
            "Harper", "Indra", "Jules", "Kai", "Lane", "Mina", "Noor", "Oren", "Priya", "Quinn", "Rowan", "Sasha",
            "Tariq", "Uma", "Vik", "Wren", "Yara", "Zane");
    private static final List<String> FAMILY = List.of("Adams", "Bauer", "Costa", "Dubois", "Eze", "Fischer",
            "Garcia", "Haddad", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Olsen", "Park",
            "Quintero", "Rossi", "Silva", "Tanaka", "Urban", "Varga", "Weber", "Xu", "Yilmaz", "Zhang");

    private SandboxSeed() {
    }

    public static SandboxOrganization generate(Size size, long seed) {
        Random random = new Random(seed);
        SandboxOrganization org = new SandboxOrganization();
        List<Unit> units = units(org, size, random);
        accounts(org, size, units);
        List<String> userIds = users(org, size, random);
        Map<String, String> groupIds = groups(org, size, random);
        memberships(org, userIds, groupIds, random);
        List<String> setArns = permissionSets(org, size, random);
        assignments(org, size, userIds, groupIds, setArns, random);
        if (size.userAssignments() > 0) {
            personaAssignments(org, userIds);
        }
        return org;
    }

    /**
     * An OU of the generated tree: the top-level OU it is under (its environment) and the teams it covers,
     * all of them for an environment, a domain's for a domain, one for a team.
     */
    private record Unit(String id, String name, int depth, String parentId, int top, Environment environment,
                        List<String> teams) {
    }

    /** Environments, then domains, then teams, each level as wide as the size says; deeper levels split a team. */
    private static List<Unit> units(SandboxOrganization org, Size size, Random random) {
        List<Unit> all = new ArrayList<>();
        List<Unit> level = new ArrayList<>();
        for (int depth = 0; depth < size.ouDepth(); depth++) {
            List<Unit> next = new ArrayList<>();
            for (Unit parent : depth == 0 ? List.<Unit>of() : level) {
                for (int i = 0; i < size.ousPerLevel(); i++) {
                    next.add(child(parent, i, random));
                }
            }
            for (int i = 0; depth == 0 && i < size.ousPerLevel() + 1; i++) {
                Environment environment = ENVIRONMENTS.get(i % ENVIRONMENTS.size());
                next.add(new Unit(unitId(random), numbered(environment.unit(), i, ENVIRONMENTS.size()), 0,
                        SandboxOrganization.ROOT_ID, i, environment, TEAMS));
            }
            next.forEach(unit -> org.add(new OrganizationalUnit(unit.id(), unit.parentId(), unit.name())));
            all.addAll(next);
            level = next;
        }
        return all;
    }

    private static Unit child(Unit parent, int i, Random random) {
        String id = unitId(random);
        return switch (parent.depth()) {
            case 0 -> {
                Domain domain = DOMAINS.get(i % DOMAINS.size());
                yield new Unit(id, numbered(domain.unit(), i, DOMAINS.size()), 1, parent.id(), parent.top(),
                        parent.environment(), domain.teams());
            }
            case 1 -> {
                String team = parent.teams().get(i % parent.teams().size());
                yield new Unit(id, numbered(Character.toUpperCase(team.charAt(0)) + team.substring(1), i,
                        parent.teams().size()), 2, parent.id(), parent.top(), parent.environment(), List.of(team));
            }
            default -> new Unit(id, parent.name() + " " + (i + 1), parent.depth() + 1, parent.id(), parent.top(),
                    parent.environment(), parent.teams());
        };
    }

    /** "Commerce", and "Commerce 2" for the second time round a list of that many names. */
    private static String numbered(String name, int index, int names) {
        return index < names ? name : name + " " + (index / names + 1);
    }

    private static String unitId(Random random) {
        return "ou-sbx0-" + String.format("%08x", random.nextInt() & 0x7fffffff);
    }

    /**
     * The management account at the root, then accounts named team-stage, each in the most specific OU
     * for its team under its environment: payments-prod in Production / Commerce / Payments where that
     * team OU exists, else in Production / Commerce, else in Production. Team by team, every environment
     * in turn, so a small organization has whole teams; a second round adds payments-prod-2 and so on.
     */
    private static void accounts(SandboxOrganization org, Size size, List<Unit> units) {
        org.add(new Account(accountId(0), SandboxOrganization.ROOT_ID, "management", "aws-management@example.com",
                "ACTIVE"));
        org.tag(accountId(0), Map.of(OWNER_TAG, "platform"));
        List<Unit> tops = units.stream().filter(u -> u.depth() == 0).toList();
        List<Map.Entry<String, Unit>> places = new ArrayList<>();
        for (String team : TEAMS) {
            if (tops.isEmpty()) {
                ENVIRONMENTS.forEach(environment -> places.add(Map.entry(team, new Unit(SandboxOrganization.ROOT_ID,
                        "Root", -1, "", 0, environment, TEAMS))));
            }
            for (Unit top : tops) {
                units.stream().filter(u -> u.top() == top.top() && holdsItself(u, team, units))
                        .forEach(u -> places.add(Map.entry(team, u)));
            }
        }
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 1; i < size.accounts(); i++) {
            Map.Entry<String, Unit> place = places.get((i - 1) % places.size());
            String base = place.getKey() + "-" + place.getValue().environment().stage();
            int occurrence = taken.merge(base, 1, Integer::sum);
            String name = occurrence == 1 ? base : base + "-" + occurrence;
            org.add(new Account(accountId(i), place.getValue().id(), name, "aws+" + name + "@example.com",
                    i % 97 == 96 ? "SUSPENDED" : "ACTIVE"));
            org.tag(accountId(i), ownerTag(place.getKey(), place.getValue().environment().stage()));
        }
    }

    /** The tag key Gatehouse reads owners from by default. */
    public static final String OWNER_TAG = "owner";

    /**
     * Who an account's owner tag names, in each form Gatehouse reads: a manager's email for Commerce, the
     * team's group where it has one, a userName elsewhere. The ledger team's and sandbox accounts have no
     * owner, and checkout's staging account names someone who has left, as happens in real organizations.
     */
    private static Map<String, String> ownerTag(String team, String stage) {
        if (team.equals("ledger") || stage.equals("sandbox")) {
            return Map.of();
        }
        if (team.equals("checkout") && stage.equals("staging")) {
            return Map.of(OWNER_TAG, "casey.left@example.com");
        }
        if (DOMAINS.get(0).teams().contains(team)) {
            return Map.of(OWNER_TAG, "avery.patel@example.com");
        }
        if (GROUP_NAMES.contains(team + "-team")) {
            return Map.of(OWNER_TAG, team + "-team");
        }
        return Map.of(OWNER_TAG, DOMAINS.get(3).teams().contains(team) ? "morgan.reyes" : "jordan.kim");
    }

    /** Whether the unit covers the team and no OU below it does. */
    private static boolean holdsItself(Unit unit, String team, List<Unit> units) {
        return unit.teams().contains(team)
                && units.stream().noneMatch(u -> u.parentId().equals(unit.id()) && u.teams().contains(team));
    }

    private static String accountId(int index) {
        return String.format("%012d", 111_100_000_000L + index * 7_919L);
    }

    private static List<String> users(SandboxOrganization org, Size size, Random random) {
        Map<String, String> idsByUserName = new LinkedHashMap<>();
        for (SandboxPersonas.Persona persona : SandboxPersonas.ALL) {
            idsByUserName.put(persona.userName(), uuid(random));
        }
        for (SandboxPersonas.Persona persona : SandboxPersonas.ALL) {
            org.add(new User(idsByUserName.get(persona.userName()), persona.userName(), persona.givenName(),
                    persona.familyName(), persona.email(),
                    persona.managerUserName() == null ? null : idsByUserName.get(persona.managerUserName()), true));
        }
        List<String> ids = new ArrayList<>(idsByUserName.values());
        int managers = Math.max(1, size.users() / 10);
        for (int i = ids.size(); i < size.users(); i++) {
            String given = GIVEN.get(random.nextInt(GIVEN.size()));
            String family = FAMILY.get(random.nextInt(FAMILY.size()));
            String userName = (given + "." + family).toLowerCase() + i;
            String id = uuid(random);
            String manager = i < managers ? null : ids.get(random.nextInt(Math.min(managers, ids.size())));
            org.add(new User(id, userName, given, family, userName + "@example.com", manager, i % 53 != 52));
            ids.add(id);
        }
        return ids;
    }

    private static Map<String, String> groups(SandboxOrganization org, Size size, Random random) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < size.groups(); i++) {
            String name = i < GROUP_NAMES.size() ? GROUP_NAMES.get(i) : "team-" + (i + 1);
            String id = uuid(random);
            // The personas' groups come from the company's IdP by SCIM; the others are made in the Identity Store.
            org.add(new Group(id, name, "Members of " + name, PERSONA_GROUPS.contains(name) ? IDP_ISSUER : null));
            ids.put(name, id);
        }
        return ids;
    }

    private static void memberships(SandboxOrganization org, List<String> userIds, Map<String, String> groupIds,
                                    Random random) {
        List<String> groups = List.copyOf(groupIds.values());
        for (int p = 0; p < SandboxPersonas.ALL.size(); p++) {
            for (String group : SandboxPersonas.ALL.get(p).groups()) {
                if (groupIds.containsKey(group)) {
                    org.add(new Membership(uuid(random), groupIds.get(group), userIds.get(p)));
                }
            }
        }
        for (int i = SandboxPersonas.ALL.size(); i < userIds.size() && !groups.isEmpty(); i++) {
            int count = 1 + random.nextInt(3);
            for (int g = 0; g < count; g++) {
                String group = groups.get(random.nextInt(groups.size()));
                org.add(new Membership(uuid(random), group, userIds.get(i)));
            }
        }
    }

    private static List<String> permissionSets(SandboxOrganization org, Size size, Random random) {
        record Template(String name, String description, String duration, String managed, String inline) {
        }
        List<Template> templates = List.of(
                new Template("AdministratorAccess", "Full access to every service", "PT1H",
                        "AdministratorAccess", null),
                new Template("ReadOnlyAccess", "Read every resource, change nothing", "PT4H", "ReadOnlyAccess", null),
                new Template("PowerUserAccess", "Everything but IAM and Organizations", "PT2H",
                        "PowerUserAccess", null),
                new Template("ViewOnlyAccess", "List and describe resources", "PT12H", "job-function/ViewOnlyAccess",
                        null),
                new Template("BillingReadOnly", "Read billing and cost data", "PT8H", "AWSBillingReadOnlyAccess",
                        null),
                new Template("SecurityAudit", "Read security configuration", "PT4H", "SecurityAudit", null),
                new Template("DatabaseAdmin", "Administer RDS and DynamoDB", "PT1H", null,
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"rds:*\","
                                + "\"dynamodb:*\"],\"Resource\":\"*\"}]}"),
                new Template("S3DataReader", "Read data lake buckets", "PT8H", null,
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
                                + "\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::data-lake-*\","
                                + "\"arn:aws:s3:::data-lake-*/*\"]}]}"),
                new Template("NetworkAdmin", "Manage VPCs, routing and DNS", "PT2H", "job-function/NetworkAdministrator",
                        null),
                new Template("Developer", "Deploy and debug team services", "PT4H", null, null),
                new Template("SupportUser", "Open and manage AWS support cases", "PT8H", "AWSSupportAccess", null),
                new Template("BreakGlass", "Emergency administrator access", "PT1H", "AdministratorAccess", null));
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < size.permissionSets(); i++) {
            Template t = templates.get(i % templates.size());
            String name = i < templates.size() ? t.name() : t.name() + (i / templates.size() + 1);
            String arn = "arn:aws:sso:::permissionSet/ssoins-sandbox0000000001/ps-"
                    + String.format("%016x", random.nextLong());
            List<ManagedPolicy> managed = t.managed() == null ? List.of()
                    : List.of(new ManagedPolicy(t.managed().substring(t.managed().lastIndexOf('/') + 1),
                    "arn:aws:iam::aws:policy/" + t.managed()));
            List<CustomerManagedPolicy> customer = t.name().equals("Developer")
                    ? List.of(new CustomerManagedPolicy("developer-baseline", "/gatehouse/")) : List.of();
            String boundary = t.name().equals("Developer") ? "arn:aws:iam::aws:policy/PowerUserAccess" : null;
            org.add(new PermissionSet(arn, name, t.description(), t.duration(), null, managed, customer, t.inline(),
                    boundary, i % 6 == 5 ? Map.of() : Map.of(OWNER_TAG, i % 2 == 0 ? "platform" : "security")));
            arns.add(arn);
        }
        return arns;
    }

    /**
     * Standing assignments drawn at random, except that the personas get none of their own (their standing
     * access is {@link #personaAssignments}) and their groups never hold AdministratorAccess or BreakGlass.
     */
    private static void assignments(SandboxOrganization org, Size size, List<String> userIds,
                                    Map<String, String> groupIds, List<String> setArns, Random random) {
        List<Account> accounts = org.accounts();
        if (accounts.isEmpty() || setArns.isEmpty()) {
            return;
        }
        Set<String> personas = Set.copyOf(userIds.subList(0, Math.min(SandboxPersonas.ALL.size(), userIds.size())));
        Set<String> personaGroups = SandboxPersonas.ALL.stream().flatMap(p -> p.groups().stream())
                .filter(groupIds::containsKey).map(groupIds::get).collect(Collectors.toSet());
        Set<String> justInTime = org.permissionSets().stream().filter(s -> JUST_IN_TIME_ONLY.contains(s.name()))
                .map(PermissionSet::arn).collect(Collectors.toSet());
        addAssignments(org, size.userAssignments(), "USER", userIds, accounts, setArns, random,
                a -> !personas.contains(a.principalId()));
        addAssignments(org, size.groupAssignments(), "GROUP", List.copyOf(groupIds.values()), accounts, setArns,
                random, a -> !(personaGroups.contains(a.principalId()) && justInTime.contains(a.permissionSetArn())));
    }

    private static void addAssignments(SandboxOrganization org, int count, String type, List<String> principals,
                                       List<Account> accounts, List<String> setArns, Random random,
                                       Predicate<Assignment> allowed) {
        if (principals.isEmpty()) {
            return;
        }
        int added = 0;
        Map<Integer, List<String>> setsByAccount = new HashMap<>();
        for (int attempts = 0; added < count && attempts < count * 5; attempts++) {
            int accountIndex = random.nextInt(accounts.size());
            Account account = accounts.get(accountIndex);
            List<String> sets = setsByAccount.computeIfAbsent(accountIndex, i -> setsOf(i, setArns));
            String set = sets.get(random.nextInt(sets.size()));
            String principal = principals.get(random.nextInt(principals.size()));
            Assignment assignment = new Assignment(account.id(), set, type, principal);
            if (allowed.test(assignment) && org.add(assignment)) {
                added++;
            }
        }
    }

    /**
     * The personas' own standing access, chosen rather than drawn: Riley develops on the payments team's
     * dev account without asking, and holds two assignments in Production that an access review should
     * question (ReadOnlyAccess on checkout-prod, which an access rule already offers just in time, and
     * SupportUser on payments-prod); everything else the demo shows is requested just in time. An organization
     * drawn without standing assignments to people gets none of these either.
     */
    private static void personaAssignments(SandboxOrganization org, List<String> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        String riley = userIds.get(0);
        assign(org, "Developer", "payments-dev", riley);
        assign(org, "ReadOnlyAccess", "checkout-prod", riley);
        assign(org, "SupportUser", "payments-prod", riley);
    }

    private static void assign(SandboxOrganization org, String permissionSet, String account, String userId) {
        var set = org.permissionSets().stream().filter(s -> s.name().equals(permissionSet)).findFirst();
        var target = org.accounts().stream().filter(a -> a.name().equals(account)).findFirst();
        if (set.isPresent() && target.isPresent()) {
            org.add(new Assignment(target.get().id(), set.get().arn(), "USER", userId));
        }
    }

    /** Accounts use a few permission sets each, as in real organizations, not all of them. */
    private static final int SETS_PER_ACCOUNT = 10;

    private static List<String> setsOf(int accountIndex, List<String> setArns) {
        List<String> sets = new ArrayList<>(setArns);
        Collections.shuffle(sets, new Random(accountIndex));
        return sets.subList(0, Math.min(SETS_PER_ACCOUNT, sets.size()));
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
