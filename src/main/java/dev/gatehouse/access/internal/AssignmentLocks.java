package dev.gatehouse.access.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.directory.PrincipalType;

/**
 * One lock per assignment (account, permission set, principal) across all nodes, held while Gatehouse
 * decides on and makes an Identity Center write for it, so that a grant starting never races one ending,
 * or a decided removal, on the same assignment. It is a PostgreSQL session advisory lock on a connection
 * of its own, outside the pool: the lock lives exactly as long as that connection, so a crashed node
 * releases it.
 */
@Component
class AssignmentLocks {

    /** Holds the lock until closed. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSourceProperties database;

    AssignmentLocks(DataSourceProperties database) {
        this.database = database;
    }

    Held lock(AssignmentKey assignment) {
        // A user's key is the same as before groups were written, so nodes of both versions exclude each other.
        String key = assignment.accountId().value() + "|" + assignment.permissionSetArn().value() + "|"
                + (assignment.principalType() == PrincipalType.USER ? "" : assignment.principalType() + "|")
                + assignment.principalId();
        try {
            Connection connection = DriverManager.getConnection(database.determineUrl(),
                    database.determineUsername(), database.determinePassword());
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_advisory_lock(hashtextextended(?, 0))")) {
                lock.setString(1, key);
                lock.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return () -> {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // Closing the session releases the lock even when the close reports an error.
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock the assignment " + key + ": " + e.getMessage(), e);
        }
    }
}
