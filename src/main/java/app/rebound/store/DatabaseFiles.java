package app.rebound.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.h2.store.fs.FileUtils;
import org.h2.tools.ChangeFileEncryption;

/** The database file itself: is it encrypted, encrypting one made before encryption, damage. */
public final class DatabaseFiles {

    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLAIN_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);
    private static final String STAGING = ".rebound-encrypting";

    private static final int FILE_CORRUPTED = 90030;
    private static final int FILE_ENCRYPTION_ERROR = 90049;
    private static final int GENERAL_ERROR = 50000;

    private DatabaseFiles() {
    }

    /** Whether the file starts as H2 writes an encrypted database. */
    public static boolean isEncrypted(Path file) {
        return startsWith(file, ENCRYPTED_HEADER);
    }

    /** Whether the folder holds a database written before encryption (readable by anyone). */
    public static boolean isPlain(Path folder) {
        return startsWith(Database.file(folder), PLAIN_HEADER);
    }

    private static boolean isPlainHeader(byte[] bytes) {
        return bytes.length >= PLAIN_HEADER.length
                && Arrays.equals(Arrays.copyOf(bytes, PLAIN_HEADER.length), PLAIN_HEADER);
    }

    private static boolean startsWith(Path file, byte[] header) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(header.length), header);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Encrypts the unencrypted database of {@code folder} with {@code key}. The work happens on a copy
     * in a folder beside it; the copy must open with the key before it replaces the original, so a
     * failure or a crash at any point leaves the original as it was.
     *
     * @throws DatabaseInUseException when another program has the database open
     */
    public static void encryptInPlace(Path folder, DatabaseKey key, BeforeReplace beforeReplace) throws IOException {
        H2Lockdown.ensureApplied();
        Path staging = folder.resolve(STAGING);
        deleteTree(staging);
        Files.createDirectories(staging);
        try {
            ensureClosed(folder);
            Files.copy(Database.file(folder), Database.file(staging), StandardCopyOption.COPY_ATTRIBUTES);
            char[] filePassword = key.filePassword();
            try {
                // block by block, without H2's SQL engine: nothing in the file is loaded or run
                ChangeFileEncryption.execute(staging.toString(), Database.FILE_NAME, "AES", null, filePassword, true);
            } catch (SQLException e) {
                throw new StoreException("Cannot encrypt the database", e);
            } finally {
                Arrays.fill(filePassword, '\0');
            }
            try (Database check = Database.openExisting(staging, key)) {
                check.dsl().fetchOne("SELECT 1");
            }
            beforeReplace.run();
            AtomicFile.replace(Database.file(staging), Database.file(folder));
            // H2 keeps no other file beside an MVStore database once it is closed; a trace file may be left
            Files.deleteIfExists(folder.resolve(Database.FILE_NAME + ".trace.db"));
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Finishes an encryption that stopped after it wrote the key file, before its encrypted copy replaced
     * the original ({@link #encryptInPlace}): when that copy is still beside the folder, in Rebound's
     * encrypted format, and opens with {@code key} (with every check of {@link Database#openExisting}), it
     * replaces the unencrypted file. Otherwise nothing is done: the unencrypted file is left as it is, for
     * the open to refuse.
     */
    public static void finishEncryption(Path folder, DatabaseKey key) throws IOException {
        Path staging = folder.resolve(STAGING);
        if (!isPlain(folder) || !Files.isRegularFile(Database.file(staging)) || !isEncrypted(Database.file(staging))) {
            return;
        }
        try (Database check = Database.openExisting(staging, key)) {
            check.dsl().fetchOne("SELECT 1");
        } catch (StoreException e) {
            return;
        }
        AtomicFile.replace(Database.file(staging), Database.file(folder));
        deleteTree(staging);
    }

    /** What must be done once the encrypted copy has opened, before it replaces the original (the key file). */
    @FunctionalInterface
    public interface BeforeReplace {
        void run() throws IOException;
    }

    /** The largest unencrypted database whose settings are read for suggestions (in memory). */
    static final long LARGEST_PLAIN_READ = 64L * 1024 * 1024;

    /**
     * A setting of an unencrypted database (read without migrating it), empty when it has none. The file is
     * read once into H2's in-memory file system and both checked and opened there: checked by its path and
     * opened again by it, a file swapped in between (anyone who can write to the folder can) would be run by
     * H2's SQL engine unchecked, triggers and all.
     */
    public static Optional<String> plainSetting(Path folder, String name) {
        if (!isPlain(folder)) {
            return Optional.empty();
        }
        H2Lockdown.ensureApplied();
        String copy = "memFS:rebound-plain-" + UUID.randomUUID();
        try {
            if (Files.size(Database.file(folder)) > LARGEST_PLAIN_READ) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(Database.file(folder));
            if (!isPlainHeader(bytes)) {
                return Optional.empty();
            }
            try (OutputStream out = FileUtils.newOutputStream(copy + ".mv.db", false)) {
                out.write(bytes);
            }
            // H2's SQL engine opens the copy below: only once nothing in it could run code
            SchemaCheck.beforeOpen(copy);
            try (Connection connection = DriverManager.getConnection("jdbc:h2:" + copy
                            + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0", "rebound", "");
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT text_value FROM setting WHERE name = ?")) {
                query.setString(1, name);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
                }
            }
        } catch (IOException | SQLException | RuntimeException e) {
            return Optional.empty();
        } finally {
            FileUtils.delete(copy + ".mv.db");
        }
    }

    private static String plainName(Path folder) {
        return folder.resolve(Database.FILE_NAME).toAbsolutePath().toString();
    }

    /**
     * The plain file must not be open in another program while its copy is made, and must hold nothing
     * that could run code (read without H2's SQL engine, which would load it).
     *
     * @throws DatabaseInUseException    when another program has it open
     * @throws ForeignDatabaseException  when it holds a trigger, an alias or the like
     */
    private static void ensureClosed(Path folder) {
        try {
            SchemaCheck.beforeOpen(plainName(folder));
        } catch (DatabaseDamagedException e) {
            // shows when the copy is opened
        }
    }

    /** Whether H2 refused the file as damaged (corrupted, truncated, undecryptable with the right key). */
    static boolean isDamage(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == FILE_CORRUPTED
                    || sql.getErrorCode() == FILE_ENCRYPTION_ERROR || sql.getErrorCode() == GENERAL_ERROR)) {
                return true;
            }
            if (t.getClass().getName().startsWith("org.h2.mvstore.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Deletes what sits in {@code folder} under a name starting with one of {@code prefixes} (the staging
     * folders an interrupted backup, compaction or restore left); nothing when the folder is not there. A
     * link is removed as a link: nothing it points to is followed, read or deleted.
     */
    public static void deleteStartingWith(Path folder, String... prefixes) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> left = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(p -> Arrays.stream(prefixes).anyMatch(p.getFileName().toString()::startsWith))
                    .forEach(left::add);
        }
        for (Path each : left) {
            deleteTree(each);
        }
    }

    /**
     * Deletes a folder and everything in it (a staging folder); nothing when it is not there. Links in it,
     * or {@code tree} itself when it is one, are removed as links, never followed: where the system offers
     * it (Linux), each folder is opened without following a link and its entries are deleted relative to
     * the open folder, so a folder swapped for a link meanwhile is not followed either.
     */
    public static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path absolute = tree.toAbsolutePath();
        try (DirectoryStream<Path> parent = Files.newDirectoryStream(absolute.getParent())) {
            if (parent instanceof SecureDirectoryStream<Path> secure) {
                deleteIn(secure, absolute.getFileName());
                return;
            }
        }
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes {@code name} in the open folder {@code folder}, a folder's entries first; a link as a link. */
    private static void deleteIn(SecureDirectoryStream<Path> folder, Path name) throws IOException {
        try {
            BasicFileAttributes attributes = folder.getFileAttributeView(name, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
            if (attributes.isDirectory()) {
                List<Path> inside = new ArrayList<>();
                // opened without following a link: one swapped in since the attributes were read is refused
                try (SecureDirectoryStream<Path> entries = folder.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                    for (Path entry : entries) {
                        inside.add(entry.getFileName());
                    }
                    for (Path each : inside) {
                        deleteIn(entries, each);
                    }
                }
                folder.deleteDirectory(name);
            } else {
                folder.deleteFile(name);
            }
        } catch (NoSuchFileException e) {
            // gone already
        }
    }
}
