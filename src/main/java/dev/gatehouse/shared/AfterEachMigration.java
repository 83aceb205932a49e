package dev.gatehouse.shared;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Work that runs after every Flyway migrate, in its transaction and as the owner Flyway connects as:
 * what the application role must not be able to do itself (grants, the audit retention policy).
 */
public abstract class AfterEachMigration implements Callback {

    private final String name;

    protected AfterEachMigration(String name) {
        this.name = name;
    }

    /** @param context Flyway's, whose connection is the schema's owner */
    protected abstract void afterMigrate(Context context);

    @Override
    public final boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public final boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public final String getCallbackName() {
        return name;
    }

    @Override
    public final void handle(Event event, Context context) {
        afterMigrate(context);
    }
}
