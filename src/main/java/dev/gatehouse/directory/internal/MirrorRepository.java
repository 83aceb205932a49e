package dev.gatehouse.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import dev.gatehouse.db.converters.JsonObjectAsMap;

/**
 * Replaces the mirror tables with a complete new state. The sync streams rows into temporary staging
 * tables (dropped at commit), then {@link #apply()} diffs them into the mirror in the same transaction:
 * readers see the previous complete state until it commits.
 */
@Repository
public class MirrorRepository {

    /**
     * A mirror table: its key columns and the rest.
     *
     * @param types the SQL type of each column whose staged value must be cast from what JDBC sends
     */
    record MirrorTable(String name, List<String> keys, List<String> values, Map<String, String> types) {

        MirrorTable(String name, List<String> keys, List<String> values) {
            this(name, keys, values, Map.of());
        }

        /** The value's place in an insert: cast where the column's type is no plain one. */
        String placeholder(String column) {
            String type = types.get(column);
            return type == null ? "?" : "cast(? as " + type + ")";
        }

        List<String> columns() {
            List<String> all = new ArrayList<>(keys);
            all.addAll(values);
            return all;
        }

        String staging() {
            return name + "_staging";
        }
    }

    static final MirrorTable UNITS = new MirrorTable("directory_ou", List.of("id"),
            List.of("parent_id", "name", "path", "depth"));
    static final MirrorTable ACCOUNTS = new MirrorTable("directory_account", List.of("id"),
            List.of("ou_id", "name", "email", "status", "ou_path", "owner_tag"));
    static final MirrorTable USERS = new MirrorTable("directory_user", List.of("id"),
            List.of("user_name", "display_name", "email", "enabled", "manager_id"));
    static final MirrorTable GROUPS = new MirrorTable("directory_group", List.of("id"),
            List.of("display_name", "description"));
    static final MirrorTable MEMBERS = new MirrorTable("directory_group_member", List.of("group_id", "user_id"),
            List.of());
    static final MirrorTable PERMISSION_SETS = new MirrorTable("directory_permission_set", List.of("arn"),
            List.of("name", "description", "session_duration", "relay_state", "managed_policies",
                    "customer_managed_policies", "inline_policy", "permissions_boundary", "tags", "owner_tag"),
            Map.of("session_duration", "interval day to second", "managed_policies", "varchar[]",
                    "customer_managed_policies", "varchar[]", "tags", "jsonb"));
    static final MirrorTable PROVISIONED = new MirrorTable("directory_provisioned",
            List.of("account_id", "permission_set_arn"), List.of());
    static final MirrorTable ASSIGNMENTS = new MirrorTable("directory_assignment",
            List.of("account_id", "permission_set_arn", "principal_type", "principal_id"), List.of());

    static final List<MirrorTable> ALL = List.of(UNITS, ACCOUNTS, USERS, GROUPS, MEMBERS, PERMISSION_SETS,
            PROVISIONED, ASSIGNMENTS);

    /**
     * Rows added, changed and removed by one apply.
     *
     * @param byKind what changed of each kind that changed: "assignment +5 -2", "user ~1"
     */
    public record Changes(int added, int changed, int removed, List<String> byKind) {

        static final Changes NONE = new Changes(0, 0, 0, List.of());

        Changes plus(Changes other) {
            List<String> kinds = new ArrayList<>(byKind);
            kinds.addAll(other.byKind);
            return new Changes(added + other.added, changed + other.changed, removed + other.removed, kinds);
        }
    }

    /**
     * An assignment Gatehouse wrote since this sync began, as {@code present} or gone; the sync may have
     * read its account before the write, so for it the write wins. current_timestamp is the start of the
     * sync's transaction, whose first statement (the sync lock) runs before anything is read.
     */
    private static final String WRITTEN_SINCE_THIS_SYNC_BEGAN = "exists (select 1 from directory_assignment_write w"
            + " where w.account_id = %1$s.account_id and w.permission_set_arn = %1$s.permission_set_arn"
            + " and w.principal_type = %1$s.principal_type and w.principal_id = %1$s.principal_id"
            + " and w.present = %2$s and w.written_at >= current_timestamp)";

    private static final JsonObjectAsMap TAGS = new JsonObjectAsMap();

    private final DSLContext db;
    private final AssignmentWriteRepository writes;

