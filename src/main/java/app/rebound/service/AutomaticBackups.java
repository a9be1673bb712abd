package app.rebound.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import app.rebound.domain.AuditAction;
import app.rebound.store.FilePermissions;

/**
 * The automatic backups: one when the window closes and one a day (the first time the records are
 * opened that day), into the backup folder of the settings (default: {@code backups} in the data
 * folder), keeping the newest {@value #KEEP}. Each is encrypted like the database (see
 * {@link BackupService}).
 */
public final class AutomaticBackups {

    public static final int KEEP = 14;
    public static final String DEFAULT_FOLDER = "backups";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("rebound-\\d{8}-\\d{6}(-\\d+)?\\.zip");

    private final Services services;
    private final Clock clock;

    public AutomaticBackups(Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    /** Where the backups go. */
    public Path folder() {
        return folderOf(services.database().folder(), services.settings().backupFolder());
    }

    static Path folderOf(Path dataFolder, Optional<String> chosen) {
        return chosen.map(Path::of).orElse(dataFolder.resolve(DEFAULT_FOLDER));
    }

    /** Whether no automatic backup was made today. */
    public boolean dueToday() {
        return !services.settings().lastAutomaticBackup().map(LocalDate.now(clock).toString()::equals).orElse(false);
    }

    /**
     * Removes what a backup or a file being replaced left when the program was killed while writing it (at
     * start): hidden partial files in the data folder and the backup folder, which may hold a whole copy of
     * the records, erased patients included.
     */
    public void removeLeftovers() throws IOException {
        removeLeftovers(services.database().folder(), folder());
    }

    /** As {@link #removeLeftovers()}, for a data folder and its backup folder, before the records are open. */
    public static void removeLeftovers(Path dataFolder, Path backupFolder) throws IOException {
        // and those of backups into folders she chose, wherever they are
        new PartialBackups(dataFolder).removeLeftovers();
        BackupService.removeLeftovers(dataFolder);
        BackupService.removeLeftovers(backupFolder);
    }

    /** Makes a backup now and removes the oldest beyond {@value #KEEP} and any leftovers; returns its file. */
    public Path run(String why) throws IOException {
        Path folder = folder();
        FilePermissions.createFolder(folder);
        String base = "rebound-" + LocalDateTime.now(clock).format(STAMP);
        Path file = folder.resolve(base + ".zip");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(base + "-" + n + ".zip");
        }
        new BackupService(clock).backup(services.database(), file);
        services.settings().setLastAutomaticBackup(LocalDate.now(clock).toString());
        services.audit().record(AuditAction.BACKUP, null, why);
        prune(folder);
        return file;
    }

    /** A backup the clinician asked for, to a file she chose; returns how many patients it holds. */
    public int runTo(Path file) throws IOException {
        int patients = new BackupService(clock).backup(services.database(), file);
        services.audit().record(AuditAction.BACKUP, null, "manual backup");
        return patients;
    }

    /**
     * Restores a backup over the records of a data folder that cannot be opened (damaged or missing),
     * with a clinician's password as it was when the backup was made. The damaged file is kept beside.
     *
     * @throws WrongPasswordException when the name and password do not open the backup
     */
    public static BackupService.Restored restoreOver(Path dataFolder, Path backup, String user, char[] password,
            Clock clock) throws IOException {
        try {
            return new BackupService(clock).restore(backup, dataFolder, true, keys -> keys.unwrap(user, password));
        } finally {
            ClinicAccess.wipe(password);
        }
    }

    /**
     * Whether the name and password open the backup (its key file), without changing anything.
     *
     * @throws BackupService.InvalidBackupException when the file is not a backup
     */
    public static boolean opens(Path backup, String user, char[] password) throws IOException {
        try {
            BackupService.check(backup);
            return BackupService.keysOf(backup).map(keys -> keys.unwrap(user, password).isPresent()).orElse(false);
        } finally {
            ClinicAccess.wipe(password);
        }
    }

    /** The automatic backups in the folder, newest first. */
    public static List<Path> newestFirst(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (NAME.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                    found.add(file);
                }
            }
        }
        found.sort((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()));
        return found;
    }

    /** The newest automatic backup of a data folder, in its default backup folder. */
    public static Optional<Path> latestIn(Path dataFolder) throws IOException {
        return newestFirst(dataFolder.resolve(DEFAULT_FOLDER)).stream().findFirst();
    }

    private static void prune(Path folder) throws IOException {
        BackupService.removeLeftovers(folder);
        List<Path> all = newestFirst(folder);
        for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }
}
