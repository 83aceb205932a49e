package dev.gatehouse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.gatehouse.shared.StartupProblem;

/**
 * Points Flyway at the owner and the connection pool at the application role, before anything connects.
 * With an owner configured (gatehouse.database.owner-*), both roles are the operator's. Without one, the
 * configured user is the owner (postgres in demo mode and tests) and Gatehouse makes the application role
 * itself: created once for the whole server, so several Gatehouse processes starting at the same moment
 * may race to create it, and given a password derived from the owner's, so every node arrives at the same
 * one. What the role may do is granted after each migration ({@link ApplicationRoleGrants}).
 */
class ApplicationRoleSetup implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** After the configuration (and a test's own database) is known. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;
    static final String APPLICATION_ROLE = "gatehouse.database.application-role";
    static final String HOW_TO_CONFIGURE = "See Database roles in README: either give Gatehouse one owner login "
            + "(GATEHOUSE_DB_USER, GATEHOUSE_DB_PASSWORD) that may create roles, or create both roles and set "
            + "GATEHOUSE_DB_USER and GATEHOUSE_DB_PASSWORD to the application role and GATEHOUSE_DB_OWNER_USER "
            + "and GATEHOUSE_DB_OWNER_PASSWORD to the owner.";

    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleSetup.class);
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        DatabaseLogin configured = DatabaseLogin.configured(env);
        if (!configured.url().startsWith("jdbc:postgresql:")) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        DatabaseLogin application;
        if (DatabaseLogin.ownerConfigured(env)) {
            DatabaseLogin owner = DatabaseLogin.owner(env);
            if (!env.getProperty(DatabaseLogin.OWNER_URL, "").isBlank()) {
                properties.put("spring.flyway.url", owner.url());
            }
            if (!owner.user().isBlank()) {
                properties.put("spring.flyway.user", owner.user());
            }
            properties.put("spring.flyway.password", owner.password());
            application = configured;
        } else {
            if (Driver.parseURL(configured.url(), null).getProperty("user") != null) {
                throw new StartupProblem("GATEHOUSE_DB_URL names the database user; Gatehouse connects its pool as "
                        + "a role of its own and needs the owner's name apart.",
                        "Take user and password out of the URL and set GATEHOUSE_DB_USER and GATEHOUSE_DB_PASSWORD.");
            }
            String role = env.getProperty(APPLICATION_ROLE, "gatehouse_app");
            application = ensureRole(configured, role);
            properties.put("spring.flyway.user", configured.user());
            properties.put("spring.flyway.password", configured.password());
            properties.put("spring.datasource.username", application.user());
            properties.put("spring.datasource.password", application.password());
        }
        try (Connection ignored = application.connect()) {
            // It can log in; what it may do is granted after the migration.
        } catch (SQLException e) {
            throw new StartupProblem("Gatehouse cannot connect as its application role " + application.user()
                    + ": " + e.getMessage(), HOW_TO_CONFIGURE);
        }
        env.getPropertySources().addFirst(new MapPropertySource("gatehouse-database-roles", properties));
    }

    /**
     * Creates the role as the owner unless it exists, and gives it the owner's derived password when the
     * owner has one; an owner without a password (trust or certificate login) leaves it without one.
     */
    static DatabaseLogin ensureRole(DatabaseLogin owner, String role) {
        if (!PLAIN_NAME.matcher(role).matches()) {
            throw new StartupProblem("The application role name " + role + " is not one Gatehouse creates by itself.",
                    "Set GATEHOUSE_DB_APP_ROLE to lower-case letters, digits and underscores.");
        }
        if (role.equals(owner.user())) {
            throw new StartupProblem("GATEHOUSE_DB_USER is " + role + ", the application role, but no owner is "
                    + "configured to migrate the tables.", HOW_TO_CONFIGURE);
        }
        String password = owner.password().isEmpty() ? "" : derivedPassword(owner.password(), role);
        try (Connection connection = owner.connect()) {
            if (!exists(connection, role)) {
                create(connection, role);
            }
            if (!password.isEmpty()) {
                try (Statement lock = connection.createStatement()) {
                    // Nodes of one installation share its database; the lock keeps their updates of the role apart.
                    lock.execute("select pg_advisory_lock(hashtext('gatehouse.application_role'))");
                    connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), null);
                }
            }
        } catch (SQLException e) {
            throw new StartupProblem("Gatehouse could not prepare its application role " + role + " as "
                    + owner.user() + ": " + e.getMessage(), HOW_TO_CONFIGURE);
        }
        return new DatabaseLogin(owner.url(), role, password);
    }

    private static boolean exists(Connection connection, String role) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            query.setString(1, role);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    private static void create(Connection connection, String role) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create role \"" + role + "\" login");
            log.info("Created the database role {}, which Gatehouse's connection pool uses", role);
        } catch (SQLException e) {
            // Another process created it since we looked: roles belong to the whole server, not one database.
            if (!DUPLICATE_OBJECT.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** The same on every node that knows the owner's password, and tells nothing about it. */
    static String derivedPassword(String ownerPassword, String role) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ownerPassword.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("gatehouse application role " + role).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
