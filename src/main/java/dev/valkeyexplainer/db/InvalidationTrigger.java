package dev.valkeyexplainer.db;

import java.sql.Connection;
import org.h2.api.Trigger;

/**
 * An H2 trigger, AFTER UPDATE on {@code players}, one call per changed row: the app's stand-in for the
 * talk's DynamoDB stream driving a Lambda. It hands the player id to the {@link GameDatabase} that
 * created it, which tells its listener (the cache tab), which deletes the cached key.
 */
public final class InvalidationTrigger implements Trigger {

    private GameDatabase database;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        // the trigger's name carries the id of the GameDatabase that created it: INVALIDATE_<id>
        database = GameDatabase.byTriggerName(triggerName);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
        if (database != null && newRow != null) database.rowUpdated(((Number) newRow[0]).intValue());
    }
}
