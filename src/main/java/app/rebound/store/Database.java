package app.rebound.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database in the data folder: opened once, migrated by Flyway, used through jOOQ.
 * Every commit is written to disk before it returns (WRITE_DELAY=0), so a save the screen has
 * confirmed survives the process being killed. H2's own trace file is off: its messages can quote
 * the values being written, and patient data never goes to a file outside the database.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** The database file name inside the data folder, without H2's ".mv.db". */
    public static final String FILE_NAME = "rebound";

    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false)
                .withRenderSchema(false);
        this.dsl = DSL.using(pool, SQLDialect.H2, settings);
    }

    /** Whether the folder holds a Rebound database. */
    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_NAME + ".mv.db"));
    }

    /** Opens (creating if needed) the database in {@code folder} and brings its schema up to date. */
    public static Database open(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the data folder", e);
        }
        String url = "jdbc:h2:file:" + folder.resolve(FILE_NAME).toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "rebound", "");
        pool.setMaxConnections(8);
        try {
            pool.getConnection().close();
        } catch (SQLException e) {
            pool.dispose();
            if (isAlreadyOpen(e)) {
                throw new DatabaseInUseException(e);
            }
            throw new StoreException("Cannot open the database", e);
        }
        if (SchemaHistory.upToDate(pool)) {
            return new Database(pool); // nothing to migrate: Flyway's loading and validation took most of a second
        }
        try {
            var result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Database migrated to version {} ({} migrations)", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            pool.dispose();
            throw new MigrationException(e);
        }
        return new Database(pool);
    }

    private static boolean isAlreadyOpen(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /** Writes a consistent copy of the open database to a new zip file (H2's online backup). */
    public void backupTo(java.nio.file.Path zip) {
        // a bind value: a folder name with a quote, a brace or a question mark stays a file name
        dsl.execute("BACKUP TO ?", zip.toAbsolutePath().toString());
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Closes the database and rewrites its file with only the live pages (H2's SHUTDOWN COMPACT), after
     * bulk writes: H2 keeps old copies of the pages they touched, so 100,000 generated patients left a
     * 12 GB file holding 0.5 GB of records. Takes seconds; the database is closed afterwards.
     */
    public void closeCompacted() {
        try (java.sql.Connection connection = pool.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new StoreException("Cannot compact the database", e);
        } finally {
            pool.dispose();
        }
    }

    /** Closes every connection; H2 then closes the files (running SHUTDOWN through jOOQ would fail). */
    @Override
    public void close() {
        pool.dispose();
    }
}
