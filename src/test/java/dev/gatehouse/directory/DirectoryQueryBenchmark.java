package dev.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestDatabase;
import dev.gatehouse.TestUsers;

/**
 * How fast the directory screens' queries are with 5,000 accounts and 100,000 users in the mirror
 * (written straight into the tables), through the service as a screen calls it. Run: ./mvnw -Pbench verify
 */
@Tag("benchmark")
@SpringBootTest
class DirectoryQueryBenchmark {

    private static final int ROUNDS = 40;

    @Autowired
    private Directory directory;
    @Autowired
    private AccessInventory inventory;
    @Autowired
    private DSLContext db;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void directory_queries_at_5000_accounts_and_100000_users() throws Exception {
        fill();
        TestUsers.signIn(TestUsers.AUDITOR);
        String root = directory.rootId().orElseThrow();
        Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
        queries.put("first page of accounts by name", () -> directory.accounts(DirectoryPage.first(50)));
        queries.put("accounts matching 'team42'", () -> directory.accounts(DirectoryPage.first(50).matching("team42")));
        queries.put("accounts sorted by OU path, page 40", () -> directory.accounts(
                new DirectoryPage("", DirectorySort.PATH, true, 2000, 50)));
        queries.put("first tree level", () -> directory.children(root, 0, 50));
        queries.put("first page of people by name", () -> directory.users(DirectoryPage.first(50)));
        queries.put("people matching 'user4242'", () -> directory.users(DirectoryPage.first(50).matching("user4242")));
        queries.put("people by email, page 1000", () -> directory.users(
                new DirectoryPage("", DirectorySort.EMAIL, false, 50_000, 50)));
        queries.put("a person's access", () -> inventory.page(
                InventoryScope.ORGANIZATION.ofPerson("u-4242"), DirectoryPage.first(50)));
        queries.put("an account's access", () -> inventory.page(
                InventoryScope.ORGANIZATION.onAccount("000000000042"), DirectoryPage.first(50)));
        queries.put("first page of groups", () -> directory.groups(DirectoryPage.first(50)));
        queries.put("groups with the most members", () -> directory.groups(
                new DirectoryPage("", DirectorySort.COUNT, true, 0, 50)));
        queries.put("first page of permission sets", () -> directory.permissionSets(DirectoryPage.first(50)));
        queries.put("permission sets by session duration", () -> directory.permissionSets(
                new DirectoryPage("", DirectorySort.SESSION, true, 0, 50)));
        queries.put("an account's access by person, filtered", () -> inventory.page(
                InventoryScope.ORGANIZATION.onAccount("000000000042"),
                new DirectoryPage("user", DirectorySort.PERSON, false, 0, 50)));

        StringBuilder report = new StringBuilder(String.format(
                "Mirror: 5,000 accounts in 200 OUs, 100,000 users, 10,000 groups, 200,000 memberships, 500 permission "
                        + "sets, 300,000 assignments%n%-40s %8s %8s%n", "query (page of 50)", "p50 ms", "p95 ms"));
        for (var query : queries.entrySet()) {
            assertThat(query.getValue().get()).isNotNull();
            double[] millis = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long start = System.nanoTime();
                query.getValue().get();
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            report.append(String.format("%-40s %8.1f %8.1f%n", query.getKey(), millis[ROUNDS / 2],
                    millis[(int) (ROUNDS * 0.95)]));
        }
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "directory-queries.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void fill() {
        List<String> statements = new ArrayList<>(List.of(
                "truncate directory_ou, directory_account, directory_user, directory_group, directory_group_member, "
                        + "directory_permission_set, directory_provisioned, directory_assignment",
                "insert into directory_ou select 'ou-' || g, 'r-bench', 'Unit ' || g, 'Root / Unit ' || g, 1 "
                        + "from generate_series(1, 200) g",
                "insert into directory_account select lpad(g::text, 12, '0'), 'ou-' || (g % 200 + 1), "
                        + "'team' || (g % 300) || '-' || (array['prod', 'staging', 'dev'])[g % 3 + 1] || '-' || g, "
                        + "'acct' || g || '@example.com', 'ACTIVE', 'Root / Unit ' || (g % 200 + 1) "
                        + "from generate_series(1, 5000) g",
                "insert into directory_user select 'u-' || g, 'user' || g, 'Person ' || g, 'user' || g || '@example.com', "
                        + "true, case when g > 100 then 'u-' || (g % 100 + 1) end from generate_series(1, 100000) g",
                "insert into directory_group select 'g-' || g, 'group-' || g, 'Group ' || g "
                        + "from generate_series(1, 10000) g",
                "insert into directory_group_member select 'g-' || (g % 10000 + 1), 'u-' || (g % 100000 + 1) "
                        + "from generate_series(1, 200000) g on conflict do nothing",
                "insert into directory_permission_set select 'arn:aws:sso:::permissionSet/ssoins-b/ps-' || g, 'Set' || g, "
                        + "'', 'PT1H', '', '{}', '{}', '', '', '{}' from generate_series(1, 500) g",
                "insert into directory_assignment select lpad((g % 5000 + 1)::text, 12, '0'), "
                        + "'arn:aws:sso:::permissionSet/ssoins-b/ps-' || (g % 500 + 1), 'USER', 'u-' || (g % 100000 + 1) "
                        + "from generate_series(1, 200000) g on conflict do nothing",
                "insert into directory_assignment select lpad((g % 5000 + 1)::text, 12, '0'), "
                        + "'arn:aws:sso:::permissionSet/ssoins-b/ps-' || (g % 500 + 1), 'GROUP', 'g-' || (g % 10000 + 1) "
                        + "from generate_series(1, 100000) g on conflict do nothing",
                "insert into directory_provisioned select distinct account_id, permission_set_arn from directory_assignment",
                // As autovacuum would after a bulk change: merges the trigram indexes' pending entries.
                "vacuum analyze"));
        // Truncating is the owner's: the application role may only delete.
        DSLContext owner = DSL.using(TestDatabase.asOwner(), SQLDialect.POSTGRES);
        statements.forEach(owner::execute);
    }
}
