package dev.gatehouse.directory.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ACCOUNT;
import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP_MEMBER;
import static dev.gatehouse.db.Tables.DIRECTORY_OU;
import static dev.gatehouse.db.Tables.DIRECTORY_PERMISSION_SET;
import static dev.gatehouse.db.Tables.DIRECTORY_USER;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectLimitStep;
import org.jooq.SelectOnConditionStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

import dev.gatehouse.directory.AccessHolding;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.InventoryGrants;
import dev.gatehouse.directory.InventoryOrder;
import dev.gatehouse.directory.InventoryScope;
import dev.gatehouse.directory.PrincipalType;

/**
 * The access inventory as one query: the mirror's assignments to people, its assignments to groups
 * expanded to their members, and the grants the access module contributes, each arm filtered by the
 * scope (so PostgreSQL reads only the scope's rows by index), then joined once to the names.
 */
@Repository
public class InventoryRepository {

    private static final String DIRECT = AccessHolding.How.DIRECT.name();
    private static final String GROUP = AccessHolding.How.GROUP.name();
    private static final String GRANT = AccessHolding.How.GRANT.name();

    private final DSLContext db;
    private final InventoryGrants grants;

    InventoryRepository(DSLContext db, InventoryGrants grants) {
        this.db = db;
        this.grants = grants;
    }

    public List<AccessHolding> page(InventoryScope scope, InventoryOrder order, int offset, int limit) {
        Holdings holdings = holdings(scope);
        return withNames(holdings, order).offset(offset).limit(limit).fetch(holdings::holding);
    }

    public long count(InventoryScope scope) {
        return db.fetchCount(holdings(scope).table());
    }

    /** Streams from a cursor (the caller holds a transaction), so no size of inventory sits in memory. */
    public void each(InventoryScope scope, InventoryOrder order, Consumer<AccessHolding> each) {
        Holdings holdings = holdings(scope);
        try (var cursor = withNames(holdings, order).fetchSize(5_000).fetchLazy()) {
            cursor.forEach(r -> each.accept(holdings.holding(r)));
        }
    }

    /** The union's columns, in the order every arm selects them. */
    private record Holdings(Table<?> table, Field<String> accountId, Field<String> setArn, Field<String> userId,
                            Field<String> how, Field<String> principalType, Field<String> principalId,
                            Field<Long> grantId, Field<Long> requestId, Field<OffsetDateTime> endsAt,
                            Field<OffsetDateTime> firstSeen, Field<String> holderName, Field<String> accountName,
                            Field<String> setName, Table<?> created) {

        static final Field<String> ACCOUNT_NAME = DSL.field(DSL.name("account_name"), String.class);
        static final Field<String> SET_NAME = DSL.field(DSL.name("set_name"), String.class);
        static final Field<String> USER_NAME = DSL.field(DSL.name("user_name"), String.class);
        static final Field<String> DISPLAY_NAME = DSL.field(DSL.name("display_name"), String.class);
        static final Field<String> GROUP_NAME = DSL.field(DSL.name("group_name"), String.class);
        static final Field<Boolean> MADE = DSL.field(DSL.name("made_by_gatehouse"), Boolean.class);

        AccessHolding holding(Record r) {
            AccessHolding.How kind = AccessHolding.How.valueOf(r.get(how));
            Optional<AccessHolding.Grant> grant = kind == AccessHolding.How.GRANT
                    ? Optional.of(new AccessHolding.Grant(r.get(grantId), r.get(requestId), r.get(endsAt).toInstant()))
                    : Optional.empty();
            return new AccessHolding(new AccessHolding.Account(r.get(accountId), r.get(ACCOUNT_NAME)),
                    new AccessHolding.PermissionSet(r.get(setArn), r.get(SET_NAME)),
                    new AccessHolding.Person(r.get(userId), r.get(USER_NAME), r.get(DISPLAY_NAME)),
                    new AccessHolding.Held(kind, PrincipalType.valueOf(r.get(principalType)), r.get(principalId), r.get(GROUP_NAME), grant),
                    Optional.ofNullable(r.get(firstSeen)).map(OffsetDateTime::toInstant),
                    Boolean.TRUE.equals(r.get(MADE)));
        }
    }