    MirrorRepository(DSLContext db, AssignmentWriteRepository writes) {
        this.db = db;
        this.writes = writes;
    }

    /** A permission set's tags as the staged jsonb column takes them. */
    static String tags(Map<String, String> tags) {
        return TAGS.to(tags).data();
    }

    /** Only one sync at a time across all nodes; the lock ends with the transaction. */
    boolean tryLock() {
        return Boolean.TRUE.equals(db.fetchValue("select pg_try_advisory_xact_lock(7308611890452329)"));
    }

    /** Must run inside the sync's transaction. */
    void createStaging() {
        for (MirrorTable table : ALL) {
            db.execute("create temporary table " + table.staging() + " (like " + table.name()
                    + " including defaults) on commit drop");
        }
    }

    /** Buffers rows and writes them to a staging table in batches. */
    StagingWriter writer(MirrorTable table) {
        return new StagingWriter(db, table);
    }

    /** Sets the staged accounts' owner tags, read after the accounts themselves (beside their assignments). */
    void stageAccountOwnerTagKey(Map<String, String> ownerTagByAccount) {
        List<Object[]> rows = ownerTagByAccount.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new Object[] {e.getValue(), e.getKey()}).toList();
        for (int from = 0; from < rows.size(); from += 1000) {
            BatchBindStep batch = db.batch("update " + ACCOUNTS.staging() + " set owner_tag = ? where id = ?");
            rows.subList(from, Math.min(rows.size(), from + 1000)).forEach(batch::bind);
            batch.execute();
        }
    }

    Changes apply() {
        writes.holdBack();
        Changes total = Changes.NONE;
        for (MirrorTable table : ALL) {
            total = total.plus(apply(table));
        }
        // Seen by a sync at last: an assignment Gatehouse created gets its first sighting, not counted as a change.
        db.execute("update directory_assignment d set first_seen = current_timestamp where d.first_seen is null"
                + " and exists (select 1 from directory_assignment_staging s where " + match(ASSIGNMENTS) + ")");
        writes.forgetWritesBeforeThisSync();
        return total;
    }

    private Changes apply(MirrorTable table) {
        String columns = String.join(", ", table.columns());
        String keys = String.join(", ", table.keys());
        boolean assignments = table == ASSIGNMENTS;
        String distinct = "select distinct on (" + keys + ") " + columns + " from " + table.staging() + " s"
                + (assignments ? " where not " + WRITTEN_SINCE_THIS_SYNC_BEGAN.formatted("s", false) : "");
        String upsert;
        if (table.values().isEmpty()) {
            upsert = "insert into " + table.name() + " (" + columns + ") " + distinct
                    + " on conflict do nothing returning true as inserted";
        } else {
            String set = table.values().stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
            String current = table.values().stream().map(c -> table.name() + "." + c).collect(Collectors.joining(", "));
            String incoming = table.values().stream().map(c -> "excluded." + c).collect(Collectors.joining(", "));
            upsert = "insert into " + table.name() + " (" + columns + ") " + distinct + " on conflict (" + keys
                    + ") do update set " + set + " where (" + current + ") is distinct from (" + incoming + ")"
                    + " returning (xmax = 0) as inserted";
        }
        Record counts = db.fetchOne("with upserted as (" + upsert + ") select count(*) filter (where inserted), "
                + "count(*) filter (where not inserted) from upserted");
        int removed = db.execute("delete from " + table.name() + " d where not exists (select 1 from "
                + table.staging() + " s where " + match(table) + ")"
                + (assignments ? " and not " + WRITTEN_SINCE_THIS_SYNC_BEGAN.formatted("d", true) : ""));
        int added = counts.get(0, Integer.class);
        int changed = counts.get(1, Integer.class);
        String kind = table.name().substring("directory_".length()).replace('_', ' ');
        String change = (added > 0 ? " +" + added : "") + (changed > 0 ? " ~" + changed : "")
                + (removed > 0 ? " -" + removed : "");
        return new Changes(added, changed, removed, change.isEmpty() ? List.of() : List.of(kind + change));
    }

    /** The staging row s and the mirror row d are the same. */
    private static String match(MirrorTable table) {
        return table.keys().stream().map(k -> "s." + k + " = d." + k).collect(Collectors.joining(" and "));
    }
}
