package dev.gatehouse.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

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
 * Builds a realistic organization from a size, the same for the same seed: nested OUs, accounts named
 * by team and stage, people with managers (the demo personas among them), groups, permission sets with
 * real-looking policies, and standing user and group assignments.
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

    /** A person the demo sign-in page offers; the same user exists in the sandbox Identity Store. */
    public record Persona(String userName, String givenName, String familyName, String description,
                          List<String> groups, String managerUserName) {

        public String displayName() {
            return givenName + " " + familyName;
        }

        public String email() {
            return userName + "@example.com";
        }
    }

    public static final List<Persona> PERSONAS = List.of(
            new Persona("riley.chen", "Riley", "Chen",
                    "Engineer on the payments team: requests access and gives it back.",
                    List.of("engineering", "payments-team"), "avery.patel"),
            new Persona("avery.patel", "Avery", "Patel",
                    "Engineering manager: Riley's manager and an approver for production accounts.",
                    List.of("engineering", "engineering-managers", "production-approvers"), "jordan.kim"),
            new Persona("morgan.reyes", "Morgan", "Reyes", "Platform admin: edits policies and permission sets.",
                    List.of("platform", "gatehouse-admins"), "jordan.kim"),
            new Persona("sam.okafor", "Sam", "Okafor", "Internal auditor: reads everything, changes nothing.",
                    List.of("gatehouse-auditors"), null),
            new Persona("jordan.kim", "Jordan", "Kim", "Director of engineering: Avery's and Morgan's manager.",
                    List.of("engineering", "engineering-managers"), null));

    private static final List<String> STAGES = List.of("prod", "staging", "dev", "sandbox");
    private static final List<String> TEAMS = List.of("payments", "checkout", "search", "identity", "data",
            "platform", "mobile", "growth", "billing", "risk", "ledger", "catalog", "analytics", "support");
    private static final List<String> UNIT_NAMES = List.of("Workloads", "Infrastructure", "Security", "Sandbox",
            "Production", "Non-production", "Shared services", "Data", "Edge", "Corporate");
    private static final List<String> GROUP_NAMES = List.of("engineering", "engineering-managers",
            "production-approvers", "platform", "gatehouse-admins", "gatehouse-auditors", "payments-team",
            "data-team", "security", "sre-oncall", "finance-readonly", "support-engineers", "mobile-team",
            "search-team", "contractors");
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
        List<String> parents = units(org, size, random);
        accounts(org, size, parents);
        List<String> userIds = users(org, size, random);
        Map<String, String> groupIds = groups(org, size, random);
        memberships(org, userIds, groupIds, random);
        List<String> setArns = permissionSets(org, size, random);
        assignments(org, size, userIds, List.copyOf(groupIds.values()), setArns, random);
        return org;
    }

    private static List<String> units(SandboxOrganization org, Size size, Random random) {
        List<String> all = new ArrayList<>();
        List<String> level = List.of(SandboxOrganization.ROOT_ID);
        int counter = 0;
        for (int depth = 0; depth < size.ouDepth(); depth++) {
            List<String> next = new ArrayList<>();
            for (String parent : level) {
                for (int i = 0; i < size.ousPerLevel() + (depth == 0 ? 1 : 0); i++) {
                    String id = "ou-sbx0-" + String.format("%08x", random.nextInt() & 0x7fffffff);
                    String name = UNIT_NAMES.get(counter % UNIT_NAMES.size())
                            + (counter >= UNIT_NAMES.size() ? " " + (counter / UNIT_NAMES.size() + 1) : "");
                    org.add(new OrganizationalUnit(id, parent, name));
                    next.add(id);
                    counter++;
                }
            }
            all.addAll(next);
            level = next;
        }
        return all.isEmpty() ? List.of(SandboxOrganization.ROOT_ID) : all;
    }

    private static void accounts(SandboxOrganization org, Size size, List<String> parents) {
        org.add(new Account(accountId(0), SandboxOrganization.ROOT_ID, "management", "aws-management@example.com",
                "ACTIVE"));
        for (int i = 1; i < size.accounts(); i++) {
            int n = i - 1;
            String name = TEAMS.get(n % TEAMS.size()) + "-" + STAGES.get((n / TEAMS.size()) % STAGES.size())
                    + (n >= TEAMS.size() * STAGES.size() ? "-" + (n / (TEAMS.size() * STAGES.size()) + 1) : "");
            org.add(new Account(accountId(i), parents.get(i % parents.size()), name, "aws+" + name + "@example.com",
                    i % 97 == 96 ? "SUSPENDED" : "ACTIVE"));
        }
    }

    private static String accountId(int index) {
        return String.format("%012d", 111_100_000_000L + index * 7_919L);
    }

    private static List<String> users(SandboxOrganization org, Size size, Random random) {
        Map<String, String> idsByUserName = new LinkedHashMap<>();
        for (Persona persona : PERSONAS) {
            idsByUserName.put(persona.userName(), uuid(random));
        }
        for (Persona persona : PERSONAS) {
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
            org.add(new Group(id, name, "Members of " + name));
            ids.put(name, id);
        }
        return ids;
    }

    private static void memberships(SandboxOrganization org, List<String> userIds, Map<String, String> groupIds,
                                    Random random) {
        List<String> groups = List.copyOf(groupIds.values());
        for (int p = 0; p < PERSONAS.size(); p++) {
            for (String group : PERSONAS.get(p).groups()) {
                if (groupIds.containsKey(group)) {
                    org.add(new Membership(uuid(random), groupIds.get(group), userIds.get(p)));
                }
            }
        }
        for (int i = PERSONAS.size(); i < userIds.size() && !groups.isEmpty(); i++) {
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
                    boundary, Map.of("owner", i % 2 == 0 ? "platform" : "security")));
            arns.add(arn);
        }
        return arns;
    }

    private static void assignments(SandboxOrganization org, Size size, List<String> userIds, List<String> groupIds,
                                    List<String> setArns, Random random) {
        List<Account> accounts = org.accounts();
        if (accounts.isEmpty() || setArns.isEmpty()) {
            return;
        }
        addAssignments(org, size.userAssignments(), "USER", userIds, accounts, setArns, random);
        addAssignments(org, size.groupAssignments(), "GROUP", groupIds, accounts, setArns, random);
    }

    private static void addAssignments(SandboxOrganization org, int count, String type, List<String> principals,
                                       List<Account> accounts, List<String> setArns, Random random) {
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
            if (org.add(new Assignment(account.id(), set, type, principal))) {
                added++;
            }
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
