package app.rebound.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.jooq.exception.DataAccessException;
import org.jooq.impl.DefaultConnectionProvider;
import org.postgresql.core.Utils;

/**
 * Copies the clinic's records between two databases, table by table, whatever the engines: a sweep over
 * every table of the schema, so a table a later migration adds is carried too without a line here. The
 * source is read in one REPEATABLE READ, read-only transaction (one consistent moment of the records, while
 * workstations go on saving); the target is written in one transaction, checked row count by row count
 * before it commits, so a copy that fails halfway leaves the target as it was.
 *
 * <p>Three uses: a server's logical backup (server to a new, encrypted H2 database, the form of every
 * backup), a restore of a backup into an empty server, and moving the records of a data folder onto a
 * server set up with {@code init}. Only each engine's own bookkeeping is never copied
 * ({@link #ENGINE_OWN}); a table one side has and the other lacks is refused, by name.
 */
public final class TableCopy {

    /**
     * Tables each engine keeps for itself: Flyway's history (each database has its own), and the server's
     * audit head row, which is set from the copied trail itself ({@link AuditStore#anchorAtEnd}) as the
     * embedded mode's end marker file is.
     */
    public static final Set<String> ENGINE_OWN = Set.of("flyway_schema_history", "audit_head");

    /**
     * Tables a move to a server leaves behind: the audit trail of the data folder (archived, checked, beside
     * the records; the server's trail goes on from the clinic's set-up there) and the keys of the data
     * folder's key file (its recipients and the signing keys its rows were signed with), which mean nothing
     * on a server where each clinician signs in with a login of her own; and the marks of visits open for
     * editing ({@code visit_presence}), which belong to the workstations of the moment and lapse in 90 s; and
     * the server's own wrapped signing keys ({@code clinician_signing_key}: none in a data folder, the owner's from
     * {@code init} on the server).
     */
    public static final Set<String> LEFT_BY_MOVE = Set.of("audit_event", "audit_trail_key", "signing_key",
            "key_recipient", "visit_presence", "clinician_signing_key");

    /**
     * Tables {@code init} writes on a server, which a move then completes: the clinic's set-up settings (a
     * setting the data folder also has is taken from the data folder) and the owner's account (kept unless the
     * data folder has a clinician of the same name).
     */
    static final Set<String> SET_UP_BY_INIT = Set.of("setting", "clinician");

    private static final int BATCH = 500;

    /** The target holds records already; nothing was written. */
    public static final class TargetNotEmptyException extends StoreException {
        private static final long serialVersionUID = 1L;

        private final List<String> tables;

        TargetNotEmptyException(List<String> tables) {
            super("the target already holds records (table" + (tables.size() == 1 ? " " : "s ")
                    + String.join(", ", tables) + ")", null);
            this.tables = List.copyOf(tables);
        }

        public List<String> tables() {
            return tables;
        }
    }

    /** The server refused to write a table to the login that copies: she is not the database's owner. */
    public static final class NotOwnerException extends StoreException {
        private static final long serialVersionUID = 1L;

        NotOwnerException(Throwable cause) {
            super("the server refused to write the clinic's tables to this login", cause);
        }
    }

    /** The two databases do not have the same tables (another schema version, or a table never copied). */
    public static final class SchemaMismatchException extends StoreException {
        private static final long serialVersionUID = 1L;

        SchemaMismatchException(String message) {
            super(message, null);
        }
    }

    /**
     * What a copy wrote: the rows of each copied table (names in lower case, numbers only: nothing of a
     * patient), and the clinicians of the target who have no login on the server yet (a move or a restore
     * onto a server makes their logins without a password; an administrator sets one).
     */
    public record Copied(SortedMap<String, Long> rows, List<String> loginsWithoutPassword) {

        public long of(String table) {
            return rows.getOrDefault(table, 0L);
        }
    }

    private TableCopy() {
    }

    /**
     * A server's records into {@code empty}, a database of a data folder just created (the backup's form).
     * The server's trail head is not carried: a restored backup sets its end marker from its rows.
     */
    public static Copied backup(Database server, Database empty) {
        return copy(server, empty, Set.of(), false, AlsoInTransaction.NOTHING);
    }

