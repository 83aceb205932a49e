package dev.gatehouse.directory.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ACCOUNT;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP_MEMBER;
import static dev.gatehouse.db.Tables.DIRECTORY_OWNER;
import static dev.gatehouse.db.Tables.DIRECTORY_PERMISSION_SET;
import static dev.gatehouse.db.Tables.DIRECTORY_USER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.directory.OwnedKind;
import dev.gatehouse.directory.OwnerCandidate;
import dev.gatehouse.directory.PrincipalType;
import dev.gatehouse.shared.SearchText;

/**
 * Owners set in Gatehouse, the owner tags the sync read, and what a tag value or an owner's id stands for
 * in the mirror. A tag value names a person by userName or email (any case), else a group by name.
 */
@Repository
public class OwnerRepository {

    /** An account or a permission set as ownership needs it. */
    public record Resource(OwnedKind kind, String id, String name, String ownerTag) {
    }

    /** An owner an admin set, by id. */
    public record SetOwner(PrincipalType type, String principalId, String setBy, Instant setAt) {
    }

    /** A person or group in the mirror; a group is always enabled. */
    public record Principal(PrincipalType type, String id, String name, boolean enabled) {
    }

    private final DSLContext db;

    OwnerRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<Resource> resource(OwnedKind kind, String id) {
        return resources(kind).and(idOf(kind).eq(id)).fetchOptional(r -> new Resource(kind, r.value1(), r.value2(),
                r.value3()));
    }

    public Optional<SetOwner> setOwner(OwnedKind kind, String resourceId) {
        return db.selectFrom(DIRECTORY_OWNER)
                .where(DIRECTORY_OWNER.RESOURCE_KIND.eq(kind.name()), DIRECTORY_OWNER.RESOURCE_ID.eq(resourceId))
                .fetchOptional(r -> new SetOwner(PrincipalType.valueOf(r.getPrincipalType()), r.getPrincipalId(),
                        r.getSetBy(), r.getSetAt().toInstant()));
    }

    public void set(OwnedKind kind, String resourceId, PrincipalType type, String principalId, String by, Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        db.insertInto(DIRECTORY_OWNER)
                .set(DIRECTORY_OWNER.RESOURCE_KIND, kind.name()).set(DIRECTORY_OWNER.RESOURCE_ID, resourceId)
                .set(DIRECTORY_OWNER.PRINCIPAL_TYPE, type.name()).set(DIRECTORY_OWNER.PRINCIPAL_ID, principalId)
                .set(DIRECTORY_OWNER.SET_BY, by).set(DIRECTORY_OWNER.SET_AT, when)
                .onConflict(DIRECTORY_OWNER.RESOURCE_KIND, DIRECTORY_OWNER.RESOURCE_ID).doUpdate()
                .set(DIRECTORY_OWNER.PRINCIPAL_TYPE, type.name()).set(DIRECTORY_OWNER.PRINCIPAL_ID, principalId)
                .set(DIRECTORY_OWNER.SET_BY, by).set(DIRECTORY_OWNER.SET_AT, when)
                .execute();
    }

    /** @return whether an owner was set in Gatehouse */
    public boolean clear(OwnedKind kind, String resourceId) {
        return db.deleteFrom(DIRECTORY_OWNER)
                .where(DIRECTORY_OWNER.RESOURCE_KIND.eq(kind.name()), DIRECTORY_OWNER.RESOURCE_ID.eq(resourceId))
                .execute() > 0;
    }

    public Optional<Principal> principal(PrincipalType type, String id) {
        return type == PrincipalType.USER
                ? db.select(DIRECTORY_USER.DISPLAY_NAME, DIRECTORY_USER.ENABLED).from(DIRECTORY_USER)
                        .where(DIRECTORY_USER.ID.eq(id)).fetchOptional(r -> new Principal(type, id, r.value1(), r.value2()))
                : db.select(DIRECTORY_GROUP.DISPLAY_NAME).from(DIRECTORY_GROUP).where(DIRECTORY_GROUP.ID.eq(id))
                        .fetchOptional(r -> new Principal(type, id, r.value1(), true));
    }

