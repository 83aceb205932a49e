package dev.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.ChainReport;
import dev.gatehouse.audit.internal.AuditRepository;
import dev.gatehouse.audit.internal.NewEntry;
import dev.gatehouse.shared.StartupProblem;

/**
 * Gatehouse's pool logs in as the application role, which can append to the audit trail and read it but
 * cannot rewrite it. Each test gets a database of its own, migrated as Gatehouse migrates it: by the owner
 * (postgres here), with the application role created and granted as at start-up.
 */
class ApplicationRoleTest {

    private static final String SERVER = "jdbc:postgresql://localhost:5432/";
    private static final String ROLE = "gatehouse_app";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant OLD = NOW.minus(Duration.ofDays(500));
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private String name;
    private PGSimpleDataSource owner;
    private PGSimpleDataSource application;
    private AnnotationConfigApplicationContext audit;

    @BeforeEach
    void aDatabaseMigratedByTheOwnerWithTheApplicationRoleGranted() throws Exception {
        name = TestDatabase.freshName("roles");
        execute(SERVER + "postgres", "create database " + name);
        owner = dataSource("postgres");
        DatabaseLogin login = ApplicationRoleSetup.ensureRole(new DatabaseLogin(SERVER + name, "postgres", ""), ROLE);
        application = dataSource(login.user());
        Flyway.configure().dataSource(owner).locations("classpath:db/migration")
                .callbacks(new ApplicationRoleGrants(application)).load().migrate();
        // What AuditRetentionPolicy writes at start-up with GATEHOUSE_AUDIT_RETENTION=400d.
        execute(SERVER + name, "update audit_retention_policy set minimum_age = interval '400 days'");
        // The audit module's repository over the application role's connections, as AuditVerification builds it.
        audit = new AnnotationConfigApplicationContext();
        audit.registerBean(org.jooq.DSLContext.class, () -> DSL.using(application, SQLDialect.POSTGRES));
        audit.register(AuditRepository.class);
        audit.refresh();
    }

    @AfterEach
    void dropIt() throws Exception {
        audit.close();
        execute(SERVER + "postgres", "drop database if exists " + name + " with (force)");
    }

    @Test
    void the_application_role_appends_to_the_audit_trail_and_the_chain_holds() throws Exception {
        asApplication("insert into audit_entry (occurred_at, actor, action, details) "
                + "values (now(), 'role test', 'ACCESS_REQUESTED', 'appended by the application role')");
        append(NOW, "appended through the repository");

        assertThat(repository().verifyChain().entries()).isEqualTo(2);
        assertThat(repository().verifyChain().intact()).isTrue();
    }

    @Test
    void the_application_role_cannot_update_audit_entries() throws Exception {
        append(NOW, "as it happened");

        refused("update audit_entry set details = 'as it did not happen'", "permission denied for table audit_entry");
    }

    @Test
    void the_application_role_cannot_delete_audit_entries() throws Exception {
        append(NOW, "here to stay");

        refused("delete from audit_entry", "permission denied for table audit_entry");
    }

    @Test
    void the_application_role_cannot_truncate_the_audit_trail() {
        refused("truncate audit_entry", "permission denied for table audit_entry");
    }

    @Test
    void the_application_role_cannot_change_or_remove_signed_off_review_evidence() {
        refused("update review_evidence set sha256 = 'forged'", "permission denied for table review_evidence");
        refused("delete from review_evidence_part", "permission denied for table review_evidence_part");
        refused("truncate review_evidence", "permission denied for table review_evidence");
    }

    @Test
    void the_application_role_cannot_switch_the_audit_triggers_off() {
        refused("alter table audit_entry disable trigger audit_entry_append_only",
                "must be owner of table audit_entry");
        refused("alter table audit_entry disable trigger all", "must be owner of table audit_entry");
        refused("set session_replication_role = replica", "permission denied to set parameter");
    }

    @Test
    void the_application_role_cannot_drop_or_alter_the_triggers_or_their_functions() {
        refused("drop trigger audit_entry_append_only on audit_entry", "must be owner of relation audit_entry");
        refused("drop trigger audit_entry_link on audit_entry", "must be owner of relation audit_entry");
        refused("drop function audit_entry_refuse_change() cascade", "must be owner of function");
        refused("alter function audit_entry_link() security invoker", "must be owner of function");
        refused("alter function audit_prune(bigint, timestamptz) owner to " + ROLE, "must be owner of function");
    }

    @Test
    void the_application_role_cannot_create_a_function_that_replaces_them() {
        refused("create or replace function audit_entry_refuse_change() returns trigger language plpgsql as "
                + "$$ begin return old; end $$", "permission denied for schema public");
        refused("create or replace function audit_prune(up_to bigint, older_than timestamptz) returns bigint "
                + "language sql as $$ select 0::bigint $$", "permission denied for schema public");
        refused("create function public.audit_entry_bytes(e text) returns bytea language sql as $$ select null $$",
                "permission denied for schema public");
    }

    @Test
    void the_application_role_cannot_prune_entries_younger_than_the_configured_retention() throws Exception {
        append(NOW.minus(Duration.ofDays(100)), "100 days old");
        append(NOW, "new");

        refused("select audit_prune(1, now() - interval '99 days')", "kept at least 400 days");
        refused("select audit_prune(2, now() - interval '399 days')", "kept at least 400 days");
        refused("select audit_prune(2, now() + interval '1 day')", "kept at least 400 days");
        assertThat(repository().verifyChain().entries()).isEqualTo(2);
    }

