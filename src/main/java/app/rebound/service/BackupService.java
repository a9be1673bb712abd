package app.rebound.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.slf4j.LoggerFactory;

import app.rebound.store.AtomicFile;
import app.rebound.store.Database;
import app.rebound.store.DatabaseFiles;
import app.rebound.store.DatabaseKey;
import app.rebound.store.FilePermissions;
import app.rebound.store.KeyFile;
import app.rebound.store.DatabaseInUseException;
import app.rebound.store.MigrationException;
import app.rebound.store.PatientStore;
import app.rebound.store.RecipientStore;
import app.rebound.store.StoreException;
import app.rebound.store.AuditStore;
import app.rebound.store.ForeignDatabaseException;

/**
 * Backups of the whole database as a zip, and restoring one. A backup is taken while the database is
 * open (H2's online backup), written beside the target and moved into place, so a crash never leaves
 * half a backup under the final name. A restore first opens the backup in a folder of its own; only a
 * backup that opens replaces the records, and the database it replaces is kept beside it.
 */
public final class BackupService {

    /** The one file a backup must hold: the database of a data folder. */
    public static final String DATABASE_FILE = Database.FILE_NAME + ".mv.db";

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The file is not a backup this version of Rebound can restore; nothing was changed. */
    public static final class InvalidBackupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidBackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The folder already holds records, and replacing them was not asked for; nothing was changed. */
    public static final class FolderHoldsRecordsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FolderHoldsRecordsException(Path folder) {
            super(folder + " already holds Rebound records");
        }
    }

    /**
     * A restore that happened.
     *
     * @param patients how many patients the restored records hold
     * @param replaced where the database that was in the folder before was kept, or null if there was none
     */
    public record Restored(int patients, Path replaced) {
    }

    /** A partial backup file not written to for this long was left by a backup that ended. */
    static final Duration LEFTOVER_QUIET = Duration.ofMinutes(10);

    private final Clock clock;

    public BackupService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes a backup of the open database to {@code zip} (replacing the file if it exists) and returns
     * how many patients it holds.
     */
    public int backup(Database database, Path zip) throws IOException {
        Path target = zip.toAbsolutePath().normalize();
        FilePermissions.createFolder(target.getParent());
        // a backup into this folder that was killed (power cut, the process ended) left its hidden partial
        // file, a whole copy of the records, erased patients included: gone once nothing has written to it
        // for a while (another program may be writing a backup here now)
        // (the file system's time, not the clinic's clock: it is what the file's time is written in)
        // (in the folder the backup is written into, also when the path she chose reaches it through a link:
        // her ~/Backups may be a link to a USB stick, and a killed backup left its file there all the same)
        try {
            AtomicFile.deleteLeftoversOlderThan(target.getParent().toRealPath(), LEFTOVER_QUIET, Instant.now());
        } catch (IOException e) {
            // a folder that may be written but not listed (a drop folder): the backup goes on all the same
            LoggerFactory.getLogger(BackupService.class).warn("Could not look for what a killed backup left in the "
                    + "backup's folder ({})", e.getClass().getSimpleName());
        }
        // the partial files this data folder's backups noted and a kill left, wherever they were written, at
        // once; and this one's noted until it is moved into place or deleted
        PartialBackups partials = new PartialBackups(database.folder());
        partials.removeLeftovers();
        // the patients of the copy itself: a save made while the backup runs may be in it or not
        int[] patients = new int[1];
        // the database stays encrypted in the backup; the key file beside it lets a clinician's password (as
        // it was when the backup was made) or the recovery key open it anywhere. Written through AtomicFile:
        // owner only, forced to the disk, checked, then moved into place, so no half backup has the name
        AtomicFile.write(target, out -> {
            try (ZipOutputStream zipped = new ZipOutputStream(out)) {
                zipped.putNextEntry(new ZipEntry(DATABASE_FILE));
                patients[0] = database.copyTo(zipped);
                zipped.closeEntry();
                zipped.putNextEntry(new ZipEntry(KeyFile.FILE_NAME));
                Files.copy(database.folder().resolve(KeyFile.FILE_NAME), zipped);
                zipped.closeEntry();
            }
        }, BackupService::check, partials);
        return patients[0];
    }

    /**
     * Removes what backups killed while writing (the power cut, the process killed) left in a backup folder:
     * hidden partial files that may hold a whole copy of the records, erased patients included.
     */
    public static void removeLeftovers(Path folder) throws IOException {
        AtomicFile.deleteLeftovers(folder);
        // the names of before AtomicFile wrote backups (an online copy and the zip being written)
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> left = Files.newDirectoryStream(folder, ".rebound-backup-*.part")) {
                for (Path file : left) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The key to open a backup's database with, from its key file (a password, the recovery key, the current key). */
    @FunctionalInterface
    public interface Unlock {
        Optional<DatabaseKey> keyFor(KeyFile backupKeys);
    }

    /** The backup's key file, or empty for a backup made before encryption. */
    public static Optional<KeyFile> keysOf(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(KeyFile.FILE_NAME);
            if (entry == null) {
                return Optional.empty();
            }
            Path folder = Files.createTempDirectory(zip.toAbsolutePath().getParent(), ".rebound-keys");
            try {
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, folder.resolve(KeyFile.FILE_NAME));
                }
                return Optional.of(KeyFile.readFrom(folder));
            } finally {
                DatabaseFiles.deleteTree(folder);
            }
        } catch (ZipException e) {
            throw new InvalidBackupException(zip.getFileName() + " is not a Rebound backup (not a zip file)", e);
        }
    }

    /**
     * Checks that {@code zip} looks like a backup: a zip file holding {@value #DATABASE_FILE}, and no entry
     * whose path would lead out of the folder it is restored into.
     *
     * @throws InvalidBackupException when it does not
     */
    public static void check(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new InvalidBackupException("no backup file " + zip, null);
        }
        boolean holdsDatabase = false;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!staysInside(entry.getName())) {
                    throw new InvalidBackupException(zip.getFileName() + " is refused: it holds a path that leads "
                            + "out of its folder", null);
                }
                holdsDatabase |= !entry.isDirectory() && entry.getName().equals(DATABASE_FILE);
            }
        } catch (ZipException e) {
            throw new InvalidBackupException(zip.getFileName() + " is not a Rebound backup (not a zip file)", e);
        }
        if (!holdsDatabase) {
            throw new InvalidBackupException(zip.getFileName() + " is not a Rebound backup (it holds no "
                    + DATABASE_FILE + ")", null);
        }
    }

    /**
     * Restores a backup into {@code folder} (created if missing). A folder that already holds records is
     * refused unless {@code replace}; then its database is kept beside the restored one as
     * {@code rebound.mv.db.replaced-YYYYMMDD-HHMMSS}. Log files and other files in the folder stay.
     *
     * @throws InvalidBackupException     when the file is not a backup that opens; nothing was changed
     * @throws FolderHoldsRecordsException when the folder holds records and {@code replace} is false
     * @throws RecordsUnavailableException (IN_USE) when the records in the folder are open in another program
     */
    public Restored restore(Path zip, Path folder, boolean replace, Unlock unlock) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        check(zip);
        Optional<KeyFile> backupKeys = keysOf(zip);
        if (backupKeys.isEmpty()) {
            // an unencrypted database is never opened beside a key file: it could carry code H2 would run
            throw new InvalidBackupException(zip.getFileName() + " holds no key file: it was made before Rebound "
                    + "encrypted its records, or not by Rebound, and is not restored. To use the records of a backup "
                    + "from before encryption, unzip its " + DATABASE_FILE + " into a new, empty data folder and set "
                    + "that folder up, choosing to encrypt them (init --encrypt-existing, or the first start)", null);
        }
        KeyFile keys = backupKeys.get();
        DatabaseKey key = unlock.keyFor(keys).orElseThrow(() -> new WrongPasswordException(
                "The user name or the password does not open this backup (it opens with the passwords of the day "
                        + "it was made, or the recovery key)", 0));
        if (!replace && Database.existsIn(target)) {
            throw new FolderHoldsRecordsException(target);
        }
        if (target.getParent() == null) {
            throw new IllegalArgumentException("Cannot restore into the root of a file system");
        }
        // staged inside the folder, so that moving the files into place stays on one file system (the folder
        // may be a mount point); a folder made for this restore goes again if the restore does not happen
        boolean created = !Files.isDirectory(target);
        Files.createDirectories(target);
        DatabaseFiles.deleteStartingWith(target, RESTORE_STAGING);
        Path staging = Files.createTempDirectory(target, RESTORE_STAGING);
        boolean restored = false;
        try {
            Path staged = staging.resolve(DATABASE_FILE);
            extract(zip, staged);
            if (DatabaseFiles.isPlain(staging)) {
                throw new InvalidBackupException(zip.getFileName() + " holds a database that is not encrypted, so it "
                        + "was not written by Rebound; it is not restored", null);
            }
            int patients = patientsIn(zip, staging, key, keys);
            keys.writeTo(staging);
            Path database = target.resolve(DATABASE_FILE);
            Path replaced = null;
            String stamp = LocalDateTime.now(clock).format(STAMP);
            if (Database.existsIn(target)) {
                ensureNotInUse(target, key);
                replaced = target.resolve(DATABASE_FILE + ".replaced-" + stamp);
                AtomicFile.rename(database, replaced);
            }
            Path keyFile = target.resolve(KeyFile.FILE_NAME);
            Path replacedKeys = null;
            boolean movedIn = false;
            try {
                if (Files.exists(keyFile)) {
                    replacedKeys = target.resolve(KeyFile.FILE_NAME + ".replaced-" + stamp);
                    Files.copy(keyFile, replacedKeys, StandardCopyOption.REPLACE_EXISTING);
                    FilePermissions.ownerOnly(replacedKeys);
                }
                AtomicFile.rename(staged, database);
                movedIn = true;
                AtomicFile.replace(staging.resolve(KeyFile.FILE_NAME), keyFile);
                // the trail's end marker of the replaced database does not describe the restored one
                AtomicFile.replace(staging.resolve(AuditStore.HEAD_FILE),
                        target.resolve(AuditStore.HEAD_FILE));
                // an erase of the replaced database waiting for its compaction is not the restored one's
                Files.deleteIfExists(target.resolve(Database.ERASED_MARKER));
            } catch (IOException | RuntimeException e) {
                if (replaced != null) {
                    AtomicFile.replace(replaced, database);
                } else if (movedIn) {
                    // there was no database before: the restored one goes too, it does not open with the old keys
                    Files.deleteIfExists(database);
                }
                if (replacedKeys != null) {
                    AtomicFile.replace(replacedKeys, keyFile);
                }
                throw e;
            }
            restored = true;
            return new Restored(patients, replaced);
        } finally {
            DatabaseFiles.deleteTree(staging);
            if (!restored && created) {
                try {
                    DatabaseFiles.deleteTree(target);
                } catch (IOException leftOver) {
                    // the restore's own failure is the one to report; an empty folder may stay
                }
            }
        }
    }

    /** The start of the name of the folder a restore stages the backup's files in, inside the data folder. */
    private static final String RESTORE_STAGING = ".rebound-restore";

    private static void extract(Path zip, Path to) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry(DATABASE_FILE))) {
            Files.copy(in, to);
        }
    }

    /**
     * Opens the restored database on its own (bringing it up to date) and counts its patients. The records of
     * a clinic's server know no key file's public keys (there each clinician has a login of her own): restored
     * into a folder, they take those of the backup's key file, as a set-up does, so that the rows its
     * clinicians sign from now on verify. Records that know any key keep exactly those.
     */
    private int patientsIn(Path zip, Path staging, DatabaseKey key, KeyFile keys) {
        try (Database restored = Database.openExisting(staging, key)) {
            new AuditStore(restored).anchorAtEnd();
            RecipientStore recipients = new RecipientStore(restored);
            // no trust anchor to keep: whoever wrote an entry that opens these records held their key already
            if (recipients.none()) {
                for (String recipient : keys.fingerprints().keySet()) {
                    recipients.register(keys, recipient, OffsetDateTime.now(clock));
                }
            }
            return new PatientStore(restored).count();
        } catch (ForeignDatabaseException e) {
            throw new InvalidBackupException(zip.getFileName() + " is not restored: " + e.getMessage(), e);
        } catch (MigrationException e) {
            throw new InvalidBackupException(zip.getFileName() + " cannot be restored: it comes from a newer "
                    + "Rebound, or it is damaged", e);
        } catch (StoreException e) {
            throw new InvalidBackupException(zip.getFileName() + " cannot be restored: its database does not open "
                    + "(damaged?)", e);
        }
    }

    /** The records about to be replaced must not be open in another program, which would go on writing them. */
    private static void ensureNotInUse(Path folder, DatabaseKey key) {
        try {
            Database.openExisting(folder, key).closeAsIs();
        } catch (DatabaseInUseException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.IN_USE, e);
        } catch (StoreException e) {
            // a database that does not open is what a restore is for: it is replaced (and kept aside)
        }
    }

    /** A relative path without "..", so that it cannot lead out of the folder it is extracted into. */
    static boolean staysInside(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || DRIVE.matcher(name).matches()
                || name.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
