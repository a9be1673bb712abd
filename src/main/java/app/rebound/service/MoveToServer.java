package app.rebound.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;

import app.rebound.domain.AuditAction;
import app.rebound.store.AuditStore;
import app.rebound.store.KeyFile;
import app.rebound.store.TableCopy;

/**
 * Moves a clinic from the embedded records of a data folder onto its PostgreSQL server: everything the
 * database holds (patients, visits and their drafts and amendments, programmes with their reasons, the
 * clinic's exercises and photos, settings, progress summaries: every table but the trail and the key
 * file's keys, see {@link TableCopy#LEFT_BY_MOVE}) in one transaction on the server, which must be set up
 * with {@code init} and hold no records yet. The data folder's audit trail is checked first and archived
 * beside the records, as a backup of the data folder at the moment of the move (a logical copy of every table) (it opens with the passwords
 * of that day, and {@code audit --verify} checks it once restored into a folder of its own); the server's
 * trail records the move and the archive's SHA-256. The data folder's database stays where it is.
 */
public final class MoveToServer {

    /** The archive's name: {@value #ARCHIVE_PREFIX}DATE-TIME.zip in the data folder. */
    public static final String ARCHIVE_PREFIX = "rebound-audit-archive-";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The data folder's audit trail does not check; nothing was moved. */
    public static final class TrailBrokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TrailBrokenException(String problem) {
            super("The audit trail of the data folder does not check (" + problem + "); nothing was moved");
        }
    }

    /** The server holds records beyond what init writes; nothing was moved. */
    public static final class ServerNotEmptyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ServerNotEmptyException(String server, List<String> tables) {
            super("The database " + server + " already holds records (" + String.join(", ", tables) + "); the records "
                    + "of a data folder move only onto a server set up with init and holding no records yet");
        }
    }

    /**
     * A move done: the rows of each table copied (numbers only), the archive of the data folder's trail,
     * and the clinicians who got a login on the server without a password.
     */
    public record Moved(SortedMap<String, Long> rows, Path archive, List<String> loginsWithoutPassword) {

        public long patients() {
            return rows.getOrDefault("patient", 0L);
        }
    }

    private final Clock clock;

    public MoveToServer(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param folder the data folder's services, an administrator signed in
     * @param server the server's services, an administrator (the database's owner) signed in
     * @throws NotAllowedException      unless both are administrators
     * @throws TrailBrokenException     when the data folder's trail does not check
     * @throws ServerNotEmptyException  when the server holds records
     */
    public Moved move(Services folder, Services server) throws IOException {
        folder.session().requireAdministrator();
        server.session().requireAdministrator();
        if (folder.database().onServer() || !server.database().onServer()) {
            throw new IllegalArgumentException("a move goes from a data folder onto a server");
        }
        String address = server.database().server().orElseThrow().toString();
        folder.audit().record(AuditAction.EXPORT, null, "records moved to the clinic's server " + address);
        AuditStore.Verification trail = folder.audit().verify();
        if (!trail.intact()) {
            throw new TrailBrokenException(trail.problem());
        }
        Path archive = folder.database().folder().resolve(ARCHIVE_PREFIX
                + LocalDateTime.now(clock).format(STAMP) + ".zip");
        // a logical copy read at one moment, under the folder's own key and key file: it opens as the folder did
        long archived = ServerBackupService.logicalBackup(folder.database(), folder.database().key(),
                KeyFile.readFrom(folder.database().folder()), archive).getOrDefault("patient", 0L);
        boolean moved = false;
        try {
            String detail = "records of a data folder moved here by command: " + archived + " patients; its audit "
                    + "trail (" + trail.rows() + " rows, intact) archived as " + archive.getFileName() + " (SHA-256 "
                    + sha256(archive) + ")";
            TableCopy.Copied copied;
            try {
                copied = TableCopy.move(folder.database(), server.database(),
                        server.audit().recordWith(AuditAction.IMPORT, null, detail));
            } catch (TableCopy.TargetNotEmptyException e) {
                throw new ServerNotEmptyException(address, e.tables());
            } catch (TableCopy.NotOwnerException e) {
                throw ServerBackupService.refusedRights(server.database().server().get(), e);
            }
            moved = true;
            return new Moved(copied.rows(), archive, copied.loginsWithoutPassword());
        } finally {
            if (!moved) {
                // nothing moved: the archive of a move that did not happen goes again
                Files.deleteIfExists(archive);
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[65536];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, read);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
