package dev.gatehouse.audit.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * After each migration, as the owner, tells the database the configured retention, so that audit_prune,
 * which the application role calls, removes nothing younger whatever that role asks for. No retention
 * configured: audit_prune removes nothing.
 */
@Component
class AuditRetentionPolicy implements Callback {

    private final AuditProperties properties;

    AuditRetentionPolicy(AuditProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "audit retention policy";
    }

    @Override
    public void handle(Event event, Context context) {
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
