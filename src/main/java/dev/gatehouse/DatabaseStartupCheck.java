package dev.gatehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import dev.gatehouse.shared.StartupProblem;

/**
 * Checks the database before anything else starts, so that an unreachable PostgreSQL is one clear
 * line instead of a connection-pool stack trace, and creates the configured database on a fresh server.
 */
class DatabaseStartupCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private final boolean exitOnProblem;

    /**
     * @param exitOnProblem log the problem as one line and exit, before Spring's multi-line failure
     *                      report; otherwise throw it (for tests)
     */
    DatabaseStartupCheck(boolean exitOnProblem) {
        this.exitOnProblem = exitOnProblem;
    }

    static final String HOW_TO_CONFIGURE = "Start PostgreSQL there, or point Gatehouse at your database with "
            + "GATEHOUSE_DB_URL (jdbc:postgresql://host:port/database), GATEHOUSE_DB_USER and GATEHOUSE_DB_PASSWORD.";

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartupCheck.class);
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String UNKNOWN_DATABASE = "3D000";

    /** Before {@link ApplicationRoleSetup}, which needs the database to exist. */
    @Override
    public int getOrder() {
        return ApplicationRoleSetup.ORDER - 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        try {
            check(event.getEnvironment());
        } catch (StartupProblem problem) {
            if (!exitOnProblem) {
                throw problem;
            }
            log.error("{} {}", problem.getMessage(), problem.action());
            System.exit(1);
        }
    }

    /** As the owner, who creates the database and migrates it; {@link ApplicationRoleSetup} checks the pool's role. */
    private void check(Environment env) {
        DatabaseLogin owner = DatabaseLogin.owner(env);
        if (!owner.url().startsWith("jdbc:postgresql:")) {
            return;
        }
        try (Connection ignored = owner.connect()) {
            return;
        } catch (SQLException e) {
            if (!UNKNOWN_DATABASE.equals(e.getSQLState())) {
                throw unreachable(owner.url(), e);
            }
        }
        createDatabase(owner);
    }

    private static void createDatabase(DatabaseLogin owner) {
        String url = owner.url();
        Properties parsed = Driver.parseURL(url, null);
        String name = parsed.getProperty("PGDBNAME");
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            throw new StartupProblem("The database in " + url + " does not exist and its name is not one Gatehouse "
                    + "creates by itself.", "Create it yourself, or choose a name of letters, digits and underscores.");
        }
        String server = "jdbc:postgresql://" + parsed.getProperty("PGHOST").split(",")[0] + ":"
                + parsed.getProperty("PGPORT").split(",")[0] + "/postgres";
        try (Connection connection = owner.on(server).connect();
             Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + name + "\"");
            log.info("Created database {} on {}", name, server);
        } catch (SQLException e) {
            throw new StartupProblem("The database " + name + " does not exist and Gatehouse could not create it ("
                    + e.getMessage() + ").", "Create it, or grant the user CREATEDB. " + HOW_TO_CONFIGURE);
        }
    }

    private static StartupProblem unreachable(String url, SQLException e) {
        // The driver's first sentence says what failed; the rest is generic advice.
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("(?<=\\.) ")[0];
        return new StartupProblem("Gatehouse cannot reach its database at " + url + ": " + reason, HOW_TO_CONFIGURE);
    }
}
