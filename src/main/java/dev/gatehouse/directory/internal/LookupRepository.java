package dev.gatehouse.directory.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ACCOUNT;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP_MEMBER;
import static dev.gatehouse.db.Tables.DIRECTORY_OU;
import static dev.gatehouse.db.Tables.DIRECTORY_PERMISSION_SET;
import static dev.gatehouse.db.Tables.DIRECTORY_USER;
import static dev.gatehouse.directory.internal.PageQueries.contains;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.AccountScopes;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.directory.OuRow;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.directory.UserRow;

/** Single facts from the mirror for other modules, through {@link dev.gatehouse.directory.DirectoryLookup}. */
@Repository
public class LookupRepository {

    private final DSLContext db;
    private final DirectoryRepository directory;

    LookupRepository(DSLContext db, DirectoryRepository directory) {
        this.db = db;
        this.directory = directory;
    }

    public Optional<UserRow> userByUserName(String userName) {
        return userWhere(DSL.lower(DIRECTORY_USER.USER_NAME).eq(userName.toLowerCase()));
    }

    public Optional<UserRow> userByEmail(String email) {
        return userWhere(DSL.lower(DIRECTORY_USER.EMAIL).eq(email.toLowerCase()));
    }

    public Optional<UserRow> user(String id) {
        return directory.user(id);
    }

    private Optional<UserRow> userWhere(Condition condition) {
        return db.select(DIRECTORY_USER.ID).from(DIRECTORY_USER).where(condition).orderBy(DIRECTORY_USER.ID).limit(1)
                .fetchOptional(DIRECTORY_USER.ID).flatMap(directory::user);
    }

    public Set<String> groupIds(String userId) {
        return new HashSet<>(db.select(DIRECTORY_GROUP_MEMBER.GROUP_ID).from(DIRECTORY_GROUP_MEMBER)
                .where(DIRECTORY_GROUP_MEMBER.USER_ID.eq(userId)).fetch(DIRECTORY_GROUP_MEMBER.GROUP_ID));
    }

    /** Each person's groups (as {@link #groupIds(String)}), in one query; someone in no group maps to an empty set. */
    public Map<String, Set<String>> groupIds(Collection<String> userIds) {
        Map<String, Set<String>> groups = new HashMap<>();
        userIds.forEach(id -> groups.put(id, new HashSet<>()));
        if (!userIds.isEmpty()) {
            db.select(DIRECTORY_GROUP_MEMBER.USER_ID, DIRECTORY_GROUP_MEMBER.GROUP_ID).from(DIRECTORY_GROUP_MEMBER)
                    .where(DIRECTORY_GROUP_MEMBER.USER_ID.in(userIds))
                    .forEach(r -> groups.computeIfAbsent(r.value1(), id -> new HashSet<>()).add(r.value2()));
        }
        return groups;
    }

    public List<UserRow> users(Collection<String> ids) {
        return directory.users(ids);
    }

    public List<PermissionSetRow> permissionSets(Collection<String> arns) {
        return directory.permissionSets(arns);
    }

    public Optional<String> managerId(String userId) {
        return db.select(DIRECTORY_USER.MANAGER_ID).from(DIRECTORY_USER).where(DIRECTORY_USER.ID.eq(userId))
                .fetchOptional(DIRECTORY_USER.MANAGER_ID);
    }

    /** Every user who has a manager, with the manager's id. */
    public Map<String, String> managerIds() {
        return db.select(DIRECTORY_USER.ID, DIRECTORY_USER.MANAGER_ID).from(DIRECTORY_USER)
                .where(DIRECTORY_USER.MANAGER_ID.isNotNull()).fetchMap(DIRECTORY_USER.ID, DIRECTORY_USER.MANAGER_ID);
    }

    public Optional<GroupRow> group(String groupId) {
        return directory.group(groupId);
    }

    public List<UserRow> members(String groupId, int limit) {
        return directory.members(groupId, DirectoryPage.first(limit));
    }

    public Optional<AccountRow> account(String accountId) {
        return directory.account(accountId);
    }

    public Set<String> ouChain(String accountId) {
        var chain = DSL.name("chain").fields("id", "parent_id").as(
                DSL.select(DIRECTORY_OU.ID, DIRECTORY_OU.PARENT_ID).from(DIRECTORY_OU)
                        .where(DIRECTORY_OU.ID.eq(DSL.select(DIRECTORY_ACCOUNT.OU_ID).from(DIRECTORY_ACCOUNT)
                                .where(DIRECTORY_ACCOUNT.ID.eq(accountId))))
                        .unionAll(DSL.select(DIRECTORY_OU.ID, DIRECTORY_OU.PARENT_ID).from(DIRECTORY_OU)
                                .join(DSL.table(DSL.name("chain")))
                                .on(DIRECTORY_OU.ID.eq(DSL.field(DSL.name("chain", "parent_id"), String.class)))));
        return new HashSet<>(db.withRecursive(chain).select(chain.field("id", String.class)).from(chain)
                .fetch(chain.field("id", String.class)));
    }

