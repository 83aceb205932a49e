package dev.gatehouse.directory;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import dev.gatehouse.TestDatabase;

/**
 * The sync benchmark's organization written straight into the mirror, with groups to expand and active
 * grants: what the access inventory and review benchmarks run on. Replaces the whole mirror.
 */
public final class BenchmarkMirror {

    public static final String DESCRIPTION = "2,000 accounts in 50 OUs with 150 nested OUs, 50,000 users, 2,500 "
            + "groups, 100,000 memberships, 300 permission sets, 200,000 assignments (190,000 to people, 10,000 to "
            + "groups), 1,000 active grants";

    private BenchmarkMirror() {
    }

    public static void fill() {
        String set = "'arn:aws:sso:::permissionSet/ssoins-b/ps-' || ";
        List<String> statements = List.of(
                "truncate directory_ou, directory_account, directory_user, directory_group, directory_group_member, "
                        + "directory_permission_set, directory_provisioned, directory_assignment, access_assignment, "
                        + "access_ledger, access_approval, access_grant, access_request cascade",
                "insert into directory_ou select 'ou-' || g, 'r-bench', 'Unit ' || g, 'Root / Unit ' || g, 1 "
                        + "from generate_series(1, 50) g",
                "insert into directory_ou select 'ou-' || g, 'ou-' || (g % 50 + 1), 'Unit ' || g, "
                        + "'Root / Unit ' || (g % 50 + 1) || ' / Unit ' || g, 2 from generate_series(51, 200) g",
                "insert into directory_account select lpad(g::text, 12, '0'), 'ou-' || (g % 200 + 1), "
                        + "'team' || (g % 300) || '-' || g, 'acct' || g || '@example.com', 'ACTIVE', '' "
                        + "from generate_series(1, 2000) g",
                "insert into directory_user select 'u-' || g, 'user' || g, 'Person ' || g, 'user' || g || '@example.com', "
                        + "true, null from generate_series(1, 50000) g",
                "insert into directory_group select 'g-' || g, 'group-' || g, '' from generate_series(1, 2500) g",
                "insert into directory_group_member select 'g-' || ((g + (g / 50000) * 1249) % 2500 + 1), "
                        + "'u-' || (g % 50000 + 1) from generate_series(0, 99999) g on conflict do nothing",
                "insert into directory_permission_set select " + set + "g, 'Set' || g, '', 'PT1H', '', '{}', '{}', '', '', '{}' "
                        + "from generate_series(1, 300) g",
                // Account and set from g (unique for g < 600,000), so no two rows collide.
                "insert into directory_assignment (account_id, permission_set_arn, principal_type, principal_id) "
                        + "select lpad((g % 2000 + 1)::text, 12, '0'), " + set + "((g / 2000) % 300 + 1), 'USER', "
                        + "'u-' || (g % 50000 + 1) from generate_series(0, 189999) g",
                "insert into directory_assignment (account_id, permission_set_arn, principal_type, principal_id) "
                        + "select lpad((g % 2000 + 1)::text, 12, '0'), " + set + "((g / 2000 + 150) % 300 + 1), "
                        + "'GROUP', 'g-' || (g % 2500 + 1) from generate_series(0, 9999) g",
                "insert into directory_provisioned select distinct account_id, permission_set_arn from directory_assignment",
                // Half the grants hold an assignment the sync has seen, half one it has not.
                "insert into access_request (requester_id, requester_name, account_id, account_name, permission_set_arn, "
                        + "permission_set_name, rule_id, duration_minutes, justification, ticket, approvals_required, "
                        + "approver_type, approver_id, approval_summary, status, created_at, pending_until) "
                        + "select 'u-' || (g % 50000 + 1), 'Person ' || (g % 50000 + 1), lpad((g % 2000 + 1)::text, 12, '0'), "
                        + "'team', " + set + "(case when g % 2 = 0 then (g / 2000) % 300 + 1 else 299 - (g / 2000) % 300 end), "
                        + "'Set', 0, 60, 'benchmark', '', 0, 'NONE', '', '', 'APPROVED', now(), now() "
                        + "from generate_series(0, 999) g",
                "insert into access_grant (request_id, user_id, account_id, permission_set_arn, starts_at, ends_at, status) "
                        + "select id, requester_id, account_id, permission_set_arn, now(), now() + interval '1 hour', "
                        + "'ACTIVE' from access_request",
                "insert into access_assignment (account_id, permission_set_arn, principal_type, principal_id, owned) "
                        + "select account_id, permission_set_arn, 'USER', user_id, true from access_grant "
                        + "on conflict do nothing",
                "vacuum analyze");
        // Truncating is the owner's: the application role may only delete.
        DSLContext owner = DSL.using(TestDatabase.asOwner(), SQLDialect.POSTGRES);
        statements.forEach(owner::execute);
    }
}