    private Holdings holdings(InventoryScope scope) {
        var a = DIRECTORY_ASSIGNMENT;
        Table<?> held = grants.holdingAccess().asTable("held");
        Field<String> heldUser = held.field(0, String.class);
        Field<String> heldAccount = held.field(1, String.class);
        Field<String> heldSet = held.field(2, String.class);
        Table<?> other = grants.holdingAccess().asTable("other");
        Table<?> madeForGrant = grants.createdByGatehouse().asTable("made_for_grant");

        var direct = DSL.select(a.ACCOUNT_ID.as("account_id"), a.PERMISSION_SET_ARN.as("permission_set_arn"),
                        a.PRINCIPAL_ID.as("user_id"), DSL.inline(DIRECT).as("how"), a.PRINCIPAL_TYPE.as("principal_type"),
                        a.PRINCIPAL_ID.as("principal_id"), DSL.castNull(SQLDataType.BIGINT).as("grant_id"),
                        DSL.castNull(SQLDataType.BIGINT).as("request_id"),
                        DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE).as("ends_at"), a.FIRST_SEEN.as("first_seen"),
                        DSL.castNull(SQLDataType.VARCHAR).as("holder_name"),
                        DSL.castNull(SQLDataType.VARCHAR).as("grant_account_name"),
                        DSL.castNull(SQLDataType.VARCHAR).as("grant_set_name"))
                .from(a)
                .where(a.PRINCIPAL_TYPE.eq("USER"))
                .and(in(scope, a.ACCOUNT_ID, a.PERMISSION_SET_ARN, a.PRINCIPAL_ID, null))
                // An assignment Gatehouse made for a grant is listed once, as the grant; one that was standing
                // before the grant stays standing too, as it will be when the grant ends.
                .andNotExists(DSL.selectOne().from(other)
                        .join(madeForGrant).on(madeForGrant.field(0, String.class).eq(a.ACCOUNT_ID),
                                madeForGrant.field(1, String.class).eq(a.PERMISSION_SET_ARN),
                                madeForGrant.field(2, String.class).eq(a.PRINCIPAL_TYPE),
                                madeForGrant.field(3, String.class).eq(a.PRINCIPAL_ID))
                        .where(other.field(0, String.class).eq(a.PRINCIPAL_ID),
                                other.field(1, String.class).eq(a.ACCOUNT_ID), other.field(2, String.class)
                                        .eq(a.PERMISSION_SET_ARN)));
        var viaGroups = DSL.select(a.ACCOUNT_ID, a.PERMISSION_SET_ARN, DIRECTORY_GROUP_MEMBER.USER_ID,
                        DSL.inline(GROUP), a.PRINCIPAL_TYPE, a.PRINCIPAL_ID, DSL.castNull(SQLDataType.BIGINT),
                        DSL.castNull(SQLDataType.BIGINT), DSL.castNull(SQLDataType.TIMESTAMPWITHTIMEZONE), a.FIRST_SEEN,
                        DSL.castNull(SQLDataType.VARCHAR), DSL.castNull(SQLDataType.VARCHAR),
                        DSL.castNull(SQLDataType.VARCHAR))
                .from(a)
                .join(DIRECTORY_GROUP_MEMBER).on(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(a.PRINCIPAL_ID))
                .where(a.PRINCIPAL_TYPE.eq("GROUP"))
                .and(in(scope, a.ACCOUNT_ID, a.PERMISSION_SET_ARN, DIRECTORY_GROUP_MEMBER.USER_ID, a.PRINCIPAL_ID));
        var byGrants = DSL.select(heldAccount, heldSet, heldUser, DSL.inline(GRANT), DSL.inline("USER"), heldUser,
                        held.field(3, Long.class), held.field(4, Long.class), held.field(5, OffsetDateTime.class),
                        a.FIRST_SEEN, held.field(6, String.class), held.field(7, String.class),
                        held.field(8, String.class))
                .from(held)
                .leftJoin(a).on(a.ACCOUNT_ID.eq(heldAccount), a.PERMISSION_SET_ARN.eq(heldSet),
                        a.PRINCIPAL_TYPE.eq("USER"), a.PRINCIPAL_ID.eq(heldUser))
                .where(in(scope, heldAccount, heldSet, heldUser, null));
        Table<?> u = direct.unionAll(viaGroups).unionAll(byGrants).asTable("holding");
        return new Holdings(u, u.field("account_id", String.class), u.field("permission_set_arn", String.class),
                u.field("user_id", String.class), u.field("how", String.class), u.field("principal_type", String.class),
                u.field("principal_id", String.class), u.field("grant_id", Long.class),
                u.field("request_id", Long.class), u.field("ends_at", OffsetDateTime.class),
                u.field("first_seen", OffsetDateTime.class), u.field("holder_name", String.class),
                u.field("grant_account_name", String.class), u.field("grant_set_name", String.class),
                grants.createdByGatehouse().asTable("created"));
    }

    /** The scope on one arm's columns; group is null for arms that are not held through a group. */
    private static Condition in(InventoryScope scope, Field<String> account, Field<String> set, Field<String> user,
                                Field<String> group) {
        List<Condition> conditions = new ArrayList<>();
        if (!scope.ouIds().isEmpty()) {
            // "= any(array(...))": the planner reads the few accounts first and then their assignments by
            // index, where "in (...)" let it guess a thousand accounts and scan every assignment.
            conditions.add(account.eq(DSL.any(DSL.array(accountsUnder(scope.ouIds())))));
        }
        conditions.add(anyOf(account, scope.accountIds()));
        conditions.add(anyOf(set, scope.permissionSetArns()));
        conditions.add(anyOf(user, scope.userIds()));
        if (!scope.groupIds().isEmpty()) {
            conditions.add(group == null ? DSL.falseCondition() : group.in(scope.groupIds()));
        }
        return DSL.and(conditions);
    }

    private static Condition anyOf(Field<String> field, Set<String> ids) {
        return ids.isEmpty() ? DSL.noCondition() : field.in(ids);
    }

    /** Accounts in the OUs (or directly under the root, when its id is given) and in every OU below them. */
    private static Select<Record1<String>> accountsUnder(Set<String> ouIds) {
        var below = DIRECTORY_OU.as("below");
        CommonTableExpression<Record1<String>> units = DSL.name("units").fields("id").as(
                DSL.select(DIRECTORY_OU.ID).from(DIRECTORY_OU).where(DIRECTORY_OU.PARENT_ID.in(ouIds))
                        .unionAll(DSL.select(below.ID).from(below)
                                .join(DSL.table(DSL.name("units")))
                                .on(below.PARENT_ID.eq(DSL.field(DSL.name("units", "id"), String.class)))));
        return DSL.withRecursive(units).select(DIRECTORY_ACCOUNT.ID).from(DIRECTORY_ACCOUNT)
                .where(DIRECTORY_ACCOUNT.OU_ID.in(ouIds))
                .or(DIRECTORY_ACCOUNT.OU_ID.in(DSL.select(units.field("id", String.class)).from(units)));
    }

    /**
     * One page for a directory screen: the rows whose account, permission set, person or group contains
     * the page's search text, sorted by the page's ACCOUNT, PERMISSION_SET, PERSON or GROUP (how the
     * access is held: directly, through groups by name, just-in-time), then in the stable order.
     */
    public List<AccessHolding> page(InventoryScope scope, DirectoryPage page) {
        Holdings h = holdings(scope);
        Names n = names(h);
        Field<Integer> how = DSL.when(h.how().eq(DIRECT), 0).when(h.how().eq(GROUP), 1).otherwise(2);
        List<Field<?>> then = new ArrayList<>(List.of(n.accountName(), h.accountId(), n.setName(), h.setArn(),
                n.displayName(), h.userId(), how, n.groupName(), h.principalId()));
        Field<?> column = switch (page.sort()) {
            case PERMISSION_SET -> n.setName();
            case PERSON -> n.displayName();
            case GROUP -> how;
            default -> n.accountName();
        };
        if (page.sort() == DirectorySort.GROUP) {
            then.add(0, n.groupName());
        }
        return withNames(h, n)
                .where(PageQueries.contains(page, n.accountName(), h.accountId(), n.setName(), n.displayName(),
                        n.userName(), n.groupName()))
                .orderBy(PageQueries.order(page, column, then.toArray(Field[]::new)))
                .offset(page.offset()).limit(page.limit())
                .fetch(h::holding);
    }

    /** The names a row shows. */
    private record Names(Field<String> accountName, Field<String> setName, Field<String> displayName,
                         Field<String> userName, Field<String> groupName) {
    }

    /** The mirror's names, else what the grant's request recorded, else the id. */
    private static Names names(Holdings h) {
        return new Names(DSL.coalesce(DIRECTORY_ACCOUNT.NAME, h.accountName(), h.accountId()),
                DSL.coalesce(DIRECTORY_PERMISSION_SET.NAME, h.setName(), h.setArn()),
                DSL.coalesce(DIRECTORY_USER.DISPLAY_NAME, h.holderName(), h.userId()),
                DSL.coalesce(DIRECTORY_USER.USER_NAME, DSL.inline("")),
                DSL.coalesce(DIRECTORY_GROUP.DISPLAY_NAME, DSL.inline("")));
    }

    /** The union in a stable order: by names for reading, then by the keys. */
    private SelectLimitStep<? extends Record> withNames(Holdings h, InventoryOrder order) {
        Names n = names(h);
        List<SortField<?>> account = List.of(n.accountName().asc(), h.accountId().asc(), n.setName().asc(),
                h.setArn().asc());
        List<SortField<?>> person = List.of(n.displayName().asc(), h.userId().asc());
        List<SortField<?>> sort = new ArrayList<>(order == InventoryOrder.BY_PERSON ? person : account);
        sort.addAll(order == InventoryOrder.BY_PERSON ? account : person);
        sort.addAll(List.of(h.how().asc(), n.groupName().asc(), h.principalId().asc()));
        return withNames(h, n).orderBy(sort);
    }

    /** The union joined to the names a row shows and to Gatehouse's ledger. */
    private SelectOnConditionStep<? extends Record> withNames(Holdings h, Names n) {
        Table<?> created = h.created();
        return db.select(h.accountId(), n.accountName().as(Holdings.ACCOUNT_NAME), h.setArn(),
                        n.setName().as(Holdings.SET_NAME), h.userId(), n.userName().as(Holdings.USER_NAME),
                        n.displayName().as(Holdings.DISPLAY_NAME), h.how(), h.principalType(), h.principalId(),
                        n.groupName().as(Holdings.GROUP_NAME), h.grantId(), h.requestId(), h.endsAt(), h.firstSeen(),
                        created.field(0).isNotNull().as(Holdings.MADE))
                .from(h.table())
                .leftJoin(DIRECTORY_ACCOUNT).on(DIRECTORY_ACCOUNT.ID.eq(h.accountId()))
                .leftJoin(DIRECTORY_PERMISSION_SET).on(DIRECTORY_PERMISSION_SET.ARN.eq(h.setArn()))
                .leftJoin(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(h.userId()))
                .leftJoin(DIRECTORY_GROUP).on(DIRECTORY_GROUP.ID.eq(h.principalId()), h.how().eq(GROUP))
                .leftJoin(created).on(created.field(0, String.class).eq(h.accountId()),
                        created.field(1, String.class).eq(h.setArn()), created.field(2, String.class)
                                .eq(h.principalType()), created.field(3, String.class).eq(h.principalId()));
    }
}