    /** Each account's OU chain (as {@link #ouChain}), in one query; an account at the root maps to an empty set. */
    public Map<String, Set<String>> ouChains(Collection<String> accountIds) {
        Map<String, Set<String>> chains = new HashMap<>();
        accountIds.forEach(id -> chains.put(id, new HashSet<>()));
        if (accountIds.isEmpty()) {
            return chains;
        }
        var chain = DSL.name("chains").fields("account_id", "id", "parent_id").as(
                DSL.select(DIRECTORY_ACCOUNT.ID, DIRECTORY_OU.ID, DIRECTORY_OU.PARENT_ID).from(DIRECTORY_ACCOUNT)
                        .join(DIRECTORY_OU).on(DIRECTORY_OU.ID.eq(DIRECTORY_ACCOUNT.OU_ID))
                        .where(DIRECTORY_ACCOUNT.ID.in(accountIds))
                        .unionAll(DSL.select(DSL.field(DSL.name("chains", "account_id"), String.class), DIRECTORY_OU.ID,
                                        DIRECTORY_OU.PARENT_ID).from(DIRECTORY_OU)
                                .join(DSL.table(DSL.name("chains")))
                                .on(DIRECTORY_OU.ID.eq(DSL.field(DSL.name("chains", "parent_id"), String.class)))));
        db.withRecursive(chain).select(chain.field("account_id", String.class), chain.field("id", String.class))
                .from(chain).forEach(r -> chains.computeIfAbsent(r.value1(), id -> new HashSet<>()).add(r.value2()));
        return chains;
    }

    public Optional<OuRow> organizationalUnit(String ouId) {
        return db.select(DIRECTORY_OU.ID, DIRECTORY_OU.NAME, DIRECTORY_OU.PATH).from(DIRECTORY_OU)
                .where(DIRECTORY_OU.ID.eq(ouId)).fetchOptional(r -> new OuRow(r.value1(), r.value2(), r.value3()));
    }

    public List<AccountRow> accountsWithin(AccountScopes scopes, DirectoryPage page) {
        if (scopes.isEmpty()) {
            return List.of();
        }
        List<Condition> within = new ArrayList<>();
        if (scopes.wholeOrganization()) {
            within.add(DSL.trueCondition());
        }
        if (!scopes.accountIds().isEmpty()) {
            within.add(DIRECTORY_ACCOUNT.ID.in(scopes.accountIds()));
        }
        if (!scopes.ouIds().isEmpty()) {
            var below = DSL.name("below").fields("id").as(
                    DSL.select(DIRECTORY_OU.ID).from(DIRECTORY_OU).where(DIRECTORY_OU.ID.in(scopes.ouIds()))
                            .unionAll(DSL.select(DIRECTORY_OU.ID).from(DIRECTORY_OU)
                                    .join(DSL.table(DSL.name("below")))
                                    .on(DIRECTORY_OU.PARENT_ID.eq(DSL.field(DSL.name("below", "id"), String.class)))));
            within.add(DIRECTORY_ACCOUNT.OU_ID.in(DSL.withRecursive(below).select(below.field("id", String.class))
                    .from(below)));
        }
        return db.select(DIRECTORY_ACCOUNT.ID, DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.EMAIL,
                        DIRECTORY_ACCOUNT.STATUS, DIRECTORY_ACCOUNT.OU_PATH)
                .from(DIRECTORY_ACCOUNT)
                .where(DSL.or(within))
                .and(contains(page, DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.ID, DIRECTORY_ACCOUNT.OU_PATH))
                .orderBy(DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.ID)
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> new AccountRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public Optional<PermissionSetRow> permissionSet(String arn) {
        return directory.permissionSet(arn);
    }

    public List<PermissionSetRow> permissionSets() {
        return directory.permissionSets(DirectoryPage.first(10_000));
    }

    public List<UserRow> findUsers(String text, int limit) {
        return directory.users(DirectoryPage.first(limit).matching(text));
    }

    public List<GroupRow> findGroups(String text, int limit) {
        return directory.groups(DirectoryPage.first(limit).matching(text));
    }

    public List<OuRow> findOrganizationalUnits(String text, int limit) {
        return db.select(DIRECTORY_OU.ID, DIRECTORY_OU.NAME, DIRECTORY_OU.PATH).from(DIRECTORY_OU)
                .where(contains(DirectoryPage.first(limit).matching(text), DIRECTORY_OU.NAME, DIRECTORY_OU.PATH))
                .orderBy(DIRECTORY_OU.PATH).limit(limit)
                .fetch(r -> new OuRow(r.value1(), r.value2(), r.value3()));
    }
}