    @Test
    void the_application_role_cannot_change_the_retention_policy_or_move_the_chains_anchor() {
        refused("update audit_retention_policy set minimum_age = interval '30 days'",
                "permission denied for table audit_retention_policy");
        refused("update audit_chain_anchor set seq = 1000", "permission denied for table audit_chain_anchor");
        refused("update audit_chain_head set seq = 0", "permission denied for table audit_chain_head");
    }

    @Test
    void a_prune_within_the_policy_leaves_an_anchor_that_verification_accepts() throws Exception {
        append(OLD, "old 1");
        append(OLD.plusSeconds(1), "old 2");
        append(NOW, "recent 3");

        long removed = repository().prune(2, NOW.minus(Duration.ofDays(450)));

        assertThat(removed).isEqualTo(2);
        assertThat(repository().anchorSeq()).isEqualTo(2);
        ChainReport report = repository().verifyChain();
        assertThat(report.intact()).isTrue();
        assertThat(report.summary()).isEqualTo("Intact: all 1 entries are linked and unchanged, from entry 3 on; "
                + "retention removed the entries before it.");
    }

    @Test
    void gatehouse_refuses_to_run_its_pool_as_a_superuser() {
        assertThatThrownBy(() -> migrateGranting(dataSource("postgres")))
                .rootCause().isInstanceOf(StartupProblem.class)
                .hasMessageContaining("logs in as postgres, a superuser");
    }

    @Test
    void gatehouse_refuses_to_run_its_pool_as_a_member_of_the_role_that_owns_the_tables() throws Exception {
        String member = "gatehouse_owner_member_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute(SERVER + name, "create role " + member + " login in role postgres");
        try {
            assertThatThrownBy(() -> migrateGranting(dataSource(member)))
                    .rootCause().isInstanceOf(StartupProblem.class)
                    .hasMessageContaining("logs in as " + member + ", which owns Gatehouse's tables");
        } finally {
            execute(SERVER + name, "drop role " + member);
        }
    }

    @Test
    void several_processes_creating_the_application_role_at_once_all_get_it() throws Exception {
        String role = "gatehouse_app_race_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        int processes = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Future<DatabaseLogin>> created = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                Callable<DatabaseLogin> create = () -> {
                    start.await();
                    return ApplicationRoleSetup.ensureRole(new DatabaseLogin(SERVER + name, "postgres", ""), role);
                };
                created.add(pool.submit(create));
            }
            start.countDown();
            for (Future<DatabaseLogin> login : created) {
                assertThat(login.get().user()).isEqualTo(role);
            }
            try (Connection connection = dataSource(role).getConnection()) {
                assertThat(connection.isValid(2)).isTrue();
            }
        } finally {
            pool.shutdownNow();
            execute(SERVER + "postgres", "drop role if exists " + role);
        }
    }

    @Test
    void with_one_owner_login_flyway_migrates_as_it_and_the_pool_logs_in_as_the_application_role() {
        MockEnvironment environment = configured("postgres");

        new ApplicationRoleSetup().onApplicationEvent(preparing(environment));

        assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("postgres");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(ROLE);
    }

    @Test
    void with_an_owner_login_of_its_own_the_pool_keeps_the_configured_role() {
        MockEnvironment environment = configured(ROLE).withProperty(DatabaseLogin.OWNER_USER, "postgres");

        new ApplicationRoleSetup().onApplicationEvent(preparing(environment));

        assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("postgres");
        assertThat(environment.getProperty("spring.flyway.url")).isNull();
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(ROLE);
    }

    @Test
    void an_application_role_that_cannot_log_in_stops_start_up_with_what_to_do() {
        MockEnvironment environment = configured("gatehouse_no_such_role")
                .withProperty(DatabaseLogin.OWNER_USER, "postgres");

        assertThatThrownBy(() -> new ApplicationRoleSetup().onApplicationEvent(preparing(environment)))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("cannot connect as its application role gatehouse_no_such_role")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("GATEHOUSE_DB_OWNER_USER"));
    }

    private MockEnvironment configured(String user) {
        return new MockEnvironment().withProperty("spring.datasource.url", SERVER + name)
                .withProperty("spring.datasource.username", user);
    }

    private static ApplicationEnvironmentPreparedEvent preparing(MockEnvironment environment) {
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
                new String[0], environment);
    }

    /** Flyway at start-up: nothing left to migrate, then the grants to the pool's role. */
    private void migrateGranting(PGSimpleDataSource pool) {
        Flyway.configure().dataSource(owner).locations("classpath:db/migration")
                .callbacks(new ApplicationRoleGrants(pool)).load().migrate();
    }

    private AuditRepository repository() {
        return audit.getBean(AuditRepository.class);
    }

    private void append(Instant at, String details) {
        repository().append(NewEntry.of(at, "role test", AuditAction.ACCESS_REQUESTED, "request #1", details));
    }

    private void refused(String sql, String reason) {
        assertThatThrownBy(() -> asApplication(sql)).isInstanceOf(SQLException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private void asApplication(String sql) throws SQLException {
        try (Connection connection = application.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private PGSimpleDataSource dataSource(String user) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(SERVER + name);
        dataSource.setUser(user);
        return dataSource;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
