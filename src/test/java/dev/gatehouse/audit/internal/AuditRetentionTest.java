package dev.gatehouse.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.jooq.exception.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import dev.gatehouse.TestDatabase;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.ChainReport;
import dev.gatehouse.shared.StartupProblem;

/**
 * Retention removes entries from the start of the trail, so each test needs a trail of its own: a fresh
 * database, migrated as Gatehouse migrates it, without the application around it.
 */
class AuditRetentionTest {

    /** The database checks the 30-day floor against its own clock: the test's runs at the real time. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String SERVER = "jdbc:postgresql://localhost:5432/";
    private static final Duration RETENTION = Duration.ofDays(400);
    private static final Instant OLD = NOW.minus(RETENTION).minus(Duration.ofDays(10));
    private static final Instant RECENT = NOW.minus(Duration.ofDays(3));

    @TempDir
    private Path archive;
    private String name;
    private PGSimpleDataSource dataSource;
    private DSLContext db;
    private AuditRepository repository;

    @BeforeEach
    void aTrailOfItsOwn() throws Exception {
        name = TestDatabase.freshName("retention");
        execute(SERVER + "postgres", "create database " + name);
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(SERVER + name);
        dataSource.setUser("postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        db = DSL.using(new TransactionAwareDataSourceProxy(dataSource), SQLDialect.POSTGRES);
        repository = new AuditRepository(db);
    }

    @AfterEach
    void dropIt() throws Exception {
        execute(SERVER + "postgres", "drop database if exists " + name + " with (force)");
    }

    @Test
    void entries_older_than_the_retention_leave_from_the_start_and_what_remains_still_verifies() throws Exception {
        for (int i = 1; i <= 5; i++) {
            append(OLD.plusSeconds(i), "old " + i);
        }
        append(RECENT, "recent 6");
        append(RECENT.plusSeconds(1), "recent 7");

        long removed = retention(Optional.of(archive)).removeExpired();

        assertThat(removed).isEqualTo(5);
        assertThat(db.fetch("select details from audit_entry order by seq").getValues(0, String.class))
                .startsWith("recent 6", "recent 7").last().asString().startsWith("Removed entries 1 to 5 (5)");
        ChainReport report = repository.verifyChain();
        assertThat(report.intact()).isTrue();
        assertThat(report.summary()).isEqualTo("Intact: all 3 entries are linked and unchanged, from entry 6 on; "
                + "retention removed the entries before it.");
        List<String> archived = Files.readAllLines(archive.resolve("gatehouse-audit-entries-1-to-5.csv"));
        assertThat(archived).hasSize(6);
        assertThat(archived.get(0)).endsWith(",Source address,Hash (SHA-256)");
        assertThat(archived.get(5)).startsWith("5,").contains(",old 5,").matches(".*,[0-9a-f]{64}$");
        assertThat(retention(Optional.empty()).removeExpired()).as("nothing more is old enough").isZero();
    }

    @Test
    void removal_stops_at_the_first_entry_young_enough_to_keep() {
        append(OLD, "old 1");
        append(RECENT, "recent 2");
        append(OLD.plusSeconds(1), "old 3, written late");

        assertThat(retention(Optional.empty()).removeExpired()).isEqualTo(1);

        assertThat(db.fetch("select details from audit_entry order by seq").getValues(0, String.class))
                .startsWith("recent 2", "old 3, written late");
        assertThat(repository.verifyChain().intact()).isTrue();
    }

    @Test
    void the_database_lets_nothing_else_remove_entries() {
        append(OLD, "old 1");
        append(RECENT, "recent 2");

        assertThatThrownBy(() -> repository.prune(2, NOW.minus(Duration.ofDays(29))))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("kept at least 30 days");
        assertThatThrownBy(() -> repository.prune(2, NOW.minus(RETENTION))).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("are not all older than");
        db.transaction(configuration -> {
            DSLContext tx = DSL.using(configuration);
            tx.execute("select set_config('gatehouse.audit_pruning', 'on', true)");
            assertThatThrownBy(() -> tx.execute("delete from audit_entry where seq = 2"))
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: DELETE");
        });
        assertThat(db.fetchCount(db.selectFrom("audit_entry"))).isEqualTo(2);
    }

    @Test
    void entries_removed_from_the_start_behind_retentions_back_are_found() throws Exception {
        for (int i = 1; i <= 3; i++) {
            append(OLD.plusSeconds(i), "old " + i);
        }
        append(RECENT, "recent 4");
        append(RECENT, "recent 5");
        retention(Optional.empty()).removeExpired();

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute("delete from audit_entry where seq = 4");
        }

        assertThat(repository.verifyChain().summary()).isEqualTo("Broken at entry 5: entry 4 is missing before "
                + "entry 5.");
    }

    @Test
    void the_configured_retention_is_the_minimum_age_the_database_enforces_after_each_migration() {
        append(OLD, "old 1");
        append(RECENT, "recent 2");

        migrateWith(new AuditProperties(Optional.of(RETENTION), Optional.empty()));

        assertThatThrownBy(() -> repository.prune(1, NOW.minus(RETENTION).plus(Duration.ofDays(1))))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("kept at least 400 days");
        assertThat(repository.prune(1, NOW.minus(RETENTION))).isEqualTo(1);
        assertThat(repository.verifyChain().intact()).isTrue();
    }

    @Test
    void without_a_configured_retention_the_database_removes_nothing() {
        append(OLD, "old 1");
        append(RECENT, "recent 2");

        migrateWith(new AuditProperties(Optional.empty(), Optional.empty()));

        assertThatThrownBy(() -> repository.prune(1, OLD.plusSeconds(1))).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("kept forever");
        assertThat(db.fetchCount(db.selectFrom("audit_entry"))).isEqualTo(2);
    }

    @Test
    void a_retention_under_thirty_days_stops_gatehouse_from_starting() {
        assertThatThrownBy(() -> new AuditProperties(Optional.of(Duration.ofDays(7)), Optional.empty()))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("at least 30 days");
    }

    /** As Gatehouse starts: a migration (nothing new here) whose callback records the configured retention. */
    private void migrateWith(AuditProperties properties) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .callbacks(new AuditRetentionPolicy(properties)).load().migrate();
    }

    private AuditRetention retention(Optional<Path> archiveDirectory) {
        return new AuditRetention(repository, new AuditProperties(Optional.of(RETENTION), archiveDirectory),
                Clock.fixed(NOW, ZoneOffset.UTC), new DataSourceTransactionManager(dataSource));
    }

    private void append(Instant at, String details) {
        repository.append(NewEntry.of(at, "retention test", AuditAction.ACCESS_REQUESTED, "request #1", details));
    }

    private static Properties credentials() {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("password", "");
        return credentials;
    }

    private static void execute(String url, String statement) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(url, credentials());
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
