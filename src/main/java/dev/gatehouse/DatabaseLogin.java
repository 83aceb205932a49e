package dev.gatehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.postgresql.Driver;
import org.springframework.core.env.Environment;

/**
 * Where and as whom Gatehouse connects. The owner migrates the schema and owns it; the application
 * role, which the connection pool uses, owns nothing. Without an owner configured, the configured
 * user is the owner and Gatehouse makes the application role itself ({@link ApplicationRoleSetup}).
 *
 * @param user empty when the URL names the user
 */
record DatabaseLogin(String url, String user, String password) {

    static final String OWNER_URL = "gatehouse.database.owner-url";
    static final String OWNER_USER = "gatehouse.database.owner-user";
    static final String OWNER_PASSWORD = "gatehouse.database.owner-password";

    static DatabaseLogin configured(Environment env) {
        return new DatabaseLogin(env.getProperty("spring.datasource.url", ""),
                env.getProperty("spring.datasource.username", ""), env.getProperty("spring.datasource.password", ""));
    }

    static boolean ownerConfigured(Environment env) {
        return !env.getProperty(OWNER_URL, "").isBlank() || !env.getProperty(OWNER_USER, "").isBlank();
    }

    /** The owner's login: a separate one when configured, else the configured user. */
    static DatabaseLogin owner(Environment env) {
        if (!ownerConfigured(env)) {
            return configured(env);
        }
        String url = env.getProperty(OWNER_URL, "");
        return new DatabaseLogin(url.isBlank() ? env.getProperty("spring.datasource.url", "") : url,
                env.getProperty(OWNER_USER, ""), env.getProperty(OWNER_PASSWORD, ""));
    }

    /** The same login on another database of the server, keeping a user and password the URL named. */
    DatabaseLogin on(String otherUrl) {
        Properties named = Driver.parseURL(url, null);
        if (!user.isBlank() || named == null || named.getProperty("user") == null) {
            return new DatabaseLogin(otherUrl, user, password);
        }
        return new DatabaseLogin(otherUrl, named.getProperty("user"), named.getProperty("password", ""));
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (!user.isBlank()) {
            properties.setProperty("user", user);
        }
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }
}
