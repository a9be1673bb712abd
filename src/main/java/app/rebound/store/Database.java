package app.rebound.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.h2.mvstore.db.Store;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database in the data folder: opened once, migrated by Flyway, used through jOOQ.
 * Every commit is written to disk before it returns (WRITE_DELAY=0, and {@link EncryptedFile} forces each
 * write to the disk), so a save the screen has confirmed survives the process being killed or the power
 * being cut. H2's own trace file is off: its messages can quote
 * the values being written, and patient data never goes to a file outside the database.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** The database file name inside the data folder, without H2's ".mv.db". */
    public static final String FILE_NAME = "rebound";

    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final SwitchingDataSource pool;
    private final DSLContext dsl;
    private final Path folder;
    /** The clinic's server in server mode; null for the embedded H2 file. */
    private final ServerAddress server;
    /**
     * This program's name among the workstations of a clinic: a new one each time the records are opened. It
     * is each server connection's application_name, which the change notices carry (V15_1), so that a
     * workstation tells its own changes from the others'; and it marks the visits this workstation has open.
     */
    private final String workstation;
    /** Opens a connection of its own to the server (for listening to change notices); null on H2. */
    private volatile ConnectionOpener listenerConnections;
    private volatile DatabaseKey key;
    /** The key held for H2's file system while this database is open under it; replaced by a re-encryption. */
    private volatile EncryptedFileSystem.Registration files;

    static {
        H2Lockdown.apply();
    }

    /** The databases this process has open (checked when they opened): H2 shares one open database by name. */
    private static final OpenNames OPEN = new OpenNames();

    private Database(JdbcConnectionPool pool, Path folder, DatabaseKey key, EncryptedFileSystem.Registration files) {
        this.pool = new SwitchingDataSource(pool, new ConnectionGate(() -> seams.waitingForCopy()));
        this.server = null;
        this.workstation = "rebound-" + UUID.randomUUID();
        this.folder = folder;
        this.key = key;
        this.files = files;
        boolean first = OPEN.opened(files.name()) == 1;
        // an erase whose compaction has not happened yet (the program ended first, or it failed)
        this.erased = Files.exists(folder.resolve(ERASED_MARKER));
        this.compactOnClose = erased;
        if (first) {
            // copies a killed backup or compaction left behind: whole copies of the records, erased rows and
            // all (not while another Database of this process has the file open: its backup may be running)
            removeStaging(BACKUP_STAGING, COMPACT_STAGING);
        }
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false)
                .withRenderSchema(false);
        this.dsl = DSL.using(this.pool, SQLDialect.H2, settings);
    }

    /** Server mode: the records on a clinic's PostgreSQL server, through a small pool of connections. */
    private Database(DataSource pool, ServerAddress server, String workstation) {
        this.pool = new SwitchingDataSource(pool, new ConnectionGate(() -> seams.waitingForCopy()));
        this.server = server;
        this.workstation = workstation;
        this.folder = null;
        this.key = null;
        this.files = null;
        this.erased = false;
        this.compactOnClose = false;
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false)
                .withRenderSchema(false);
        this.dsl = DSL.using(this.pool, Vendor.POSTGRESQL.dialect(), settings);
    }

    /** What connecting to a server may do with its schema. */
    public enum Schema {
        /** Bring the schema up to date (init, an administrator's migrate). */
        MIGRATE,
        /** Use the schema as it is; refuse one that is older or newer than this program's. */
        CURRENT,
        /** Take an older schema as it is, to see who asks before {@link #migrate} (refuse a newer one). */
        INSPECT
    }

    /**
     * Connects to the clinic's PostgreSQL server as {@code user} (her own login).
     *
     * @throws ServerRefusedException   when the server cannot be reached, refuses the login, or offers no TLS
     * @throws SchemaVersionException   when the schema is newer than this program, or older and not migrated here
     * @throws MigrationException       when a migration fails
     */
    public static Database connect(ServerAddress server, String user, char[] password, Schema schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(user);
        config.setPassword(new String(password));
        // one workstation: the window's worker, a background save, an audit append
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(15_000);
        config.setPoolName("rebound-server");
        // pgjdbc otherwise quotes the values of a failed statement (a patient's notes) in its exception messages
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // a connection whose network went away fails after this, instead of holding the worker for the
        // minutes the system takes to give it up (the window says the server cannot be reached meanwhile)
        if (!server.parameters().containsKey("socketTimeout")) {
            config.addDataSourceProperty("socketTimeout", "120");
        }
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // each connection names this workstation (the URL's ApplicationName would win over a property): the
        // change notices carry it, so that a workstation tells its own changes from the others'
        String workstation = "rebound-" + UUID.randomUUID();
        String named = "SET application_name = '" + workstation + "'";
        config.setConnectionInitSql(named);
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw ServerRefusedException.of(server, e);
        }
        try {
            serverSchema(pool, server, schema);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        Database database = new Database(pool, server, workstation);
        Properties listener = new Properties();
        listener.setProperty("user", user);
        listener.setProperty("password", new String(password));
        listener.setProperty("logServerErrorDetail", "false");
        listener.setProperty("connectTimeout", "15");
        listener.setProperty("tcpKeepAlive", "true");
        String url = server.jdbcUrl();
        database.listenerConnections = () -> {
            Connection connection = DriverManager.getConnection(url, listener);
            try (Statement statement = connection.createStatement()) {
                statement.execute(named);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        };
        return database;
    }

    /** Opens a new connection to the server outside the pool. */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    /** A connection of its own for listening to the server's change notices; empty for the embedded file. */
    Optional<ConnectionOpener> listenerConnections() {
        return Optional.ofNullable(listenerConnections);
    }

    /**
     * This program's name among the clinic's workstations while these records are open (see
     * {@link ChangeNotices} and {@link PresenceStore}); no patient data.
     */
    public String workstation() {
        return workstation;
    }

    private static void serverSchema(DataSource pool, ServerAddress server, Schema schema) {
        MigrationVersion known = SchemaHistory.newestScript(Vendor.POSTGRESQL);
        List<MigrationVersion> applied = SchemaHistory.appliedVersions(pool);
        if (!applied.isEmpty() && known != null && applied.get(0).isNewerThan(known.getVersion())) {
            throw new SchemaVersionException(server, applied.get(0).getVersion(), known.getVersion(), true);
        }
        if (SchemaHistory.upToDate(pool, Vendor.POSTGRESQL)) {
            return;
        }
        if (schema == Schema.INSPECT) {
            return;
        }
        if (schema == Schema.CURRENT) {
            throw new SchemaVersionException(server, applied.isEmpty() ? null : applied.get(0).getVersion(),
                    known == null ? "?" : known.getVersion(), false);
        }
        try {
            var result = Vendor.POSTGRESQL.migrate(pool);
            if (result.migrationsExecuted > 0) {
                LOG.info("Server database migrated to version {} ({} migrations)", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            throw new MigrationException(e);
        }
    }

    /**
     * Brings the server's schema up to date (an administrator's {@code migrate}); returns the version it
     * had before, null for none.
     */
    public String migrate() {
        if (server == null) {
            throw new IllegalStateException("the records of a data folder are brought up to date as they open");
        }
        List<MigrationVersion> applied = SchemaHistory.appliedVersions(pool);
        serverSchema(pool, server, Schema.MIGRATE);
        return applied.isEmpty() ? null : applied.get(0).getVersion();
    }

    /** The schema version of the records. */
    public String schemaVersion() {
        List<MigrationVersion> applied = SchemaHistory.appliedVersions(pool);
        return applied.isEmpty() ? null : applied.get(0).getVersion();
    }

    /** Whether these records are on a clinic's server (else the embedded H2 file of this computer). */
    public boolean onServer() {
        return server != null;
    }

    /** The clinic's server in server mode. */
    public Optional<ServerAddress> server() {
        return Optional.ofNullable(server);
    }

    /**
     * Whether the clinic's server answers now: its port takes a connection within {@code timeoutMillis}, then
     * one of the pool's connections answers. For a window that must say at once when the server cannot be
     * reached; true for the records of this computer. Never throws.
     */
    public boolean reachable(int timeoutMillis) {
        if (server == null) {
            return true;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), timeoutMillis);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(Math.max(1, timeoutMillis / 1000));
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether {@code user}'s password is {@code password} on the clinic's server (to unlock the screen): a
     * connection of her own is opened with it and closed at once; the pool is not used.
     *
     * @throws ServerRefusedException when the server cannot be asked (not reached, no TLS)
     */
    public boolean checkLogin(String user, char[] password) {
        if (server == null) {
            throw new IllegalStateException("the records of this computer are opened with the key file");
        }
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", new String(password));
        login.setProperty("logServerErrorDetail", "false");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), login)) {
            return true;
        } catch (SQLException e) {
            ServerRefusedException refused = ServerRefusedException.of(server, e);
            if (refused.reason() == ServerRefusedException.Reason.LOGIN) {
                return false;
            }
            throw refused;
        }
    }

    /**
     * The signed-in clinician changed her own password on the server: the pool's new connections sign in
     * with it (the ones open stay signed in).
     */
    public void loginChanged(char[] password) {
        if (server != null && pool.pool instanceof HikariDataSource hikari) {
            hikari.getHikariConfigMXBean().setPassword(new String(password));
        }
    }

    private void embeddedOnly(String what) {
        if (server != null) {
            throw new StoreException(what + " is for the records of this computer; on the clinic's server it is "
                    + "done by the server's own backups", null);
        }
    }

    /**
     * Loads and initialises the classes that opening a database needs (H2's engine, jOOQ's renderer) on
     * a background thread, while the password's key derivation keeps one core busy for half a second:
     * the database then opens sooner once the key is known. Harmless if it is not finished in time.
     */
    public static void warmUpInBackground() {
        Thread warm = new Thread(() -> {
            try {
                Class.forName("org.h2.Driver");
                Class.forName("org.h2.mvstore.MVStore");
                Class.forName("org.h2.engine.Engine");
                Class.forName("org.flywaydb.core.Flyway");
                DSL.using(SQLDialect.H2).render(DSL.selectOne());
            } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                // only a head start; opening the database loads whatever is missing
            }
        }, "rebound-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /** Whether the folder holds a Rebound database. */
    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(file(folder));
    }

    /** The database file of a data folder. */
    public static Path file(Path folder) {
        return folder.resolve(FILE_NAME + ".mv.db");
    }

    /**
     * Opens (creating if needed) the encrypted database in {@code folder} and brings its schema up to
     * date. Use {@link #openExisting} where a missing database must not be replaced by an empty one.
     */
    public static Database open(Path folder, DatabaseKey key) {
        return open(folder, key, false);
    }

    /**
     * Opens the encrypted database in {@code folder}; never creates one.
     *
     * @throws DatabaseMissingException when the folder holds no database
     */
    public static Database openExisting(Path folder, DatabaseKey key) {
        return open(folder, key, true);
    }

    private static Database open(Path folder, DatabaseKey key, boolean mustExist) {
        H2Lockdown.ensureApplied();
        if (mustExist && !existsIn(folder)) {
            throw new DatabaseMissingException(folder);
        }
        try {
            FilePermissions.createFolder(folder);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder", e);
        }
        boolean existed = existsIn(folder);
        if (existed) {
            checkHeader(folder);
        }
        // the file is in H2's CIPHER=AES format, read and written through EncryptedFileSystem (the JDK's AES);
        // the key is held there until this database closes
        EncryptedFileSystem.Registration files = EncryptedFileSystem.register(folder.resolve(FILE_NAME), key);
        try {
            if (existed && !OPEN.isOpen(files.name())) {
                // decided before anything may write to the file: what it holds, whether it is whole
                SchemaCheck.beforeOpen(files.name());
                checkReadOnly(folder, files.name(), key);
            }
            return openChecked(folder, key, mustExist, files);
        } catch (RuntimeException | Error e) {
            files.close();
            throw e;
        }
    }

    /**
     * Refuses a file that is not in Rebound's encrypted format before H2 reads a byte of it: an unencrypted
     * H2 file can carry triggers and aliases that H2 would load as it opens.
     */
    private static void checkHeader(Path folder) {
        if (!DatabaseFiles.isEncrypted(file(folder))) {
            if (DatabaseFiles.isPlain(folder)) {
                throw new ForeignDatabaseException("The database file is not encrypted, so it was not written by this "
                        + "Rebound; it is not opened and stays as it is");
            }
            // neither H2's encrypted nor its plain header (an empty file, one cut short, overwritten): damage
            throw new DatabaseDamagedException(new StoreException("The database file has no H2 header", null));
        }
        try {
            // an encrypted file holds H2's encryption block and two store headers (4 KiB each) before any data;
            // shorter, it is cut short, and H2 would start a new empty store in it
            if (Files.size(file(folder)) < 3 * 4096) {
                throw new DatabaseDamagedException(new StoreException("The database file is cut short", null));
            }
        } catch (IOException e) {
            throw new StoreException("Cannot read the database file", e);
        }
    }

    /**
     * Opens the database read-only (H2 then writes nothing to the file) and checks it as a whole: its
     * schema in H2's own terms ({@link SchemaCheck#afterOpen}), and that it holds every audit row its
     * trail's end marker records: a file cut short makes H2 fall back to an older version of the records,
     * which the marker, written after every commit, is ahead of.
     */
    private static void checkReadOnly(Path folder, String h2Name, DatabaseKey key) {
        String url = "jdbc:h2:" + h2Name + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
        try (Connection connection = DriverManager.getConnection(url, "rebound", "")) {
            SchemaCheck.afterOpen(connection);
            // the marker's key is the trail's own, kept in the database (derived from the database key until the
            // first change of that key, and kept as it was since): with the database key alone, the check would
            // pass for any file after a clinician's removal
            byte[] trailKey = storedTrailKey(connection);
            OptionalLong recorded = trailKey != null ? AuditStore.recordedRows(folder, trailKey)
                    : AuditStore.recordedRows(folder, key);
            if (recorded.isPresent() && recorded.getAsLong() > 0 && auditRows(connection) < recorded.getAsLong()) {
                throw new DatabaseDamagedException(new StoreException("The database holds fewer audit rows than its "
                        + "trail's end marker records: it is cut short or an older copy", null));
            }
        } catch (SQLException e) {
            if (isAlreadyOpen(e)) {
                throw new DatabaseInUseException(e);
            }
            throw new DatabaseDamagedException(e);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DatabaseDamagedException(e);
        }
    }

    /** The audit trail's own HMAC key as the database keeps it, or null where it keeps none (before V12). */
    private static byte[] storedTrailKey(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'AUDIT_TRAIL_KEY'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return null;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT hmac_key FROM audit_trail_key WHERE id = 1")) {
            return row.next() && row.getString(1) != null ? HexFormat.of().parseHex(row.getString(1)) : null;
        }
    }

    /** The newest audit row's number, 0 without rows or without the table (a version from before it). */
    private static long auditRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'AUDIT_EVENT'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM audit_event")) {
            max.next();
            return max.getLong(1);
        }
    }

    private static Database openChecked(Path folder, DatabaseKey key, boolean mustExist,
            EncryptedFileSystem.Registration files) {
        JdbcConnectionPool pool = connect(files, mustExist);
        try {
            // H2 creates the file with the process's default permissions
            FilePermissions.ownerOnly(file(folder));
        } catch (IOException e) {
            LOG.warn("Cannot make the database file readable by its owner only ({})", e.getClass().getSimpleName());
        }
        return migrated(pool, folder, key, mustExist, files);
    }

    /** The connection pool on the database H2 knows as {@code files}' name, its first connection made. */
    private static JdbcConnectionPool connect(EncryptedFileSystem.Registration files, boolean mustExist) {
        // MAX_COMPACT_TIME=0: H2 2.3.232 compacts the file in place for up to 200 ms as it closes, and on some
        // files that moved live chunks and then cut the file short, back to a version sessions old (the attack
        // review's finding: a clinician added, exit 0, then "damaged" at the next start; H2 issue 4247). The
        // file is compacted by Rebound instead, on a checked copy (compactSafely), when it is sparse or after an
        // erase
        String url = "jdbc:h2:" + files.name()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;CACHE_SIZE=65536;MAX_COMPACT_TIME=0"
                + (mustExist ? ";IFEXISTS=TRUE" : "");
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "rebound", "");
        pool.setMaxConnections(8);
        try {
            pool.getConnection().close();
        } catch (SQLException e) {
            pool.dispose();
            if (isAlreadyOpen(e)) {
                throw new DatabaseInUseException(e);
            }
            if (StorageProblem.in(e).isPresent()) {
                // a full disk or a file size limit is not damage: the records are whole, no backup is needed
                throw new StoreException("Cannot write the database file", e);
            }
            if (DatabaseFiles.isDamage(e)) {
                throw new DatabaseDamagedException(e);
            }
            throw new StoreException("Cannot open the database", e);
        } catch (RuntimeException e) {
            pool.dispose();
            if (StorageProblem.in(e).isPresent()) {
                throw new StoreException("Cannot write the database file", e);
            }
            throw new DatabaseDamagedException(e);
        }
        return pool;
    }

    /** Brings the schema of the freshly connected {@code pool} up to date and makes the database of it. */
    private static Database migrated(JdbcConnectionPool pool, Path folder, DatabaseKey key, boolean mustExist,
            EncryptedFileSystem.Registration files) {
        if (SchemaHistory.upToDate(pool, Vendor.H2)) {
            // nothing to migrate: Flyway's loading and validation took most of a second
            return new Database(pool, folder.toAbsolutePath(), key, files);
        }
        boolean emptied;
        try {
            var result = Vendor.H2.migrate(pool);
            emptied = mustExist && result.initialSchemaVersion == null;
            if (result.migrationsExecuted > 0 && !emptied) {
                LOG.info("Database migrated to version {} ({} migrations)", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            pool.dispose();
            throw new MigrationException(e);
        }
        if (emptied) {
            // the file was there but held no schema: H2 read it as a new, empty store (damage), not records
            pool.dispose();
            throw new DatabaseDamagedException(new StoreException("The database file held no records", null));
        }
        return new Database(pool, folder.toAbsolutePath(), key, files);
    }

    private static boolean isAlreadyOpen(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes a consistent copy of the open database's file, still encrypted, to {@code out} (a backup's
     * zip entry), and returns how many patients the copy holds. The copy is the file's bytes as they are
     * on disk (H2's own {@code BACKUP TO} reads through the file system, which here would be the
     * decrypted view), made beside the database while no connection is out: the saves (and reads) asked
     * for meanwhile wait until the file is copied, then go on (H2 2.3's online backup only asks the store
     * not to reuse free space, which it then does not honour; such a copy did not open, "Double mark").
     * The copy is then checked as an open checks the file, before a byte of it is written to {@code out}:
     * nothing in it may run code ({@link SchemaCheck}), and it must hold as many patients and audit rows
     * as the records did when it was made, no fewer (an older version) and no more (an erased patient).
     * A copy that fails that is made again, up to {@link #COPY_ATTEMPTS} times; then the backup fails.
     * After an erase the copy is compacted before it is checked, so that it holds nothing of her either:
     * a backup that cannot be compacted fails rather than keep an erased patient. A close waits for the
     * backup to end.
     *
     * @throws StoreException when the records are closed, or no copy passed the checks (the records are
     *                        as they were; nothing of the copies is left in the data folder)
     * @throws ForeignDatabaseException when the records hold what Rebound never creates
     */
    public int copyTo(OutputStream out) throws IOException {
        embeddedOnly("Copying the database file");
        lifecycle.lock();
        try {
            if (shut) {
                throw new StoreException("The records are closed: no backup was made", null);
            }
            Path staging;
            try {
                staging = Files.createTempDirectory(folder, BACKUP_STAGING);
            } catch (IOException e) {
                throw new StoreException("Cannot write the backup", e);
            }
            try {
                int patients;
                for (int attempt = 1; ; attempt++) {
                    Files.deleteIfExists(file(staging));
                    Counts live;
                    try (FileChannel copy = FileChannel.open(file(staging), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                        live = copyLiveFile(copy);
                    }
                    try {
                        seams.checking(file(staging), attempt);
                        patients = checkCopy(staging, erased, live);
                        break;
                    } catch (ForeignDatabaseException e) {
                        // in the records themselves: another copy holds it too
                        throw e;
                    } catch (SQLException | StoreException e) {
                        if (attempt == COPY_ATTEMPTS) {
                            throw new StoreException("No backup was made: its copy of the records failed the checks "
                                    + COPY_ATTEMPTS + " times (" + reason(e) + "); the records are as they were", e);
                        }
                        LOG.warn("The copy for the backup failed the checks ({}); making it again", reason(e));
                    }
                }
                // only a failure to write the backup itself from here: it goes to the caller, as any other
                Files.copy(file(staging), out);
                return patients;
            } finally {
                try {
                    DatabaseFiles.deleteTree(staging);
                } catch (IOException e) {
                    LOG.warn("Cannot remove {}", staging.getFileName());
                }
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /** Why a copy failed its checks, without patient data (an SQL error code, or the check's own words). */
    private static String reason(Exception e) {
        return e instanceof SQLException sql ? "SQL error " + sql.getErrorCode() : e.getMessage();
    }

    /** How many times a backup's copy is made before the backup fails (see {@link #copyTo}). */
    static final int COPY_ATTEMPTS = 5;

    /** How long a backup waits for the connections out (a long import) before it fails. */
    private static final long COPY_WAIT_MILLIS = 120_000;

    /** How long a close waits for the connections out before it closes anyway. */
    private static final long CLOSE_WAIT_MILLIS = 60_000;

    /**
     * What a copy of the records must hold: as many rows in each of the records' tables, and the audit trail
     * up to the same row. Table names and numbers only: they say nothing of a patient.
     */
    private record Counts(SortedMap<String, Long> rows, long auditRows) {

        long patients() {
            return rows.getOrDefault("PATIENT", 0L);
        }

        /** The first difference from {@code other}, in words, or null when there is none. */
        String differenceFrom(Counts other) {
            for (String table : union(rows.keySet(), other.rows.keySet())) {
                Long mine = rows.get(table);
                Long theirs = other.rows.get(table);
                if (!Objects.equals(mine, theirs)) {
                    return "table " + table + ": " + describe(mine) + " in the copy, " + describe(theirs)
                            + " in the records";
                }
            }
            return auditRows == other.auditRows ? null
                    : "the audit trail: up to row " + auditRows + " in the copy, " + other.auditRows + " in the records";
        }

        private static SortedSet<String> union(Set<String> a, Set<String> b) {
            SortedSet<String> all = new TreeSet<>(a);
            all.addAll(b);
            return all;
        }

        private static String describe(Long count) {
            return count == null ? "missing" : count + " rows";
        }
    }

    /** The records' row counts, as H2 keeps them (fast: no row is read). */
    private static Counts counts(Connection connection) throws SQLException {
        SortedMap<String, Long> rows = new TreeMap<>();
        for (String table : tables(connection)) {
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM PUBLIC." + quoted(table))) {
                count.next();
                rows.put(table, count.getLong(1));
            }
        }
        return new Counts(rows, auditRows(connection));
    }

    /**
     * A copy's row counts, every row of every table read (H2's COUNT(*) reads only its own totals): a page
     * the copy lost or tore fails here, before the copy goes into a backup or replaces the records.
     */
    private static Counts countsByReading(Connection connection) throws SQLException {
        SortedMap<String, Long> rows = new TreeMap<>();
        for (String table : tables(connection)) {
            long read = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1_000);
                try (ResultSet all = statement.executeQuery("SELECT * FROM PUBLIC." + quoted(table))) {
                    int columns = all.getMetaData().getColumnCount();
                    while (all.next()) {
                        for (int column = 1; column <= columns; column++) {
                            // every value is read, so every page and every large value behind the rows is
                            all.getObject(column);
                        }
                        read++;
                    }
                }
            }
            rows.put(table, read);
        }
        return new Counts(rows, auditRows(connection));
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (names.next()) {
                tables.add(names.getString(1));
            }
        }
        return tables;
    }

    /**
     * Copies the open database's file, whole 4 KiB blocks, to {@code target}, and returns what it holds:
     * with the {@link ConnectionGate} closed (no connection out, none given out until the copy is made),
     * everything committed flushed, and H2's background writer (which moves chunks and shrinks the file)
     * stopped.
     */
    private Counts copyLiveFile(WritableByteChannel target) {
        if (!pool.gate().close(COPY_WAIT_MILLIS, true)) {
            pool.gate().open();
            throw new StoreException("No backup was made: the records were in use for more than "
                    + COPY_WAIT_MILLIS / 1000 + " s", null);
        }
        try {
            seams.copying();
            return dsl.connectionResult(connection -> {
                SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
                Store store = session.getDatabase().getStore();
                MVStore mvStore = store.getMvStore();
                int delay = mvStore.getAutoCommitDelay();
                // 0 stops the background thread, waiting for what it is doing to end
                mvStore.setAutoCommitDelay(0);
                try {
                    store.flush();
                    Counts live = counts(connection);
                    try (FileChannel raw = FileChannel.open(file(folder), StandardOpenOption.READ)) {
                        // whole 4 KiB blocks only: a chunk being appended while this runs is left out, as H2 would
                        long length = raw.size() / 4096 * 4096;
                        for (long at = 0; at < length; ) {
                            at += raw.transferTo(at, length - at, target);
                        }
                    } catch (IOException e) {
                        throw new StoreException("Cannot write the backup", e);
                    }
                    return live;
                } finally {
                    mvStore.setAutoCommitDelay(delay);
                }
            });
        } finally {
            pool.gate().open();
        }
    }

    /**
     * Re-encrypts the database under {@code next} ({@link KeyRotation}): every connection is closed, the
     * file is re-encrypted (a checked copy, then an atomic swap) and the database opens again with the new
     * key. Queries of other threads meanwhile fail; the window shows a modal progress while it runs.
     * If the re-encryption fails the database opens again with the key it had.
     *
     * @param keyFileStep writes the key file's first step (both keys), or gives it when already written
     */
    public void rekey(DatabaseKey next, KeyFileStep keyFileStep) throws IOException {
        rekey(next, keyFileStep, KeyRotation.Interruption.NONE);
    }

    void rekey(DatabaseKey next, KeyFileStep keyFileStep, KeyRotation.Interruption interruption) throws IOException {
        embeddedOnly("Re-encrypting the database file");
        lifecycle.lock();
        try {
            if (shut) {
                throw new StoreException("The records are closed", null);
            }
            rekeyOpen(next, keyFileStep, interruption);
        } finally {
            lifecycle.unlock();
        }
    }

    private void rekeyOpen(DatabaseKey next, KeyFileStep keyFileStep, KeyRotation.Interruption interruption)
            throws IOException {
        DatabaseKey current = key;
        pool.dispose();
        // H2 has closed the file: the old key leaves the file system's keys with it
        OPEN.closed(files.name());
        files.close();
        DatabaseKey openWith = current;
        try {
            KeyFile rotating = keyFileStep.write();
            interruption.reached("key file rotating");
            openWith = KeyRotation.finish(folder, rotating, current, next, interruption);
        } finally {
            // after the swap the file is in the new key even if the key file's last step failed
            key = KeyRotation.keyOf(folder, next, current).orElse(openWith);
            files = EncryptedFileSystem.register(folder.resolve(FILE_NAME), key);
            OPEN.opened(files.name());
            pool.switchTo(connect(files, true));
        }
    }

    /** Writes the key file with the next key beside the current one (unless written already); returns it. */
    public interface KeyFileStep {
        KeyFile write() throws IOException;
    }

    /**
     * The pool the database's jOOQ context takes its connections from, replaced when the database is
     * re-encrypted under a new key (the stores keep their context). Every connection passes the
     * {@link ConnectionGate}: a backup's copy and a close wait for the connections out, and connections
     * asked for meanwhile wait for them.
     */
    private static final class SwitchingDataSource implements DataSource {
        private volatile DataSource pool;
        private final ConnectionGate gate;

        SwitchingDataSource(DataSource pool, ConnectionGate gate) {
            this.pool = pool;
            this.gate = gate;
        }

        ConnectionGate gate() {
            return gate;
        }

        void switchTo(DataSource next) {
            pool = next;
        }

        void dispose() {
            if (pool instanceof JdbcConnectionPool h2) {
                h2.dispose();
            } else if (pool instanceof HikariDataSource hikari) {
                hikari.close();
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            return gated(() -> pool.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return gated(() -> pool.getConnection(user, password));
        }

        private interface Connect {
            Connection connect() throws SQLException;
        }

        /** A connection of the pool that leaves the gate when it is closed (returned to the pool). */
        private Connection gated(Connect connect) throws SQLException {
            gate.enter();
            Thread borrower = Thread.currentThread();
            Connection connection;
            try {
                connection = connect.connect();
            } catch (SQLException | RuntimeException | Error e) {
                gate.leave(borrower);
                throw e;
            }
            AtomicBoolean returned = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Database.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> {
                            try {
                                connection.close();
                            } finally {
                                if (returned.compareAndSet(false, true)) {
                                    gate.leave(borrower);
                                }
                            }
                            yield null;
                        }
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> {
                            try {
                                yield method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }

    /** The key the database is encrypted with (for keys derived from it, e.g. the audit trail's). */
    public DatabaseKey key() {
        return key;
    }

    /** The data folder the database is in. */
    public Path folder() {
        return folder;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** Beside the database while an erase waits for its compaction: it survives a crash or a failed compaction. */
    public static final String ERASED_MARKER = ".rebound-erased";

    /** The start of the name of the folders a backup makes and checks its copy in (each a new one). */
    static final String BACKUP_STAGING = ".rebound-backup-compacting";

    /**
     * The start of the name of the folders a compaction on close makes its copy in: each a new one, made
     * where no file of that name was (so neither a leftover of a crash nor another program's compaction
     * is ever taken for it, nor written into).
     */
    static final String COMPACT_STAGING = ".rebound-compacting";

    /**
     * Removes what a backup or a compaction left behind when the program ended during one (a copy of the
     * records, which may hold an erased patient's rows): whatever starts with one of {@code prefixes},
     * links removed as links, never followed.
     */
    private void removeStaging(String... prefixes) {
        try {
            DatabaseFiles.deleteStartingWith(folder, prefixes);
        } catch (IOException e) {
            LOG.warn("Cannot remove what a backup left in the data folder ({})", e.getClass().getSimpleName());
        }
    }

    /**
     * Points in a backup's copy and a close where a test steps in; none in the program. Called on the
     * thread doing the work.
     */
    interface Seams {
        Seams NONE = new Seams() {
        };

        /** A backup's copy is about to be made: no connection is out, and none is given out until it is made. */
        default void copying() {
        }

        /** A thread asks for a connection while a copy is made or the records close, and waits. */
        default void waitingForCopy() {
        }

        /** A backup's copy (attempt 1 to {@link #COPY_ATTEMPTS}) is made and is about to be checked. */
        default void checking(Path copy, int attempt) throws IOException {
        }

        /** A close waits for a backup to end. */
        default void closeWaits() {
        }

        /** A compaction on close has made its copy in {@code staging}. */
        default void compacting(Path staging) throws IOException {
        }
    }

    private volatile Seams seams = Seams.NONE;

    /** Sets the points where a test steps in. */
    void seams(Seams seams) {
        this.seams = seams;
    }

    /** Held by a backup's copy, a close and a re-encryption: one at a time. */
    private final ReentrantLock lifecycle = new ReentrantLock();
    /** Closed (under {@link #lifecycle}): no backup, no second close. */
    private boolean shut;

    private volatile boolean compactOnClose;
    private volatile boolean erased;

    /**
     * Rows were deleted (a patient erased): the whole file is rewritten when the database is closed, so
     * that they leave nothing behind in unused parts of it, and until then backups are made from a
     * compacted copy. Remembered in a marker file, so a compaction that does not happen (the program
     * ended first, or the compaction failed) is done at the next close. Called before the rows are
     * deleted, so that a power cut cannot keep the deletion and lose the marker.
     */
    public void erased() {
        if (server != null) {
            // the server's files are the clinic IT's: its vacuum reuses the space, its backups rotate
            return;
        }
        try (FileChannel marker = FileChannel.open(folder.resolve(ERASED_MARKER),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS),
                FilePermissions.ownerOnlyFile(folder))) {
            marker.force(true);
        } catch (IOException e) {
            // the compaction of this session still happens; only its retry after a crash is lost
            LOG.warn("Cannot write {} ({})", ERASED_MARKER, e.getClass().getSimpleName());
        }
        erased = true;
        compactOnClose = true;
    }

    /**
     * Closes the database and rewrites its file with only the live pages, after bulk writes: H2 keeps old
     * copies of the pages they touched, so 100,000 generated patients left a 12 GB file holding 0.5 GB of
     * records. Takes seconds; the database is closed afterwards (see {@link #compactSafely}).
     */
    public void closeCompacted() {
        compactOnClose = true;
        close();
    }

    /**
     * Closes every connection; H2 then closes the files (running SHUTDOWN through jOOQ would fail). A
     * backup running (the day's backup when the window closes) ends first; saves in progress end first
     * (up to {@link #CLOSE_WAIT_MILLIS}), and connections asked for meanwhile fail as on closed records.
     */
    @Override
    public void close() {
        if (!lifecycle.tryLock()) {
            seams.closeWaits();
            lifecycle.lock();
        }
        try {
            if (shut) {
                return;
            }
            shut = true;
            if (!pool.gate().close(CLOSE_WAIT_MILLIS, false)) {
                LOG.warn("Connections still in use after {} s; closing the records anyway", CLOSE_WAIT_MILLIS / 1000);
            }
            try {
                closeShut();
            } finally {
                // the threads that waited find the pool closed
                pool.gate().open();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    private void closeShut() {
        if (server != null) {
            pool.dispose();
            return;
        }
        // another Database of this process on the same file keeps H2's database open: no copy of it replaces
        // the file under it (an erase's marker stays, for the last close)
        boolean only = OPEN.count(files.name()) == 1;
        Counts live = null;
        if (only && (compactOnClose || sparse())) {
            try {
                live = dsl.connectionResult(Database::counts);
            } catch (RuntimeException e) {
                LOG.warn("Cannot count the records before compacting them ({})", e.getClass().getSimpleName());
            }
        }
        if (only) {
            // what a backup of this session could not remove (H2's lock on the file is still this program's:
            // no other program's backup can be running)
            removeStaging(BACKUP_STAGING);
        }
        pool.dispose();
        try {
            if (live != null) {
                compactSafely(live);
            }
        } finally {
            closed();
        }
    }

    /** Whether the close compacts the file though no erase asks for it: large and mostly unused space. */
    boolean sparse() {
        return server == null && size() > COMPACT_ABOVE_BYTES && fillRate() < COMPACT_BELOW_FILL_RATE;
    }

    /**
     * Below this share of live pages (percent) the file is compacted when it closes: H2's own compaction
     * keeps up with slow use, not with many saves in a row (6,000 saves of 300 patients left 1.7 MB of
     * records in a 473 MB file).
     */
    static final int COMPACT_BELOW_FILL_RATE = 50;

    /** Smaller files are not worth the compaction's time at every close (a new clinic's file is sparse). */
    static final long COMPACT_ABOVE_BYTES = 8L << 20;

    private long size() {
        try {
            return Files.size(file(folder));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The share of the file that live pages fill, in percent (H2's share of the file in chunks, times the
     * share of the chunks' bytes in live pages); 100 when it cannot tell.
     */
    private int fillRate() {
        try {
            return dsl.connectionResult(connection -> {
                FileStore<?> files = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                        .getDatabase().getStore().getMvStore().getFileStore();
                return files.getFillRate() * files.getChunksFillRate() / 100;
            });
        } catch (RuntimeException e) {
            return 100;
        }
    }

    private boolean released;

    /** The key is no longer needed here: it leaves the file system's keys once no open database uses it. */
    private synchronized void closed() {
        if (!released) {
            released = true;
            OPEN.closed(files.name());
            files.close();
        }
    }

    /** How many {@link Database}s of this process have each database name open. */
    private static final class OpenNames {
        private final Map<String, Integer> counts = new HashMap<>();

        synchronized boolean isOpen(String name) {
            return counts.containsKey(name);
        }

        /** Returns how many have it open now. */
        synchronized int opened(String name) {
            return counts.merge(name, 1, Integer::sum);
        }

        synchronized int count(String name) {
            return counts.getOrDefault(name, 0);
        }

        synchronized void closed(String name) {
            counts.computeIfPresent(name, (n, count) -> count == 1 ? null : count - 1);
        }
    }

    /**
     * Closes without the compaction an erase asks for: for a look at a database that is about to be
     * replaced (a restore checking that no other program has it open).
     */
    public void closeAsIs() {
        lifecycle.lock();
        try {
            if (shut) {
                return;
            }
            shut = true;
            pool.dispose();
            if (server != null) {
                return;
            }
            closed();
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Checks the copy of the database in {@code staging} as an open checks the file, after compacting it
     * on it when {@code compact} (then it is opened again, read-only: opened to write, H2 adds a chunk of its
     * own to the compacted file), and returns how many patients it holds. H2's list of its objects is read
     * before H2's SQL engine opens it ({@link SchemaCheck#beforeOpen}), the opened copy asked the same
     * ({@link SchemaCheck#afterOpen}), and it must hold exactly the patients and audit rows of {@code live}.
     *
     * @throws SQLException             when H2 does not open it
     * @throws ForeignDatabaseException when it holds what Rebound never creates
     * @throws StoreException           when it cannot be read, or holds fewer or more rows than {@code live}
     */
    private int checkCopy(Path staging, boolean compact, Counts live) throws SQLException {
        try (EncryptedFileSystem.Registration copy = EncryptedFileSystem.register(staging.resolve(FILE_NAME), key)) {
            SchemaCheck.beforeOpen(copy.name());
            // no compaction in place as H2 closes it either (see connect): the store tool below rewrites it whole
            String url = "jdbc:h2:" + copy.name() + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0;MAX_COMPACT_TIME=0";
            if (compact) {
                // H2's SHUTDOWN COMPACT lost every row of the audit trail on some copies (a file restored or
                // copied from another, as the tests' ready-made clinics are; EraseBackupTest, found by the row
                // counts below), so the copy is opened and closed once (H2 ends what it left open), then
                // rewritten by H2's own store tool: every map's current content into a new file, none of the
                // old pages (an erased patient's) with it
                try (Connection connection = DriverManager.getConnection(url, "rebound", "");
                        Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
                MVStoreTool.compact(copy.name() + ".mv.db", false);
            }
            try (Connection connection = DriverManager.getConnection(url + ";ACCESS_MODE_DATA=r", "rebound", "");
                    Statement statement = connection.createStatement()) {
                try {
                    SchemaCheck.afterOpen(connection);
                    Counts found = countsByReading(connection);
                    String difference = found.differenceFrom(live);
                    if (difference != null) {
                        // table names and numbers only: they say nothing of a patient
                        throw new StoreException("The copy differs from the records in " + difference, null);
                    }
                    return (int) found.patients();
                } finally {
                    statement.execute("SHUTDOWN");
                }
            }
        }
    }

    /**
     * SHUTDOWN COMPACT on the open pool has been seen to leave an encrypted file that no longer opens
     * ("Double mark", found by PatientEraseTest): the clinic's records lost for erasing one patient. So
     * the database is closed first, a copy is compacted on its own connection, in a new folder of its
     * own, and the copy replaces the file only once it passes the checks of a backup's copy (holding
     * {@code live}'s rows); otherwise the (uncompacted, intact) original stays.
     */
    private void compactSafely(Counts live) {
        Path staging = null;
        try {
            // a new folder (mkdir fails where any file of that name is): never another's, never through a link
            staging = Files.createTempDirectory(folder, COMPACT_STAGING);
            Files.copy(file(folder), file(staging));
            seams.compacting(staging);
            checkCopy(staging, true, live);
            // the copy was made with the process's default permissions: the owner's alone before it replaces
            FilePermissions.ownerOnly(file(staging));
            AtomicFile.replace(file(staging), file(folder));
            Files.deleteIfExists(folder.resolve(ERASED_MARKER));
        } catch (SQLException e) {
            LOG.warn("Compacting the database on close failed (SQL state {}); it stays as it was", e.getSQLState());
        } catch (StoreException e) {
            // Rebound's own words, without patient data
            LOG.warn("Compacting the database on close failed ({}); it stays as it was", e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Compacting the database on close failed ({}); it stays as it was", e.getClass().getSimpleName());
        } finally {
            if (staging != null) {
                try {
                    DatabaseFiles.deleteTree(staging);
                } catch (IOException e) {
                    LOG.warn("Cannot remove {}", staging.getFileName());
                }
            }
        }
    }
}
