package dev.gatehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.gatehouse.shared.AfterEachMigration;
import dev.gatehouse.shared.StartupProblem;

/**
 * After each migration, as the owner, grants the pool's role exactly what Gatehouse does with each table,
 * so tables that later migrations add are covered too: everything on the working tables, and on the audit
 * trail only reading and appending. Entries leave only through audit_prune, which runs as the owner.
 * A role that could get past that (a superuser, or the owner itself) stops Gatehouse from starting.
 */
@Component
class ApplicationRoleGrants extends AfterEachMigration {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRoleGrants.class);

    private final DataSource pool;

    ApplicationRoleGrants(DataSource pool) {
        super("grant the application role");
        this.pool = pool;
    }

    @Override
    protected void afterMigrate(Context context) {
        String role = poolRole();
        Connection owner = context.getConnection();
        try {
            refusePrivileged(owner, role);
            String history = quoted(context.getConfiguration().getTable());
            List<String> grants = List.of(
                    "grant usage on schema %s to %s",
                    "revoke all on all tables in schema %s from %s",
                    "revoke all on all sequences in schema %s from %s",
                    "grant select, insert, update, delete on all tables in schema %s to %s",
                    "grant usage, select on all sequences in schema %s to %s",
                    "revoke all on " + history + " from %2$s",
                    "revoke update, delete on audit_entry from %2$s",
                    // Signed-off evidence is what the audit chain's hashes vouch for: written once, never changed.
                    "revoke update, delete, truncate on review_evidence, review_evidence_part from %2$s",
                    "revoke insert, update, delete on audit_chain_head, audit_chain_anchor, audit_retention_policy "
                            + "from %2$s",
                    "grant execute on function audit_prune(bigint, timestamptz) to %2$s",
                    "revoke create on schema %s from %s");
            String schema = quoted(schema(owner));
            try (Statement statement = owner.createStatement()) {
                // Nodes starting together would otherwise grant on the same rows at once, which PostgreSQL refuses.
                statement.execute("select pg_advisory_lock(hashtext('gatehouse.application_role_grants'))");
                try {
                    for (String grant : grants) {
                        statement.execute(grant.formatted(schema, quoted(role)));
                    }
                } finally {
                    statement.execute("select pg_advisory_unlock(hashtext('gatehouse.application_role_grants'))");
                }
            }
            warnIfSchemaIsOpen(owner, role);
        } catch (SQLException e) {
            throw new StartupProblem("Gatehouse could not grant its application role " + role + " its privileges: "
                    + e.getMessage(), ApplicationRoleSetup.HOW_TO_CONFIGURE);
        }
    }

    private String poolRole() {
        try (Connection connection = pool.getConnection()) {
            return connection.getMetaData().getUserName();
        } catch (SQLException e) {
            throw new StartupProblem("Gatehouse cannot connect as its application role: " + e.getMessage(),
                    ApplicationRoleSetup.HOW_TO_CONFIGURE);
        }
    }

    private static void refusePrivileged(Connection owner, String role) throws SQLException {
        try (PreparedStatement query = owner.prepareStatement("select rolsuper, pg_has_role(oid, (select relowner "
                + "from pg_class where oid = 'audit_entry'::regclass), 'MEMBER') from pg_roles where rolname = ?")) {
            query.setString(1, role);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                if (found.getBoolean(1)) {
                    throw new StartupProblem("Gatehouse's connection pool logs in as " + role + ", a superuser, which "
                            + "could rewrite the audit trail.", ApplicationRoleSetup.HOW_TO_CONFIGURE);
                }
                if (found.getBoolean(2)) {
                    throw new StartupProblem("Gatehouse's connection pool logs in as " + role + ", which owns "
                            + "Gatehouse's tables (or is a member of the role that does) and so could rewrite the "
                            + "audit trail.", ApplicationRoleSetup.HOW_TO_CONFIGURE);
                }
            }
        }
    }

    /** Before PostgreSQL 15 every role may create objects in the public schema, and only its owner can stop that. */
    private static void warnIfSchemaIsOpen(Connection owner, String role) throws SQLException {
        try (PreparedStatement query = owner.prepareStatement(
                "select has_schema_privilege(?, current_schema(), 'CREATE')")) {
            query.setString(1, role);
            try (ResultSet open = query.executeQuery()) {
                open.next();
                if (open.getBoolean(1)) {
                    log.warn("The application role {} may create objects in schema {}; have its owner run: "
                            + "revoke create on schema {} from public", role, schema(owner), schema(owner));
                }
            }
        }
    }

    private static String schema(Connection owner) throws SQLException {
        try (Statement statement = owner.createStatement();
             ResultSet schema = statement.executeQuery("select current_schema()")) {
            schema.next();
            return schema.getString(1);
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
