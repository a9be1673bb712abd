package app.rebound.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;

/**
 * Whether a database file holds Rebound's schema and nothing that could run code in the program. Rebound's
 * migrations create tables, indexes, primary and foreign keys and unique constraints, and nothing else: no
 * trigger, alias, aggregate, view, linked table, table engine, check constraint, domain, synonym or
 * constant, and no column whose default is more than a constant (a boolean, a whole number, the time). H2 loads triggers (compiling those given
 * as source code, and running it) while it opens a file, so:
 * <ol>
 * <li>{@link #beforeOpen} reads H2's own list of the database's objects (its {@code table.0}) straight from
 * the file, read-only and without H2's SQL engine, and refuses anything else, naming it; it also tells a
 * file that holds no Rebound schema (cut short, or H2 fell back to a version from before the set-up) from
 * one that does, so that such a file is never migrated into an empty clinic;</li>
 * <li>{@link #afterOpen} asks the opened database (read-only) the same through {@code INFORMATION_SCHEMA}:
 * a second line, in H2's own terms.</li>
 * </ol>
 * Names of objects are identifiers, never patient data: they may go into messages.
 */
final class SchemaCheck {

    // H2's DbObject types, as its meta table stores them
    private static final int TABLE_OR_VIEW = 0;
    private static final int INDEX = 1;
    private static final int USER = 2;
    private static final int SEQUENCE = 3;
    private static final int TRIGGER = 4;
    private static final int CONSTRAINT = 5;
    private static final int SETTING = 6;
    private static final int ROLE = 7;
    private static final int RIGHT = 8;
    private static final int FUNCTION_ALIAS = 9;
    private static final int SCHEMA = 10;
    private static final int CONSTANT = 11;
    private static final int DOMAIN = 12;
    private static final int COMMENT = 13;
    private static final int AGGREGATE = 14;
    private static final int SYNONYM = 15;

    private static final String IDENTIFIER = "\"(?:[^\"]|\"\")*\"";
    private static final Pattern NAME = Pattern.compile("((?:" + IDENTIFIER + "\\.)*" + IDENTIFIER + ")");
    private static final Pattern CONSTRAINT_NAME = Pattern.compile("ADD CONSTRAINT ((?:" + IDENTIFIER + "\\.)*"
            + IDENTIFIER + ")");
    private static final Pattern PLAIN_TABLE = Pattern.compile("^CREATE (?:CACHED |MEMORY )?TABLE ");
    /** A key constraint, its quoted names taken out (each a space). */
    private static final Pattern KEY_CONSTRAINT = Pattern.compile(
            "^ALTER TABLE [ .]+ADD CONSTRAINT [ .]+(?:PRIMARY KEY|FOREIGN KEY|UNIQUE)[ (]");
    private static final Pattern PLAIN_INDEX = Pattern.compile(
            "^CREATE (?:PRIMARY KEY|(?:UNIQUE (?:NULLS (?:DISTINCT|NOT DISTINCT|ALL DISTINCT) )?)?(?:HASH )?INDEX) ");
    /** The settings H2 writes for the way Rebound opens its file, each with a whole number. */
    private static final Pattern PLAIN_SETTING = Pattern.compile("^SET (?:CREATE_BUILD|WRITE_DELAY|CACHE_SIZE"
            + "|TRACE_LEVEL_FILE|TRACE_LEVEL_SYSTEM_OUT|TRACE_MAX_FILE_SIZE|AUTO_COMPACT_FILL_RATE|MAX_MEMORY_ROWS"
            + "|MAX_MEMORY_UNDO|MAX_OPERATION_MEMORY|MAX_LENGTH_INPLACE_LOB|DEFAULT_LOCK_TIMEOUT|RETENTION_TIME"
            + "|DEFAULT_TABLE_TYPE) -?[0-9]{1,10}\\s*$");
    private static final Pattern CREATED = Pattern.compile("^CREATE (?:OR REPLACE )?(?:FORCE )?(?:LOCAL |GLOBAL )?"
            + "(?:TEMPORARY )?(?:CACHED |MEMORY )?(?:UNIQUE |HASH |SPATIAL )*"
            + "(TRIGGER|ALIAS|AGGREGATE|VIEW|LINKED TABLE|CONSTANT|DOMAIN|SYNONYM|SEQUENCE|ROLE|SCHEMA|TABLE|INDEX)\\b");
    /** Outside strings and quoted names: a comment, source code ($$…$$) or the end of one statement. */
    private static final Pattern HIDDEN = Pattern.compile("/\\*|\\*/|--|//|\\$\\$|;");
    private static final Pattern ROUTINE = Pattern.compile("^CREATE (?:FORCE )?(?:ALIAS|AGGREGATE) ");
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'|" + IDENTIFIER);
    /** Words outside quotes that load classes, reach files or other databases, or end sessions. */
    private static final Pattern FORBIDDEN_WORD = Pattern.compile("\\b(ENGINE|FILE_READ|FILE_WRITE|CSVREAD|CSVWRITE"
            + "|LINK_SCHEMA|JAVA_OBJECT|JAVA_OBJECT_SERIALIZER|DATABASE_EVENT_LISTENER|ABORT_SESSION|CANCEL_SESSION)\\b");
    private static final String[] REQUIRED_TABLES = {"\"PUBLIC\".\"PATIENT\"", "\"PUBLIC\".\"flyway_schema_history\""};

