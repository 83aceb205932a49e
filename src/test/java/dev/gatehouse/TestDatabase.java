package dev.gatehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test JVM a database of its own on the configured PostgreSQL server, created on first
 * use and dropped when the JVM exits, so tests never see demo data or each other's leftovers.
 */
public class TestDatabase implements EnvironmentPostProcessor {

    private static final String PREFIX = "gatehouse_test_";

    private static final Duration LEFTOVER_AGE = Duration.ofHours(6);

    private static String url;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("spring.datasource.url", "jdbc:postgresql://localhost:5432/x");
        Properties credentials = new Properties();
        credentials.setProperty("user", environment.getProperty("spring.datasource.username", "postgres"));
        credentials.setProperty("password", environment.getProperty("spring.datasource.password", ""));
        environment.getPropertySources().addFirst(new MapPropertySource("test-database",
                Map.of("spring.datasource.url", create(configured, credentials))));
    }

    /** The test database's JDBC URL; tests that talk to PostgreSQL directly use it too. */
    public static synchronized String create(String configuredUrl, Properties credentials) {
        if (url != null) {
            return url;
        }
        Properties parsed = Driver.parseURL(configuredUrl, null);
        String server = "jdbc:postgresql://" + parsed.getProperty("PGHOST") + ":" + parsed.getProperty("PGPORT") + "/";
        String name = freshName("run");
        dropLeftovers(server + "postgres", credentials);
        execute(server + "postgres", credentials, "create database " + name);
        // Not forced: Spring may still be closing its pool. If the drop fails, the next run sweeps it up.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> tryExecute(server + "postgres", credentials, "drop database if exists " + name)));
        url = server + name;
        return url;
    }

    /**
     * A name for a test database, with its creation time in it: another JVM's sweep leaves it alone until
     * it is hours old, even while nobody is connected to it yet.
     */
    public static String freshName(String purpose) {
        return PREFIX + Instant.now().getEpochSecond() + "_" + purpose + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /**
     * The test database as its owner, postgres, for what the application role may not do: switching the
     * audit trail's triggers off, dropping indexes, truncating.
     */
    public static DataSource asOwner() {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(url());
        owner.setUser("postgres");
        return owner;
    }

    /** The test database's JDBC URL, once the application context has created it. */
    public static synchronized String url() {
        if (url == null) {
            throw new IllegalStateException("No test database yet: the application context creates it");
        }
        return url;
    }

    /**
     * Test databases of earlier runs that nobody is connected to any more and that are older than a test
     * run can be: a JVM's database has no connection for a moment after it is created, and between
     * application contexts.
     */
    private static void dropLeftovers(String jdbcUrl, Properties credentials) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials);
             Statement statement = connection.createStatement();
             ResultSet names = statement.executeQuery("select datname from pg_database d where datname like '"
                     + PREFIX + "%' and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)"
                     + " and (datname !~ '^" + PREFIX + "[0-9]+_' or substring(datname from '^" + PREFIX
                     + "([0-9]+)_')::bigint < extract(epoch from now()) - " + LEFTOVER_AGE.toSeconds() + ")")) {
            while (names.next()) {
                tryExecute(jdbcUrl, credentials, "drop database if exists " + names.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed", e);
        }
    }

    private static void tryExecute(String jdbcUrl, Properties credentials, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            // Left for the next run's sweep.
        }
    }

    private static void execute(String jdbcUrl, Properties credentials, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed: " + sql, e);
        }
    }
}
