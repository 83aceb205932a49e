package dev.gatehouse;

import static dev.gatehouse.db.Tables.DIRECTORY_PERMISSION_SET;
import static dev.gatehouse.db.Tables.PERMISSION_SET_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrations that turned text into typed columns (V27, V28) convert what a database already holds: each
 * test migrates a database of its own up to V26, writes rows as Gatehouse wrote them then, and migrates on.
 */
class TypedColumnsMigrationTest {

    private static final String SERVER = "jdbc:postgresql://localhost:5432/";
    private static final String BEFORE_TYPED_COLUMNS = "26";
    private static final String SET = "arn:aws:sso:::permissionSet/ssoins-1/ps-";

    private String name;
    private PGSimpleDataSource owner;
    private DSLContext db;

    @BeforeEach
    void aDatabaseMigratedToTheVersionBeforeTheTypedColumns() throws SQLException {
        name = TestDatabase.freshName("typed");
        execute(SERVER + "postgres", "create database " + name);
        owner = new PGSimpleDataSource();
        owner.setUrl(SERVER + name);
        owner.setUser("postgres");
        flyway(BEFORE_TYPED_COLUMNS).migrate();
        db = DSL.using(owner, SQLDialect.POSTGRES);
    }

    @AfterEach
    void dropIt() throws SQLException {
        execute(SERVER + "postgres", "drop database if exists " + name + " with (force)");
    }

    @Test
    void iso_session_durations_become_durations_and_one_that_does_not_read_becomes_not_known() {
        permissionSet("ps-eight", "PT8H", "", "", "");
        permissionSet("ps-mixed", "PT1H30M", "", "", "");
        permissionSet("ps-garbage", "eight hours", "", "", "");
        permissionSet("ps-empty", "", "", "", "");
        permissionSet("ps-months", "P1M", "", "", "");

        migrateOn();

        assertThat(session("ps-eight")).isEqualTo(Duration.ofHours(8));
        assertThat(session("ps-mixed")).isEqualTo(Duration.ofMinutes(90));
        assertThat(session("ps-garbage")).as("no duration: not known, not a guess").isNull();
        assertThat(session("ps-empty")).isNull();
        assertThat(session("ps-months")).as("months are no Duration").isNull();
    }

    @Test
    void a_session_change_keeps_its_durations_and_a_before_that_did_not_read_becomes_not_known() {
        db.execute("insert into permission_set_change (permission_set_arn, permission_set_name, session_before, "
                + "session_after, requested_by, requested_at, status) values "
                + "('" + SET + "a', 'A', 'PT8H', 'PT2H', 'Ada', now(), 'SUCCEEDED'), "
                + "('" + SET + "b', 'B', 'unknown', 'PT1H30M', 'Ada', now(), 'UPDATING')");

        migrateOn();

        var changes = db.select(PERMISSION_SET_CHANGE.PERMISSION_SET_NAME, PERMISSION_SET_CHANGE.SESSION_BEFORE,
                        PERMISSION_SET_CHANGE.SESSION_AFTER)
                .from(PERMISSION_SET_CHANGE).orderBy(PERMISSION_SET_CHANGE.PERMISSION_SET_NAME).fetch();
        assertThat(changes.get(0).value2()).isEqualTo(Duration.ofHours(8));
        assertThat(changes.get(0).value3()).isEqualTo(Duration.ofHours(2));
        assertThat(changes.get(1).value2()).isNull();
        assertThat(changes.get(1).value3()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void newline_joined_policies_become_lists_and_empty_text_an_empty_list() {
        permissionSet("ps-listed", "PT1H", "arn:aws:iam::aws:policy/ReadOnlyAccess\narn:aws:iam::aws:policy/AWSSupportAccess",
                "/gatehouse/baseline", "");
        permissionSet("ps-none", "PT1H", "", "", "");

        migrateOn();

        var listed = permissionSet("ps-listed");
        assertThat(listed.getManagedPolicies()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess",
                "arn:aws:iam::aws:policy/AWSSupportAccess");
        assertThat(listed.getCustomerManagedPolicies()).containsExactly("/gatehouse/baseline");
        var none = permissionSet("ps-none");
        assertThat(none.getManagedPolicies()).isEmpty();
        assertThat(none.getCustomerManagedPolicies()).isEmpty();
        assertThat(db.fetchValue("select cardinality(managed_policies) from directory_permission_set where arn = ?",
                SET + "ps-none")).as("an empty array, not NULL").isEqualTo(0);
    }

    @Test
    void key_value_tag_lines_become_an_object_by_key() {
        permissionSet("ps-tagged", "PT1H", "", "", "team=payments\ncost-centre=cc=42\nlegacy");
        permissionSet("ps-untagged", "PT1H", "", "", "");

        migrateOn();

        assertThat(permissionSet("ps-tagged").getTags()).containsExactly(entry("cost-centre", "cc=42"),
                entry("legacy", ""), entry("team", "payments"));
        assertThat(permissionSet("ps-untagged").getTags()).isEmpty();
    }

    private void permissionSet(String id, String session, String managed, String customer, String tags) {
        db.execute("insert into directory_permission_set (arn, name, description, session_duration, relay_state, "
                        + "managed_policies, customer_managed_policies, inline_policy, permissions_boundary, tags) "
                        + "values (?, ?, '', ?, '', ?, ?, '', '', ?)",
                SET + id, id, session, managed, customer, tags);
    }

    private dev.gatehouse.db.tables.records.DirectoryPermissionSetRecord permissionSet(String id) {
        return db.selectFrom(DIRECTORY_PERMISSION_SET).where(DIRECTORY_PERMISSION_SET.ARN.eq(SET + id)).fetchSingle();
    }

    private Duration session(String id) {
        return permissionSet(id).getSessionDuration();
    }

    private void migrateOn() {
        flyway(null).migrate();
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(owner).locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