    private SchemaCheck() {
    }

    /**
     * Reads the objects of the database {@code h2Name} (an H2 file name without {@code .mv.db}, in any of
     * H2's file systems) without opening it as a database, and refuses it unless it holds Rebound's schema
     * and nothing else.
     *
     * @throws ForeignDatabaseException when it holds an object Rebound does not make (named)
     * @throws DatabaseDamagedException when it cannot be read, or holds no Rebound schema
     * @throws DatabaseInUseException   when another program has the file open for writing
     */
    static void beforeOpen(String h2Name) {
        List<String> foreign = new ArrayList<>();
        boolean[] found = new boolean[REQUIRED_TABLES.length];
        MVStore store = null;
        try {
            store = new MVStore.Builder().fileName(h2Name + ".mv.db").readOnly().open();
            if (!store.hasMap("table.0")) {
                throw new DatabaseDamagedException(new StoreException("The database file holds no schema", null));
            }
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            Transaction reading = transactions.begin();
            TransactionMap<Object, Object> meta = reading.openMap("table.0");
            for (var keys = meta.keyIterator(null); keys.hasNext(); ) {
                if (!(meta.get(keys.next()) instanceof Row row)) {
                    continue;
                }
                int type = row.getValue(2).getInt();
                String sql = row.getValue(3).getString();
                String problem = problem(type, sql);
                if (problem != null) {
                    foreign.add(problem);
                }
                if (type == TABLE_OR_VIEW) {
                    for (int i = 0; i < REQUIRED_TABLES.length; i++) {
                        found[i] |= sql.contains(" TABLE " + REQUIRED_TABLES[i] + "(");
                    }
                }
            }
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new DatabaseInUseException(e);
            }
            throw new DatabaseDamagedException(e);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DatabaseDamagedException(e);
        } finally {
            if (store != null) {
                try {
                    store.closeImmediately();
                } catch (RuntimeException e) {
                    // read-only: nothing to lose
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw ForeignDatabaseException.holding(foreign);
        }
        for (boolean each : found) {
            if (!each) {
                throw new DatabaseDamagedException(new StoreException("The database file holds no Rebound schema "
                        + "(cut short, or not Rebound's)", null));
            }
        }
    }

    /**
     * What is wrong with one object of H2's meta table, or null when Rebound's migrations make such objects.
     * H2 runs each object's SQL as written when it opens the file, whatever type number the row gives, so
     * the SQL is what is judged: it must be one of the statements the migrations lead H2 to write, of the
     * kind its type number says, one statement, with no comment and no source code in it.
     */
    static String problem(int type, String sql) {
        String name = name(type, sql);
        // what is left of the statement with its strings and quoted names taken out: H2 reads those as this
        // does ('…' with '' inside, "…" with "" inside), so whatever could hide a second statement, a comment
        // or source code ($$…$$) is outside them, and seen here
        String bare = QUOTED.matcher(sql).replaceAll(" ").toUpperCase(Locale.ROOT);
        String statement = statementKind(bare);
        String expected = switch (type) {
            case TABLE_OR_VIEW -> "table";
            case INDEX -> "index";
            case USER -> "user";
            case CONSTRAINT -> "constraint";
            case SETTING -> "setting";
            default -> null;
        };
        String kind;
        if (statement == null) {
            kind = whatItIs(type, bare);
        } else if (!statement.equals(expected)) {
            kind = "a " + statement + " stored as an object of another type (" + type + ")";
        } else if (HIDDEN.matcher(bare).find()) {
            kind = "an object with a comment, source code or a second statement in it";
        } else {
            Matcher word = FORBIDDEN_WORD.matcher(bare);
            kind = word.find() ? "an object using " + word.group(1) : null;
        }
        return kind == null ? null : kind + " (" + name + ")";
    }

    /** What a statement Rebound's schema is never written in makes, in words. */
    private static String whatItIs(int type, String bare) {
        Matcher created = CREATED.matcher(bare);
        if (created.find()) {
            return switch (created.group(1)) {
                case "TRIGGER" -> "a trigger";
                case "ALIAS" -> "an alias";
                case "AGGREGATE" -> "an aggregate";
                case "VIEW" -> "a view";
                case "LINKED TABLE" -> "a linked table";
                case "CONSTANT" -> "a constant";
                case "DOMAIN" -> "a domain";
                case "SYNONYM" -> "a synonym";
                case "SEQUENCE" -> "a sequence";
                case "ROLE" -> "a role";
                case "SCHEMA" -> "a schema";
                case "TABLE" -> "a table of an unknown kind";
                default -> "an index of an unknown kind";
            };
        }
        if (bare.startsWith("ALTER TABLE ")) {
            return bare.contains(" CHECK") ? "a check constraint" : "a constraint of an unknown kind";
        }
        if (bare.startsWith("COMMENT ")) {
            return "a comment";
        }
        if (bare.startsWith("GRANT ")) {
            return "a right";
        }
        if (bare.startsWith("SET ")) {
            return "a setting of an unknown kind";
        }
        return "a statement Rebound never makes (" + first(bare) + ", type " + type + ")";
    }

    /** Which of the statements Rebound's schema is written in {@code bare} is, or null for any other. */
    private static String statementKind(String bare) {
        if (PLAIN_TABLE.matcher(bare).find()) {
            return "table";
        }
        if (PLAIN_INDEX.matcher(bare).find()) {
            return "index";
        }
        if (bare.startsWith("CREATE USER ")) {
            return "user";
        }
        if (PLAIN_SETTING.matcher(bare).matches()) {
            return "setting";
        }
        if (KEY_CONSTRAINT.matcher(bare).find()) {
            return "constraint";
        }
        return null;
    }

    /** The statement's first words, for a message (no strings or names: they were taken out). */
    private static String first(String bare) {
        String words = bare.strip().replaceAll("\\s+", " ");
        String[] parts = words.split(" ", 4);
        return String.join(" ", Arrays.copyOf(parts, Math.min(3, parts.length))).strip();
    }

    /** The object's name as the SQL gives it, without the schema. */
    private static String name(int type, String sql) {
        Matcher matcher = (sql.startsWith("ALTER TABLE ") ? CONSTRAINT_NAME : NAME).matcher(sql);
        if (!matcher.find()) {
            return "unnamed";
        }
        String qualified = matcher.group(1);
        int last = qualified.lastIndexOf("\".\"");
        String name = last < 0 ? qualified : qualified.substring(last + 2);
        return ForeignDatabaseException.harmless(name.substring(1, name.length() - 1).replace("\"\"", "\""));
    }

    /**
     * The second line, on a database H2 has opened (read-only): what {@code INFORMATION_SCHEMA} lists beyond
     * what the migrations make.
     *
     * @throws ForeignDatabaseException naming what it found
     */
    static void afterOpen(Connection connection) throws SQLException {
        List<String> foreign = new ArrayList<>();
        collect(connection, foreign, "a trigger", "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS");
        collect(connection, foreign, "an alias or aggregate", "SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES");
        // an alias whose class H2 may not load is missing from ROUTINES; H2's script of the schema has it
        try (Statement statement = connection.createStatement();
                ResultSet script = statement.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
            while (script.next()) {
                Matcher routine = ROUTINE.matcher(script.getString(1));
                if (routine.find()) {
                    String found = "an alias or aggregate (" + name(FUNCTION_ALIAS, script.getString(1)) + ")";
                    if (!foreign.contains(found)) {
                        foreign.add(found);
                    }
                }
            }
        }
        collect(connection, foreign, "a view or linked table", "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND TABLE_TYPE <> 'BASE TABLE'");
        collect(connection, foreign, "a check constraint", "SELECT CONSTRAINT_NAME FROM "
                + "INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_TYPE = 'CHECK'");
        collect(connection, foreign, "a domain", "SELECT DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS");
        collect(connection, foreign, "a synonym", "SELECT SYNONYM_NAME FROM INFORMATION_SCHEMA.SYNONYMS");
        collect(connection, foreign, "a constant", "SELECT CONSTANT_NAME FROM INFORMATION_SCHEMA.CONSTANTS");
        collect(connection, foreign, "a column computed by an expression", "SELECT TABLE_NAME || '.' || COLUMN_NAME "
                + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND ("
                + "(COLUMN_DEFAULT IS NOT NULL AND UPPER(COLUMN_DEFAULT) NOT IN ('FALSE', 'TRUE', 'CURRENT_TIMESTAMP', "
                + "'LOCALTIMESTAMP') AND NOT REGEXP_LIKE(COLUMN_DEFAULT, '^[0-9]{1,18}$')) "
                + "OR IS_GENERATED <> 'NEVER' OR COLUMN_ON_UPDATE IS NOT NULL)");
        if (!foreign.isEmpty()) {
            throw ForeignDatabaseException.holding(foreign);
        }
    }

    private static void collect(Connection connection, List<String> foreign, String kind, String query)
            throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                foreign.add(kind + " (" + ForeignDatabaseException.harmless(String.valueOf(rows.getString(1))) + ")");
            }
        }
    }
}