    /** Whom the tag value names: a person by userName, else by email, else a group by name. */
    public Optional<Principal> named(String tagValue) {
        if (tagValue.isBlank()) {
            return Optional.empty();
        }
        String value = tagValue.toLowerCase();
        return person(DSL.lower(DIRECTORY_USER.USER_NAME).eq(value))
                .or(() -> person(DSL.lower(DIRECTORY_USER.EMAIL).eq(value)))
                .or(() -> db.select(DIRECTORY_GROUP.ID, DIRECTORY_GROUP.DISPLAY_NAME).from(DIRECTORY_GROUP)
                        .where(DSL.lower(DIRECTORY_GROUP.DISPLAY_NAME).eq(value)).orderBy(DIRECTORY_GROUP.ID).limit(1)
                        .fetchOptional(r -> new Principal(PrincipalType.GROUP, r.value1(), r.value2(), true)));
    }

    private Optional<Principal> person(Condition condition) {
        return db.select(DIRECTORY_USER.ID, DIRECTORY_USER.DISPLAY_NAME, DIRECTORY_USER.ENABLED).from(DIRECTORY_USER)
                .where(condition).orderBy(DIRECTORY_USER.ID).limit(1)
                .fetchOptional(r -> new Principal(PrincipalType.USER, r.value1(), r.value2(), r.value3()));
    }

    /**
     * Accounts or permission sets nobody owns, by name: no owner set in Gatehouse who is in the directory
     * (and enabled), and no owner tag that names an enabled person or a group.
     */
    public List<Resource> withoutOwner(OwnedKind kind, String search, int offset, int limit) {
        return resources(kind).and(withoutOwner(kind)).and(matching(kind, search))
                .orderBy(nameOf(kind), idOf(kind)).offset(offset).limit(limit)
                .fetch(r -> new Resource(kind, r.value1(), r.value2(), r.value3()));
    }

    public int withoutOwnerCount(OwnedKind kind, String search) {
        return db.fetchCount(resources(kind).and(withoutOwner(kind)).and(matching(kind, search)));
    }

