package app.rebound;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.api.Trigger;

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
}
