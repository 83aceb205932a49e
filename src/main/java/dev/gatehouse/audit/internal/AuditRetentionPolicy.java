package dev.gatehouse.audit.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import org.flywaydb.core.api.callback.Context;
import org.springframework.stereotype.Component;

import dev.gatehouse.shared.AfterEachMigration;

/**
 * After each migration, as the owner, tells the database the configured retention, so that audit_prune,
 * which the application role calls, removes nothing younger whatever that role asks for. No retention
 * configured: audit_prune removes nothing.
 */
@Component
class AuditRetentionPolicy extends AfterEachMigration {

    private final AuditProperties properties;

    AuditRetentionPolicy(AuditProperties properties) {
        super("audit retention policy");
        this.properties = properties;
    }

    @Override
    protected void afterMigrate(Context context) {
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "update audit_retention_policy set minimum_age = make_interval(secs => ?)")) {
            if (properties.retention().isPresent()) {
                update.setDouble(1, properties.retention().get().toSeconds());
            } else {
                update.setNull(1, Types.DOUBLE);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the audit retention in the database", e);
        }
    }
}
