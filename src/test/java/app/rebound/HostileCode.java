package app.rebound;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.api.Trigger;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;
import org.h2.value.Value;
import org.h2.value.ValueInteger;

/**
 * What someone who can write to the data folder could put in a database file: a trigger whose class H2
 * loads as it opens the file, a trigger written as Java source (compiled and run as it opens), and an
 * alias for {@code System.load} (native code). Each records in a system property that its code ran.
 */
public final class HostileCode {

    /** Set by the hostile code when it runs: which of it ran. */
    public static final String RAN = "rebound.test.hostileCodeRan";

    private HostileCode() {
    }

    public static String ran() {
        return System.getProperty(RAN);
    }

    public static void forget() {
        System.clearProperty(RAN);
    }

    /** A trigger class: its loading and its {@code init} record that it ran. */
    public static final class RecordingTrigger implements Trigger {
        static {
            System.setProperty(RAN, "class trigger (loaded)");
        }

        @Override
        public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
            System.setProperty(RAN, "class trigger");
        }

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
            System.setProperty(RAN, "class trigger (fired)");
        }
    }

    /**
     * Adds the hostile objects to the database an open connection is on: FORCE, so that creating them
     * does not need the class (this process lets H2 load none). The source trigger runs as it is created:
     * that run is forgotten.
     */
    public static void plant(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS patient (id UUID PRIMARY KEY)");
            sql.execute("CREATE FORCE TRIGGER audit_copy BEFORE INSERT ON patient FOR EACH ROW CALL \""
                    + RecordingTrigger.class.getName() + "\"");
            sql.execute("CREATE FORCE TRIGGER audit_note BEFORE INSERT ON patient AS $$org.h2.api.Trigger create() { "
                    + "System.setProperty(\"" + RAN + "\", \"source trigger\"); "
                    + "return new org.h2.api.Trigger() { public void fire(java.sql.Connection c, Object[] o, Object[] n) "
                    + "{ } }; } $$");
            sql.execute("CREATE FORCE ALIAS native_load FOR 'java.lang.System.load'");
        }
        forget();
    }

    /** A plain (unencrypted) H2 database at {@code folder}'s database file, with the hostile objects. */
    public static void plantPlainDatabase(Path folder) throws SQLException {
        String url = "jdbc:h2:file:" + folder.resolve("rebound").toAbsolutePath() + ";TRACE_LEVEL_FILE=0";
        try (Connection connection = DriverManager.getConnection(url, "rebound", "")) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE IF NOT EXISTS \"flyway_schema_history\" (\"version\" VARCHAR(50))");
                sql.execute("CREATE TABLE IF NOT EXISTS setting (name VARCHAR(100) PRIMARY KEY, text_value VARCHAR(100))");
            }
            plant(connection);
        }
    }

    /** H2's type numbers of a trigger and an alias in its list of a database's objects ({@code table.0}). */
    public static final int TRIGGER = 4;
    public static final int ALIAS = 9;

    /**
     * Gives every trigger and alias in the closed database {@code h2Name} (an H2 name without {@code .mv.db},
     * in any of H2's file systems) another type number in H2's list of its objects, as a tool of one's own
     * could: H2 still runs each object's SQL as written when it opens the file. Returns how many it changed.
     */
    public static int relabel(String h2Name, int type) {
        MVStore store = new MVStore.Builder().fileName(h2Name + ".mv.db").open();
        try {
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            Transaction writing = transactions.begin();
            TransactionMap<Object, Object> meta = writing.openMap("table.0");
            int changed = 0;
            for (var keys = meta.keyIterator(null); keys.hasNext(); ) {
                Object key = keys.next();
                if (meta.get(key) instanceof Row row
                        && (row.getValue(2).getInt() == TRIGGER || row.getValue(2).getInt() == ALIAS)) {
                    Value[] values = new Value[row.getColumnCount()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.getValue(i);
                    }
                    values[2] = ValueInteger.get(type);
                    Row relabelled = Row.get(values, row.getMemory());
                    relabelled.setKey(row.getKey());
                    meta.put(key, relabelled);
                    changed++;
                }
            }
            writing.commit();
            return changed;
        } finally {
            store.close();
        }
    }
}