    /** People (enabled) and groups whose name, userName or email contains the search text; people first. */
    public List<OwnerCandidate> candidates(String search, int offset, int limit) {
        String pattern = SearchText.containsPattern(search.strip());
        var people = db.select(DSL.inline(0).as("rank"), DSL.inline(PrincipalType.USER.name()).as("type"),
                        DIRECTORY_USER.ID.as("id"), DIRECTORY_USER.DISPLAY_NAME.as("name"),
                        DIRECTORY_USER.USER_NAME.concat(" · ").concat(DIRECTORY_USER.EMAIL).as("detail"))
                .from(DIRECTORY_USER)
                .where(DIRECTORY_USER.ENABLED.isTrue(), DSL.or(DIRECTORY_USER.DISPLAY_NAME.likeIgnoreCase(pattern, SearchText.ESCAPE),
                        DIRECTORY_USER.USER_NAME.likeIgnoreCase(pattern, SearchText.ESCAPE),
                        DIRECTORY_USER.EMAIL.likeIgnoreCase(pattern, SearchText.ESCAPE)));
        Field<Integer> members = DSL.field(DSL.selectCount().from(DIRECTORY_GROUP_MEMBER)
                .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(DIRECTORY_GROUP.ID)));
        var groups = db.select(DSL.inline(1).as("rank"), DSL.inline(PrincipalType.GROUP.name()).as("type"),
                        DIRECTORY_GROUP.ID.as("id"), DIRECTORY_GROUP.DISPLAY_NAME.as("name"),
                        members.cast(String.class).concat(" members").as("detail"))
                .from(DIRECTORY_GROUP)
                .where(DIRECTORY_GROUP.DISPLAY_NAME.likeIgnoreCase(pattern, SearchText.ESCAPE));
        var both = people.unionAll(groups).asTable("candidate");
        return db.selectFrom(both)
                .orderBy(both.field("rank"), both.field("name"), both.field("id")).offset(offset).limit(limit)
                .fetch(r -> new OwnerCandidate(PrincipalType.valueOf(r.get("type", String.class)),
                        r.get("id", String.class), r.get("name", String.class), r.get("detail", String.class)));
    }

    private SelectConditionStep<Record3<String, String, String>> resources(OwnedKind kind) {
        return kind == OwnedKind.ACCOUNT
                ? db.select(DIRECTORY_ACCOUNT.ID, DIRECTORY_ACCOUNT.NAME, DIRECTORY_ACCOUNT.OWNER_TAG)
                        .from(DIRECTORY_ACCOUNT).where(DSL.noCondition())
                : db.select(DIRECTORY_PERMISSION_SET.ARN, DIRECTORY_PERMISSION_SET.NAME, DIRECTORY_PERMISSION_SET.OWNER_TAG)
                        .from(DIRECTORY_PERMISSION_SET).where(DSL.noCondition());
    }

    private static Field<String> idOf(OwnedKind kind) {
        return kind == OwnedKind.ACCOUNT ? DIRECTORY_ACCOUNT.ID : DIRECTORY_PERMISSION_SET.ARN;
    }

    private static Field<String> nameOf(OwnedKind kind) {
        return kind == OwnedKind.ACCOUNT ? DIRECTORY_ACCOUNT.NAME : DIRECTORY_PERMISSION_SET.NAME;
    }

    private static Condition matching(OwnedKind kind, String search) {
        if (search == null || search.isBlank()) {
            return DSL.noCondition();
        }
        String pattern = SearchText.containsPattern(search.strip());
        return DSL.or(nameOf(kind).likeIgnoreCase(pattern, SearchText.ESCAPE),
                idOf(kind).likeIgnoreCase(pattern, SearchText.ESCAPE));
    }

    private static Condition withoutOwner(OwnedKind kind) {
        Field<String> id = idOf(kind);
        Field<String> tag = kind == OwnedKind.ACCOUNT ? DIRECTORY_ACCOUNT.OWNER_TAG : DIRECTORY_PERMISSION_SET.OWNER_TAG;
        var user = DIRECTORY_USER.as("owner_user");
        var group = DIRECTORY_GROUP.as("owner_group");
        Condition setOwnerPresent = DSL.exists(DSL.selectOne().from(DIRECTORY_OWNER)
                .where(DIRECTORY_OWNER.RESOURCE_KIND.eq(kind.name()), DIRECTORY_OWNER.RESOURCE_ID.eq(id))
                .and(DSL.or(
                        DIRECTORY_OWNER.PRINCIPAL_TYPE.eq(PrincipalType.USER.name()).and(DSL.exists(DSL.selectOne()
                                .from(user).where(user.ID.eq(DIRECTORY_OWNER.PRINCIPAL_ID), user.ENABLED.isTrue()))),
                        DIRECTORY_OWNER.PRINCIPAL_TYPE.eq(PrincipalType.GROUP.name()).and(DSL.exists(DSL.selectOne()
                                .from(group).where(group.ID.eq(DIRECTORY_OWNER.PRINCIPAL_ID)))))));
        // The same order as named(): a tag naming a disabled person does not fall through to a group.
        Condition tagNamesSomeone = tag.ne("").and(DSL.or(
                DSL.exists(DSL.selectOne().from(user).where(user.ENABLED.isTrue(), DSL.or(
                        DSL.lower(user.USER_NAME).eq(DSL.lower(tag)), DSL.lower(user.EMAIL).eq(DSL.lower(tag))))),
                DSL.notExists(DSL.selectOne().from(user).where(DSL.or(
                                DSL.lower(user.USER_NAME).eq(DSL.lower(tag)), DSL.lower(user.EMAIL).eq(DSL.lower(tag)))))
                        .and(DSL.exists(DSL.selectOne().from(group).where(DSL.lower(group.DISPLAY_NAME).eq(DSL.lower(tag)))))));
        return DSL.not(setOwnerPresent).and(DSL.not(tagNamesSomeone));
    }
}
