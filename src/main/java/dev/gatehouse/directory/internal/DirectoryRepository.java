package dev.gatehouse.directory.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ACCOUNT;
import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP_MEMBER;
import static dev.gatehouse.db.Tables.DIRECTORY_OU;
import static dev.gatehouse.db.Tables.DIRECTORY_PERMISSION_SET;
import static dev.gatehouse.db.Tables.DIRECTORY_PROVISIONED;
import static dev.gatehouse.db.Tables.DIRECTORY_USER;
import static dev.gatehouse.directory.internal.PageQueries.contains;
import static dev.gatehouse.directory.internal.PageQueries.order;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.db.tables.DirectoryUser;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.GrantRow;
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.directory.OrganizationNode;
import dev.gatehouse.directory.UserRow;

@Repository
public class DirectoryRepository {

    private final DSLContext db;

    DirectoryRepository(DSLContext db) {
        this.db = db;
    }

    public List<AccountRow> accounts(DirectoryPage page) {
        return db.select(DIRECTORY_ACCOUNT.ID, DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.EMAIL,
                        DIRECTORY_ACCOUNT.STATUS, DIRECTORY_ACCOUNT.OU_PATH)
                .from(DIRECTORY_ACCOUNT)
                .where(accountMatches(page))
                .orderBy(accountOrder(page))
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> new AccountRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    private static Condition accountMatches(DirectoryPage page) {
        return contains(page, DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.ID, DIRECTORY_ACCOUNT.OU_PATH);
    }

    private static SortField<?>[] accountOrder(DirectoryPage page) {
        return order(page, switch (page.sort()) {
            case ID -> DIRECTORY_ACCOUNT.ID;
            case PATH -> DIRECTORY_ACCOUNT.OU_PATH;
            case EMAIL -> DIRECTORY_ACCOUNT.EMAIL;
            default -> DIRECTORY_ACCOUNT.NAME;
        }, DIRECTORY_ACCOUNT.ID);
    }

    public Optional<AccountRow> account(String id) {
        return db.select(DIRECTORY_ACCOUNT.ID, DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.EMAIL,
                        DIRECTORY_ACCOUNT.STATUS, DIRECTORY_ACCOUNT.OU_PATH)
                .from(DIRECTORY_ACCOUNT).where(DIRECTORY_ACCOUNT.ID.eq(id))
                .fetchOptional(r -> new AccountRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The root's id: the parent of the top OUs, or of the accounts placed directly under the root. */
    public Optional<String> rootId() {
        return db.select(DIRECTORY_OU.PARENT_ID).from(DIRECTORY_OU).where(DIRECTORY_OU.DEPTH.eq(1)).limit(1)
                .fetchOptional(DIRECTORY_OU.PARENT_ID)
                .or(() -> db.select(DIRECTORY_ACCOUNT.OU_ID).from(DIRECTORY_ACCOUNT)
                        .where(DIRECTORY_ACCOUNT.OU_PATH.eq("Root")).limit(1).fetchOptional(DIRECTORY_ACCOUNT.OU_ID));
    }

    /** OUs first, then accounts, each by name. */
    public List<OrganizationNode> children(String parentId, int offset, int limit) {
        var child = DIRECTORY_OU.as("child");
        var units = db.select(DIRECTORY_OU.ID, DIRECTORY_OU.NAME, DSL.inline("OU").as("kind"), DSL.inline("").as("status"),
                        DSL.field(DSL.exists(db.selectOne().from(child).where(child.PARENT_ID.eq(DIRECTORY_OU.ID)))
                                .or(DSL.exists(db.selectOne().from(DIRECTORY_ACCOUNT)
                                        .where(DIRECTORY_ACCOUNT.OU_ID.eq(DIRECTORY_OU.ID))))).as("has_children"),
                        DSL.inline(0).as("rank"))
                .from(DIRECTORY_OU).where(DIRECTORY_OU.PARENT_ID.eq(parentId));
        var accounts = db.select(DIRECTORY_ACCOUNT.ID, DIRECTORY_ACCOUNT.NAME, DSL.inline("ACCOUNT").as("kind"),
                        DIRECTORY_ACCOUNT.STATUS, DSL.inline(false).as("has_children"), DSL.inline(1).as("rank"))
                .from(DIRECTORY_ACCOUNT).where(DIRECTORY_ACCOUNT.OU_ID.eq(parentId));
        var both = units.unionAll(accounts).asTable("nodes");
        return db.selectFrom(both)
                .orderBy(both.field("rank").asc(), both.field("name").asc())
                .offset(offset).limit(limit)
                .fetch(r -> new OrganizationNode(r.get(0, String.class), r.get(1, String.class),
                        OrganizationNode.Kind.valueOf(r.get(2, String.class)), r.get(3, String.class),
                        Boolean.TRUE.equals(r.get(4, Boolean.class))));
    }

    public int childCount(String parentId) {
        return db.fetchCount(DIRECTORY_OU, DIRECTORY_OU.PARENT_ID.eq(parentId))
                + db.fetchCount(DIRECTORY_ACCOUNT, DIRECTORY_ACCOUNT.OU_ID.eq(parentId));
    }

    public List<UserRow> users(DirectoryPage page) {
        DirectoryUser manager = DIRECTORY_USER.as("manager");
        SelectJoinStep<Record6<String, String, String, String, Boolean, String>> from;
        Condition matches = DSL.noCondition();
        if (page.search().isEmpty()) {
            from = db.select(DIRECTORY_USER.ID, DIRECTORY_USER.USER_NAME, DIRECTORY_USER.DISPLAY_NAME,
                    DIRECTORY_USER.EMAIL, DIRECTORY_USER.ENABLED, manager.DISPLAY_NAME).from(DIRECTORY_USER);
        } else {
            // Materialized, so PostgreSQL finds the matches by trigram index first instead of walking the
            // sort order and testing every user against three patterns.
            var matching = DSL.name("matching").fields("id").asMaterialized(db.select(DIRECTORY_USER.ID)
                    .from(DIRECTORY_USER)
                    .where(contains(page, DIRECTORY_USER.USER_NAME, DIRECTORY_USER.DISPLAY_NAME,
                            DIRECTORY_USER.EMAIL)));
            from = db.with(matching).select(DIRECTORY_USER.ID, DIRECTORY_USER.USER_NAME, DIRECTORY_USER.DISPLAY_NAME,
                    DIRECTORY_USER.EMAIL, DIRECTORY_USER.ENABLED, manager.DISPLAY_NAME).from(DIRECTORY_USER);
            matches = DIRECTORY_USER.ID.in(DSL.select(matching.field("id", String.class)).from(matching));
        }
        return from.leftJoin(manager).on(manager.ID.eq(DIRECTORY_USER.MANAGER_ID))
                .where(matches)
                .orderBy(userOrder(page))
                .offset(page.offset()).limit(page.limit())
                .fetch(DirectoryRepository::userRow);
    }

    private static SortField<?>[] userOrder(DirectoryPage page) {
        return order(page, switch (page.sort()) {
            case ID -> DIRECTORY_USER.USER_NAME;
            case EMAIL -> DIRECTORY_USER.EMAIL;
            default -> DIRECTORY_USER.DISPLAY_NAME;
        }, DIRECTORY_USER.ID);
    }

    private static UserRow userRow(Record6<String, String, String, String, Boolean, String> r) {
        return new UserRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                r.value6() == null ? "" : r.value6());
    }

    public Optional<UserRow> user(String id) {
        DirectoryUser manager = DIRECTORY_USER.as("manager");
        return db.select(DIRECTORY_USER.ID, DIRECTORY_USER.USER_NAME, DIRECTORY_USER.DISPLAY_NAME,
                        DIRECTORY_USER.EMAIL, DIRECTORY_USER.ENABLED, manager.DISPLAY_NAME)
                .from(DIRECTORY_USER)
                .leftJoin(manager).on(manager.ID.eq(DIRECTORY_USER.MANAGER_ID))
                .where(DIRECTORY_USER.ID.eq(id))
                .fetchOptional(DirectoryRepository::userRow);
    }

    /** The people of these ids that the mirror knows, with their managers' names, in one query. */
    public List<UserRow> users(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        DirectoryUser manager = DIRECTORY_USER.as("manager");
        return db.select(DIRECTORY_USER.ID, DIRECTORY_USER.USER_NAME, DIRECTORY_USER.DISPLAY_NAME,
                        DIRECTORY_USER.EMAIL, DIRECTORY_USER.ENABLED, manager.DISPLAY_NAME)
                .from(DIRECTORY_USER)
                .leftJoin(manager).on(manager.ID.eq(DIRECTORY_USER.MANAGER_ID))
                .where(DIRECTORY_USER.ID.in(ids))
                .fetch(DirectoryRepository::userRow);
    }

    public List<String> groupsOf(String userId) {
        return db.select(DIRECTORY_GROUP.DISPLAY_NAME).from(DIRECTORY_GROUP_MEMBER)
                .join(DIRECTORY_GROUP).on(DIRECTORY_GROUP.ID.eq(DIRECTORY_GROUP_MEMBER.GROUP_ID))
                .where(DIRECTORY_GROUP_MEMBER.USER_ID.eq(userId))
                .orderBy(DIRECTORY_GROUP.DISPLAY_NAME)
                .fetch(DIRECTORY_GROUP.DISPLAY_NAME);
    }

    public List<GroupRow> groups(DirectoryPage page) {
        Field<Integer> members = memberCount();
        return db.select(DIRECTORY_GROUP.ID, DIRECTORY_GROUP.DISPLAY_NAME, DIRECTORY_GROUP.DESCRIPTION, members)
                .from(DIRECTORY_GROUP)
                .where(contains(page, DIRECTORY_GROUP.DISPLAY_NAME, DIRECTORY_GROUP.DESCRIPTION))
                .orderBy(order(page, page.sort() == DirectorySort.COUNT ? members : DIRECTORY_GROUP.DISPLAY_NAME,
                        DIRECTORY_GROUP.DISPLAY_NAME, DIRECTORY_GROUP.ID))
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> new GroupRow(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public Optional<GroupRow> group(String id) {
        return db.select(DIRECTORY_GROUP.ID, DIRECTORY_GROUP.DISPLAY_NAME, DIRECTORY_GROUP.DESCRIPTION, memberCount())
                .from(DIRECTORY_GROUP).where(DIRECTORY_GROUP.ID.eq(id))
                .fetchOptional(r -> new GroupRow(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static Field<Integer> memberCount() {
        return DSL.field(DSL.selectCount().from(DIRECTORY_GROUP_MEMBER)
                .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(DIRECTORY_GROUP.ID)));
    }

    public List<UserRow> members(String groupId, DirectoryPage page) {
        DirectoryUser manager = DIRECTORY_USER.as("manager");
        return db.select(DIRECTORY_USER.ID, DIRECTORY_USER.USER_NAME, DIRECTORY_USER.DISPLAY_NAME,
                        DIRECTORY_USER.EMAIL, DIRECTORY_USER.ENABLED, manager.DISPLAY_NAME)
                .from(DIRECTORY_GROUP_MEMBER)
                .join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(DIRECTORY_GROUP_MEMBER.USER_ID))
                .leftJoin(manager).on(manager.ID.eq(DIRECTORY_USER.MANAGER_ID))
                .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(groupId))
                .and(contains(page, DIRECTORY_USER.DISPLAY_NAME, DIRECTORY_USER.USER_NAME, DIRECTORY_USER.EMAIL))
                .orderBy(userOrder(page))
                .offset(page.offset()).limit(page.limit())
                .fetch(DirectoryRepository::userRow);
    }

    public List<GrantRow> groupGrants(String groupId, DirectoryPage page) {
        return db.select(DIRECTORY_ASSIGNMENT.ACCOUNT_ID, DIRECTORY_ACCOUNT.NAME, DIRECTORY_PERMISSION_SET.NAME)
                .from(DIRECTORY_ASSIGNMENT)
                .join(DIRECTORY_ACCOUNT).on(DIRECTORY_ACCOUNT.ID.eq(DIRECTORY_ASSIGNMENT.ACCOUNT_ID))
                .join(DIRECTORY_PERMISSION_SET).on(DIRECTORY_PERMISSION_SET.ARN.eq(DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN))
                .where(DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE.eq("GROUP"), DIRECTORY_ASSIGNMENT.PRINCIPAL_ID.eq(groupId))
                .and(contains(page, DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.ID, DIRECTORY_PERMISSION_SET.NAME))
                .orderBy(order(page, page.sort() == DirectorySort.PERMISSION_SET ? DIRECTORY_PERMISSION_SET.NAME
                        : DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.ID,
                        DIRECTORY_PERMISSION_SET.NAME, DIRECTORY_PERMISSION_SET.ARN))
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> new GrantRow(r.value1(), r.value2(), r.value3()));
    }

    public List<PermissionSetRow> permissionSets(DirectoryPage page) {
        return permissionSets(contains(page, DIRECTORY_PERMISSION_SET.NAME, DIRECTORY_PERMISSION_SET.DESCRIPTION),
                page);
    }

    public Optional<PermissionSetRow> permissionSetById(String id) {
        if (!id.matches("ps-[A-Za-z0-9]+")) {
            return Optional.empty();
        }
        return permissionSets(DIRECTORY_PERMISSION_SET.ARN.endsWith("/" + id), DirectoryPage.first(1)).stream()
                .findFirst();
    }

    public Optional<PermissionSetRow> permissionSet(String arn) {
        return permissionSets(DIRECTORY_PERMISSION_SET.ARN.eq(arn), DirectoryPage.first(1)).stream().findFirst();
    }

    /** The permission sets of these ARNs that the mirror knows, in one query. */
    public List<PermissionSetRow> permissionSets(Collection<String> arns) {
        return arns.isEmpty() ? List.of()
                : permissionSets(DIRECTORY_PERMISSION_SET.ARN.in(arns), DirectoryPage.first(arns.size()));
    }

    private List<PermissionSetRow> permissionSets(Condition condition, DirectoryPage page) {
        Field<Integer> accounts = DSL.field(DSL.selectCount().from(DIRECTORY_PROVISIONED)
                .where(DIRECTORY_PROVISIONED.PERMISSION_SET_ARN.eq(DIRECTORY_PERMISSION_SET.ARN)));
        return db.select(DIRECTORY_PERMISSION_SET.asterisk(), accounts.as("accounts"))
                .from(DIRECTORY_PERMISSION_SET).where(condition)
                .orderBy(order(page, switch (page.sort()) {
                    case SESSION -> DIRECTORY_PERMISSION_SET.SESSION_DURATION;
                    case COUNT -> accounts;
                    default -> DIRECTORY_PERMISSION_SET.NAME;
                }, DIRECTORY_PERMISSION_SET.NAME, DIRECTORY_PERMISSION_SET.ARN))
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> {
                    var set = r.into(DIRECTORY_PERMISSION_SET);
                    return new PermissionSetRow(set.getArn(), set.getName(), set.getDescription(),
                            Optional.ofNullable(set.getSessionDuration()), set.getRelayState(),
                            set.getManagedPolicies(),
                            set.getCustomerManagedPolicies(), set.getInlinePolicy(),
                            set.getPermissionsBoundary(), set.getTags(), r.get("accounts", Integer.class));
                });
    }

    public List<AccountRow> provisionedAccounts(String permissionSetArn, DirectoryPage page) {
        return db.select(DIRECTORY_ACCOUNT.ID, DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.EMAIL,
                        DIRECTORY_ACCOUNT.STATUS, DIRECTORY_ACCOUNT.OU_PATH)
                .from(DIRECTORY_PROVISIONED)
                .join(DIRECTORY_ACCOUNT).on(DIRECTORY_ACCOUNT.ID.eq(DIRECTORY_PROVISIONED.ACCOUNT_ID))
                .where(DIRECTORY_PROVISIONED.PERMISSION_SET_ARN.eq(permissionSetArn))
                .and(accountMatches(page))
                .orderBy(accountOrder(page))
                .offset(page.offset()).limit(page.limit())
                .fetch(r -> new AccountRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }



}