    /**
     * A backup's records (an H2 database) into a server database with Rebound's schema and no records at
     * all; its audit head is then set from the copied trail, in the same transaction.
     *
     * @throws TargetNotEmptyException when any table of the server holds a row; nothing is written
     */
    public static Copied restore(Database backup, Database server) {
        return copy(backup, server, Set.of(), false, AlsoInTransaction.NOTHING);
    }

    /**
     * The records of a data folder onto a server set up with {@code init} and holding no records yet: every
     * table but {@link #LEFT_BY_MOVE}; {@code also} (the server's audit row of the move) commits with it.
     *
     * @throws TargetNotEmptyException when a table of the server holds rows beyond what {@code init} writes
     */
    public static Copied move(Database folder, Database server, AlsoInTransaction also) {
        return copy(folder, server, LEFT_BY_MOVE, true, also);
    }

    /** Every table of {@code database} (lower case) and its rows, each row read. */
    public static SortedMap<String, Long> counts(Database database) {
        return database.dsl().connectionResult(connection -> {
            SortedMap<String, Long> counts = new TreeMap<>();
            for (Map.Entry<String, String> table : tables(connection).entrySet()) {
                counts.put(table.getKey(), count(connection, table.getValue()));
            }
            return counts;
        });
    }

    private static Copied copy(Database from, Database to, Set<String> left, boolean move, AlsoInTransaction also) {
        try {
            return copyOnce(from, to, left, move, also);
        } catch (DataAccessException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.sqlState())) {
                throw new NotOwnerException(e);
            }
            throw e;
        }
    }

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static Copied copyOnce(Database from, Database to, Set<String> left, boolean move,
            AlsoInTransaction also) {
        Copied[] copied = new Copied[1];
        also.around(() -> copied[0] = from.dsl().connectionResult(source -> to.dsl().connectionResult(target -> {
            boolean sourceAutoCommit = source.getAutoCommit();
            boolean targetAutoCommit = target.getAutoCommit();
            int isolation = source.getTransactionIsolation();
            source.setAutoCommit(false);
            target.setAutoCommit(false);
            try {
                // before the first statement: the snapshot is taken at the first read
                source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                source.setReadOnly(true);
                Copied result = copyWithin(source, target, left, move, to.onServer());
                also.within(to.dsl().configuration().derive(new DefaultConnectionProvider(target)).dsl());
                target.commit();
                source.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                source.rollback();
                throw e;
            } finally {
                source.setReadOnly(false);
                source.setTransactionIsolation(isolation);
                source.setAutoCommit(sourceAutoCommit);
                target.setAutoCommit(targetAutoCommit);
            }
        })));
        return copied[0];
    }

    private static Copied copyWithin(Connection source, Connection target, Set<String> left, boolean move,
            boolean ontoServer) throws SQLException {
        Map<String, String> sourceTables = tables(source);
        Map<String, String> targetTables = tables(target);
        Set<String> all = new TreeSet<>(sourceTables.keySet());
        all.addAll(targetTables.keySet());
        List<String> copied = new ArrayList<>();
        for (String table : all) {
            if (ENGINE_OWN.contains(table) || left.contains(table)) {
                continue;
            }
            if (!sourceTables.containsKey(table) || !targetTables.containsKey(table)) {
                throw new SchemaMismatchException("table " + table + " is only in the "
                        + (sourceTables.containsKey(table) ? "source" : "target") + " of the copy: the two are not "
                        + "at the same version of Rebound, or the table is one no copy knows");
            }
            copied.add(table);
        }
        refuseRecords(target, targetTables, copied, move);
        if (move) {
            makeRoomForMove(source, target, sourceTables, targetTables);
        }
        SortedMap<String, Long> rows = new TreeMap<>();
        for (String table : inInsertOrder(target, copied, targetTables)) {
            rows.put(table, copyTable(source, target, sourceTables.get(table), targetTables.get(table), table));
        }
        // checked in the transaction, before it commits: every row went in
        for (String table : copied) {
            long there = count(target, targetTables.get(table));
            long expected = rows.get(table);
            boolean kept = move && table.equals("clinician");
            if (kept ? there < expected : there != expected) {
                throw new StoreException("The copy of table " + table + " holds " + there + " rows, not " + expected
                        + "; nothing was written", null);
            }
        }
        if (ontoServer && !move) {
            anchorTrail(target);
        }
        List<String> logins = ontoServer ? loginsFor(target) : List.of();
        return new Copied(Collections.unmodifiableSortedMap(rows), logins);
    }

    /**
     * A restore or a backup goes into a target without any records; a move into one that holds only what
     * {@code init} wrote.
     */
    private static void refuseRecords(Connection target, Map<String, String> targetTables, List<String> copied,
            boolean move) throws SQLException {
        List<String> holding = new ArrayList<>();
        for (Map.Entry<String, String> table : targetTables.entrySet()) {
            if (ENGINE_OWN.contains(table.getKey()) || (move && (!copied.contains(table.getKey())
                    || SET_UP_BY_INIT.contains(table.getKey())))) {
                continue;
            }
            if (hasRows(target, table.getValue())) {
                holding.add(table.getKey());
            }
        }
        if (!holding.isEmpty()) {
            throw new TargetNotEmptyException(holding);
        }
    }

    /** The settings and the accounts of the data folder replace those of the same name that init wrote. */
    private static void makeRoomForMove(Connection source, Connection target, Map<String, String> sourceTables,
            Map<String, String> targetTables) throws SQLException {
        replaceSame(source, target, sourceTables.get("setting"), targetTables.get("setting"), "name");
        replaceSame(source, target, sourceTables.get("clinician"), targetTables.get("clinician"), "username");
    }

    private static void replaceSame(Connection source, Connection target, String sourceTable, String targetTable,
            String column) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Statement read = source.createStatement();
                ResultSet rows = read.executeQuery("SELECT " + column + " FROM " + sourceTable)) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        try (PreparedStatement delete = target.prepareStatement("DELETE FROM " + targetTable + " WHERE " + column
                + " = ?")) {
            for (String key : keys) {
                delete.setString(1, key);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** The server's audit head moves to the copied trail's last row, as a restored folder's end marker does. */
    private static void anchorTrail(Connection target) throws SQLException {
        try (Statement statement = target.createStatement()) {
            statement.executeUpdate("UPDATE audit_head SET seq = COALESCE((SELECT MAX(seq) FROM audit_event), 0), "
                    + "hash = COALESCE((SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1), "
                    + "'\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) WHERE id = 1");
        }
    }

    /**
     * The clinicians (not removed) who have no login on the server: each gets one now, in the rights of her
     * account, without a password (she cannot sign in until an administrator sets one, with {@code clinician
     * reset-password}). Logins belong to the whole server: one of the same name already there is left as it is.
     */
    private static List<String> loginsFor(Connection target) throws SQLException {
        List<String> made = new ArrayList<>();
        Map<String, Boolean> clinicians = new LinkedHashMap<>();
        try (Statement read = target.createStatement();
                ResultSet rows = read.executeQuery("SELECT username, administrator FROM clinician "
                        + "WHERE removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = username) "
                        + "ORDER BY username")) {
            while (rows.next()) {
                clinicians.put(rows.getString(1), rows.getBoolean(2));
            }
        }
        for (Map.Entry<String, Boolean> clinician : clinicians.entrySet()) {
            boolean administrator = clinician.getValue();
            try (Statement statement = target.createStatement()) {
                statement.execute("CREATE ROLE " + Utils.escapeIdentifier(null, clinician.getKey()) + " LOGIN"
                        + (administrator ? " CREATEROLE" : "") + " IN ROLE rebound_clinician"
                        + (administrator ? ", rebound_admin" : ""));
            }
            made.add(clinician.getKey());
        }
        return made;
    }

    private static long copyTable(Connection source, Connection target, String sourceTable, String targetTable,
            String table) throws SQLException {
        List<String> targetColumns = new ArrayList<>();
        Map<String, Integer> targetTypes = new HashMap<>();
        Map<String, String> targetNames = new HashMap<>();
        try (Statement statement = target.createStatement();
                ResultSet none = statement.executeQuery("SELECT * FROM " + targetTable + " WHERE 1 = 0")) {
            ResultSetMetaData meta = none.getMetaData();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                String name = meta.getColumnName(column).toLowerCase(Locale.ROOT);
                targetColumns.add(name);
                targetTypes.put(name, meta.getColumnType(column));
                targetNames.put(name, '"' + meta.getColumnName(column).replace("\"", "\"\"") + '"');
            }
        }
        long copied = 0;
        try (Statement read = source.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet rows = read.executeQuery("SELECT * FROM " + sourceTable)) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    columns.add(meta.getColumnName(column).toLowerCase(Locale.ROOT));
                }
                if (!new TreeSet<>(columns).equals(new TreeSet<>(targetColumns))) {
                    throw new SchemaMismatchException("table " + table + " has other columns in the source of the "
                            + "copy than in its target: the two are not at the same version of Rebound");
                }
                StringBuilder insert = new StringBuilder("INSERT INTO ").append(targetTable).append(" (");
                insert.append(String.join(", ", columns.stream().map(targetNames::get).toList())).append(") VALUES (");
                insert.append(String.join(", ", Collections.nCopies(columns.size(), "?"))).append(')');
                try (PreparedStatement write = target.prepareStatement(insert.toString())) {
                    int batched = 0;
                    while (rows.next()) {
                        for (int column = 1; column <= columns.size(); column++) {
                            Object value = value(rows, meta, column);
                            if (value == null) {
                                write.setNull(column, targetTypes.get(columns.get(column - 1)));
                            } else {
                                write.setObject(column, value);
                            }
                        }
                        write.addBatch();
                        copied++;
                        if (++batched == BATCH) {
                            write.executeBatch();
                            batched = 0;
                        }
                    }
                    if (batched > 0) {
                        write.executeBatch();
                    }
                }
            }
        }
        return copied;
    }

    /** A value as the java.time or plain type both engines' drivers write the same way. */
    private static Object value(ResultSet rows, ResultSetMetaData meta, int column) throws SQLException {
        int type = meta.getColumnType(column);
        String name = meta.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        Object value;
        if (name.equals("uuid")) {
            // H2 reports its UUID columns as BINARY
            value = rows.getObject(column, UUID.class);
        } else if (type == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz")
                || name.equals("timestamp with time zone")) {
            value = rows.getObject(column, OffsetDateTime.class);
        } else if (type == Types.TIMESTAMP) {
            value = rows.getObject(column, LocalDateTime.class);
        } else if (type == Types.DATE) {
            value = rows.getObject(column, LocalDate.class);
        } else if (type == Types.TIME) {
            value = rows.getObject(column, LocalTime.class);
        } else if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
                || type == Types.BLOB) {
            value = rows.getBytes(column);
        } else if (type == Types.CLOB || type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR
                || type == Types.NVARCHAR || type == Types.NCHAR) {
            value = rows.getString(column);
        } else {
            value = rows.getObject(column);
        }
        return rows.wasNull() ? null : value;
    }

    /** Parents before children: each table after those its foreign keys point to. */
    private static List<String> inInsertOrder(Connection target, List<String> tables, Map<String, String> names)
            throws SQLException {
        DatabaseMetaData meta = target.getMetaData();
        Map<String, Set<String>> parents = new HashMap<>();
        for (String table : tables) {
            Set<String> of = new LinkedHashSet<>();
            try (ResultSet keys = meta.getImportedKeys(null, target.getSchema(), unquoted(names.get(table)))) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table) && tables.contains(parent)) {
                        of.add(parent);
                    }
                }
            }
            parents.put(table, of);
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (String table : tables) {
                if (!placed.contains(table) && placed.containsAll(parents.get(table))) {
                    ordered.add(table);
                    placed.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new SchemaMismatchException("the tables' foreign keys form a cycle; no copy order exists");
            }
        }
        return ordered;
    }

    /** The base tables of the connection's schema: lower-case name to the name quoted as the engine keeps it. */
    private static Map<String, String> tables(Connection connection) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (ResultSet names = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] {"TABLE", "BASE TABLE"})) {
            while (names.next()) {
                String name = names.getString("TABLE_NAME");
                tables.put(name.toLowerCase(Locale.ROOT), '"' + name.replace("\"", "\"\"") + '"');
            }
        }
        return tables;
    }

    private static String unquoted(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"");
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet any = statement.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            return any.next();
        }
    }
}
