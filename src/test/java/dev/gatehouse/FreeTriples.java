package dev.gatehouse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.jooq.DSLContext;

import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.sandbox.SandboxOrganization.Assignment;

/** For benchmarks that write assignments: triples nobody holds yet in the sandbox, in a fixed shuffled order. */
public final class FreeTriples {

    private FreeTriples() {
    }

    /**
     * (account, permission set, user) for the first five people by user name other than {@code exceptUserId}
     * (empty for nobody), every account and every permission set of the mirror, less what the sandbox holds.
     */
    public static List<Assignment> of(DSLContext db, SandboxOrganization org, String exceptUserId) {
        List<String> users = db.fetch("select id from directory_user where id <> ? order by user_name limit 5",
                exceptUserId).getValues(0, String.class);
        List<String> accounts = db.fetch("select id from directory_account order by id").getValues(0, String.class);
        List<String> sets = db.fetch("select arn from directory_permission_set order by name").getValues(0,
                String.class);
        Set<Assignment> taken = new HashSet<>(org.assignments());
        List<Assignment> free = new ArrayList<>();
        for (String user : users) {
            for (String account : accounts) {
                for (String set : sets) {
                    Assignment triple = new Assignment(account, set, "USER", user);
                    if (!taken.contains(triple)) {
                        free.add(triple);
                    }
                }
            }
        }
        Collections.shuffle(free, new Random(11));
        return free;
    }
}
