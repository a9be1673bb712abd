package app.rebound.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import app.rebound.domain.AuditAction;
import app.rebound.domain.Clinician;
import app.rebound.store.AtomicFile;
import app.rebound.store.ClinicianStore;
import app.rebound.store.Database;
import app.rebound.store.DatabaseFiles;
import app.rebound.store.DatabaseKey;
import app.rebound.store.FilePermissions;
import app.rebound.store.KeyFile;
import app.rebound.store.MigrationException;
import app.rebound.store.RecoveryKey;
import app.rebound.store.SchemaVersionException;
import app.rebound.store.ServerAddress;
import app.rebound.store.ServerRefusedException;
import app.rebound.store.StoreException;
import app.rebound.store.TableCopy;

/**
 * Backups of the clinic's records on a PostgreSQL server, and restoring one onto a server. A server's backup
 * has the form of every backup: a zip holding an encrypted database of a data folder and its key file, so
 * that it also restores into an empty data folder with the restore command as it is. It is a logical copy of
 * every table, read in one REPEATABLE READ, read-only transaction (one moment of the records while the
 * workstations go on saving), into a new database encrypted under a new random key; the key is wrapped under
 * the password of the administrator who makes the backup (as a data folder's backup opens with the passwords
 * of its day), so the backup opens with her user name and that password.
 */
public final class ServerBackupService {

