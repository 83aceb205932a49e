package dev.gatehouse;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Migrations whose comments were corrected after they were applied, so a database migrated before the
 * correction still validates: before Flyway validates, the recorded checksum is moved from the one the
 * old text had to the new one. Only that exact old checksum is moved, so any other change to an applied
 * migration is still refused. The SQL itself is unchanged.
 */
@Component
class EditedMigrationComments implements Callback {

    /** Version → (checksum before the edit, checksum after it). */
    static final Map<String, long[]> EDITED = Map.of(
            // V6's first line pointed at a design file outside the repository; it now points at docs/.
            "6", new long[] {-7238302L, -100015077L});

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String table = context.getConfiguration().getTable();
        try (Statement statement = context.getConnection().createStatement()) {
            if (!statement.executeQuery("select to_regclass('" + table + "') is not null").next()
                    || !statement.getResultSet().getBoolean(1)) {
                return;
            }
            for (Map.Entry<String, long[]> edit : EDITED.entrySet()) {
                statement.executeUpdate("update " + table + " set checksum = " + edit.getValue()[1]
                        + " where version = '" + edit.getKey() + "' and checksum = " + edit.getValue()[0]);
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not bring edited migrations' checksums up to date: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "edited migration comments";
    }
}