    /** The server holds records already: a backup is restored only into an empty database; nothing was changed. */
    public static final class ServerNotEmptyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ServerNotEmptyException(ServerAddress server, List<String> tables) {
            super("The database " + server + " already holds records (" + String.join(", ", tables) + "); a backup "
                    + "is restored only into an empty database: create a new one (createdb) and restore into it");
        }
    }

    /**
     * A backup made: how many patients it holds, and the rows of each table (numbers only).
     */
    public record Made(long patients, SortedMap<String, Long> rows) {
    }

    /**
     * A restore onto a server: how many patients, and the clinicians who got a login without a password
     * (an administrator sets each one's with {@code clinician reset-password}).
     */
    public record Restored(long patients, List<String> loginsWithoutPassword) {
    }

    private static final String STAGING = ".rebound-server-backup";

    private final Clock clock;
    private final Locale locale;

    public ServerBackupService(Clock clock, Locale locale) {
        this.clock = clock;
        this.locale = locale;
    }

    /**
     * Writes a backup of the server's records that {@code services} are signed in to, to {@code zip}: only an
     * administrator; audited on the server.
     *
     * @param password her password (wiped once used): the backup's key is wrapped under it
     * @throws NotAllowedException unless she is an administrator
     */
    public Made backup(Services services, char[] password, Path zip) throws IOException {
        try {
            Clinician who = services.session().requireAdministrator();
            if (!services.database().onServer()) {
                throw new IllegalStateException("a data folder's records are backed up by BackupService");
            }
            DatabaseKey key = DatabaseKey.random();
            // the backup opens with her password of today; a recovery entry is in every key file's format,
            // here under a key nobody keeps (the clinic key of server mode will take its place)
            KeyFile keys = KeyFile.create(key, RecoveryKey.random()).withClinician(who.username(), password, key);
            SortedMap<String, Long> rows = logicalBackup(services.database(), key, keys, zip);
            long patients = rows.getOrDefault("patient", 0L);
            services.audit().record(AuditAction.BACKUP, null, "server backup by command: " + patients
                    + " patients");
            return new Made(patients, rows);
        } finally {
            ClinicAccess.wipe(password);
        }
    }

    /**
     * Writes a backup of {@code source} (either engine) to {@code zip}: every table read at one moment into a
     * new database of a data folder encrypted under {@code key}, zipped with {@code keys}, which must open it.
     * Written beside the target and moved into place once checked, as every backup is.
     *
     * @return the rows of each table copied
     */
    static SortedMap<String, Long> logicalBackup(Database source, DatabaseKey key, KeyFile keys, Path zip)
            throws IOException {
        Path target = zip.toAbsolutePath().normalize();
        FilePermissions.createFolder(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), STAGING);
        try {
            SortedMap<String, Long> rows;
            try (Database copy = Database.open(staging, key)) {
                rows = TableCopy.backup(source, copy).rows();
            }
            keys.writeTo(staging);
            AtomicFile.write(target, out -> {
                try (ZipOutputStream zipped = new ZipOutputStream(out)) {
                    zipped.putNextEntry(new ZipEntry(BackupService.DATABASE_FILE));
                    Files.copy(Database.file(staging), zipped);
                    zipped.closeEntry();
                    zipped.putNextEntry(new ZipEntry(KeyFile.FILE_NAME));
                    Files.copy(staging.resolve(KeyFile.FILE_NAME), zipped);
                    zipped.closeEntry();
                }
            }, BackupService::check);
            return rows;
        } finally {
            DatabaseFiles.deleteTree(staging);
        }
    }

    /**
     * Restores {@code zip} (a server's backup or a data folder's) onto the server, into a database that holds
     * no records (none at all, or Rebound's schema with every table empty): opened with {@code user}'s password
     * of the backup's day, she must be an administrator in the backup's records, and the server login of the
     * same name and password the database's owner (who may write every table). Audited on the server.
     *
     * @throws BackupService.InvalidBackupException when the file is not a backup that opens; nothing was changed
     * @throws WrongPasswordException   when the password does not open the backup, or the server refuses it
     * @throws NotAllowedException      when she is not an administrator in the backup's records
     * @throws ServerNotEmptyException  when the database holds records; nothing was changed
     */
    public Restored restore(Path zip, ServerAddress server, String user, char[] password) throws IOException {
        try {
            BackupService.check(zip);
            KeyFile keys = BackupService.keysOf(zip).orElseThrow(() -> new BackupService.InvalidBackupException(
                    zip.getFileName() + " holds no key file: it was not made by this Rebound, and is not restored",
                    null));
            String name = KeyFile.normalUser(user);
            DatabaseKey key = keys.unwrap(name, password).orElseThrow(() -> new WrongPasswordException(
                    "The user name or the password does not open this backup (it opens with the password of the "
                            + "administrator who made it, as it was that day)", 0));
            Path staging = Files.createTempDirectory(zip.toAbsolutePath().getParent(), STAGING);
            try {
                try (ZipFile file = new ZipFile(zip.toFile());
                        InputStream in = file.getInputStream(file.getEntry(BackupService.DATABASE_FILE))) {
                    Files.copy(in, Database.file(staging));
                }
                if (DatabaseFiles.isPlain(staging)) {
                    throw new BackupService.InvalidBackupException(zip.getFileName() + " holds a database that is "
                            + "not encrypted, so it was not written by Rebound; it is not restored", null);
                }
                try (Database backup = openBackup(zip, staging, key)) {
                    Optional<Clinician> who = new ClinicianStore(backup).byUsername(name);
                    if (who.isEmpty() || !who.get().administrator()) {
                        throw new NotAllowedException("Only an administrator of the backup's records may restore it");
                    }
                    return restoreOnto(backup, server, name, password, who.get());
                }
            } finally {
                DatabaseFiles.deleteTree(staging);
            }
        } finally {
            ClinicAccess.wipe(password);
        }
    }

    private static Database openBackup(Path zip, Path staging, DatabaseKey key) {
        try {
            return Database.openExisting(staging, key);
        } catch (MigrationException e) {
            throw new BackupService.InvalidBackupException(zip.getFileName() + " cannot be restored: it comes from "
                    + "a newer Rebound, or it is damaged", e);
        } catch (StoreException e) {
            throw new BackupService.InvalidBackupException(zip.getFileName() + " cannot be restored: its database "
                    + "does not open (damaged?)", e);
        }
    }

    private Restored restoreOnto(Database backup, ServerAddress server, String user, char[] password,
            Clinician who) {
        Database database = connect(server, user, password);
        try {
            if (database.schemaVersion() != null) {
                // an empty database of an older version is brought up to date; one with records never
                List<String> holding = TableCopy.counts(database).entrySet().stream()
                        .filter(table -> !TableCopy.ENGINE_OWN.contains(table.getKey()) && table.getValue() > 0)
                        .map(table -> table.getKey()).toList();
                if (!holding.isEmpty()) {
                    throw new ServerNotEmptyException(server, holding);
                }
            }
            migrate(database);
            TableCopy.Copied copied;
            try {
                copied = TableCopy.restore(backup, database);
            } catch (TableCopy.TargetNotEmptyException e) {
                throw new ServerNotEmptyException(server, e.tables());
            } catch (TableCopy.NotOwnerException e) {
                throw refusedRights(server, e);
            }
            try (Services services = Services.on(database, clock, locale)) {
                services.session().signIn(who);
                // her row signed with her key on this server (the backup's wrapped key, or a new one)
                ClinicAccess.signOnServer(services, user, password, clock);
                services.audit().record(AuditAction.RESTORE_BACKUP, null, "backup restored onto the server by "
                        + "command: " + copied.of("patient") + " patients");
            }
            database = null;
            return new Restored(copied.of("patient"), copied.loginsWithoutPassword());
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    static Database connect(ServerAddress server, String user, char[] password) {
        try {
            return Database.connect(server, user, password, Database.Schema.INSPECT);
        } catch (ServerRefusedException e) {
            if (e.reason() == ServerRefusedException.Reason.LOGIN) {
                throw new WrongPasswordException("The user name or the password is wrong", 0);
            }
            throw new ServerProblemException(e.getMessage(), false, e);
        } catch (SchemaVersionException e) {
            throw new ServerProblemException(e.getMessage(), false, e);
        }
    }

    private static void migrate(Database database) {
        try {
            database.migrate();
        } catch (MigrationException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.CANNOT_UPDATE, e);
        }
    }

    /** Writing the tables was refused by the server: the login is not the database's owner. */
    static ServerProblemException refusedRights(ServerAddress server, TableCopy.NotOwnerException e) {
        return new ServerProblemException("The server refused to write the clinic's tables: run this as the "
                + "owner of the database " + server + " (the login that ran init, an administrator)", true, e);
    }
}
