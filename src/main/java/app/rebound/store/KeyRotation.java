package app.rebound.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;

/**
 * Rotating the database key: the database file re-encrypted under a new key, safely. The steps, each
 * of which a crash may interrupt:
 * <ol>
 * <li>the key file gets the new key sealed beside the old one for everyone who remains
 * ({@link KeyFile#rotatingTo}); the removed clinician's entry is gone;</li>
 * <li>a copy of the (closed) database is written under the new key in {@value #STAGING}, then read
 * back and compared, and opened by H2;</li>
 * <li>the copy is moved over the database in one atomic rename;</li>
 * <li>the key file keeps only the new key ({@link KeyFile#rotated}).</li>
 * </ol>
 * At any point the folder holds one whole database that opens with a key the key file gives: the old
 * one until step 3, the new one after. A rotation the key file still records is finished by
 * {@link #finish} at the next sign-in, whoever signs in.
 */
public final class KeyRotation {

    /** The folder the re-encrypted copy is made in, beside the database. */
    static final String STAGING = ".rebound-rekeying";

    private static final int CHUNK = 1 << 20;
    private static final byte[] STORE_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNK_MARK = "chunk:".getBytes(StandardCharsets.US_ASCII);

    /** Where a test stops a rotation, as a crash would. */
    interface Interruption {
        Interruption NONE = step -> { };

        void reached(String step) throws IOException;
    }

    private KeyRotation() {
    }

    /**
     * Which of {@code candidates} the database file of {@code folder} is encrypted with, found without
     * opening it in H2 by decrypting what H2 writes in plain text inside the encryption: its two store
     * headers (blocks 0 and 1, starting {@code H:2,}), the header of its first chunk (block 2) and the
     * footer in its last block (both {@code chunk:...}). One of them left whole, the key is told even in a
     * damaged file; a wrong key gives noise in all of them.
     */
    public static Optional<DatabaseKey> keyOf(Path folder, DatabaseKey... candidates) {
        for (DatabaseKey candidate : candidates) {
            try (EncryptedFile file = encrypted(Database.file(folder), candidate, StandardOpenOption.READ)) {
                long size = file.size();
                int sector = XtsSectors.SECTOR;
                for (long block = 0; block < 3; block++) {
                    byte[] start = new byte[CHUNK_MARK.length];
                    long at = block * sector;
                    byte[] expected = block < 2 ? STORE_HEADER : CHUNK_MARK;
                    if (size >= at + start.length && file.read(ByteBuffer.wrap(start), at) == start.length
                            && Arrays.equals(start, 0, expected.length, expected, 0, expected.length)) {
                        return Optional.of(candidate);
                    }
                }
                if (size >= 2L * sector) {
                    byte[] last = new byte[sector];
                    long at = (size - 1) / sector * sector;
                    ByteBuffer tail = ByteBuffer.wrap(last, 0, (int) (size - at));
                    while (tail.hasRemaining() && file.read(tail, at + tail.position()) > 0) {
                        // read to the end of the file
                    }
                    if (new String(last, StandardCharsets.ISO_8859_1).contains("chunk:")) {
                        return Optional.of(candidate);
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code key} is not the one the database file of {@code folder} is encrypted with, while the
     * file's encryption header is whole ({@code H2encrypt}, its salt, zeros) and it holds the store's
     * headers: a key file that does not belong to these records, e.g. a copy kept from before a clinician
     * was removed. A damaged header (no key can read the file then) is damage, not this.
     */
    public static boolean isOtherKey(Path folder, DatabaseKey key) {
        Path file = Database.file(folder);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) < 3L * XtsSectors.SECTOR) {
                return false;
            }
            byte[] header = new byte[XtsSectors.SECTOR];
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.wrap(header);
                while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
                    // the whole first block
                }
            }
            byte[] magic = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
            if (!Arrays.equals(header, 0, magic.length, magic, 0, magic.length)) {
                return false;
            }
            for (int i = magic.length + 8; i < header.length; i++) {
                if (header[i] != 0) {
                    return false;
                }
            }
            return keyOf(folder, key).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Finishes the rotation {@code keys} records: re-encrypts the database under {@code next} unless it
     * already is, then writes the key file with {@code next} alone. The database must be closed.
     *
     * @return {@code next}, the key the database is now encrypted with
     * @throws DatabaseDamagedException when the database opens with neither key
     */
    public static DatabaseKey finish(Path folder, KeyFile keys, DatabaseKey current, DatabaseKey next)
            throws IOException {
        return finish(folder, keys, current, next, Interruption.NONE);
    }

    static DatabaseKey finish(Path folder, KeyFile keys, DatabaseKey current, DatabaseKey next,
            Interruption interruption) throws IOException {
        Optional<DatabaseKey> in = keyOf(folder, next, current);
        if (in.isEmpty()) {
            throw new DatabaseDamagedException(new StoreException("The database opens with neither the key nor the "
                    + "next one of the key file", null));
        }
        if (in.get().equals(current)) {
            reencrypt(folder, current, next, interruption);
        }
        keys.rotated().writeTo(folder);
        interruption.reached("key file rotated");
        DatabaseFiles.deleteTree(folder.resolve(STAGING));
        return next;
    }

    /**
     * Settles, at a sign-in, a rotation {@code keys} records: when the database is already under
     * {@code next} (the swap was done, only the key file's last step is missing) the key file keeps
     * {@code next} alone; when it is still under {@code current}, the rotation is given up and the key file
     * keeps {@code current} alone. A sign-in never re-encrypts the database: the next key in a key file is
     * not authenticated (it is sealed to public keys anyone can read there), so re-encrypting under it
     * would hand the records to whoever wrote it. Only an administrator's removal, holding the key it made
     * itself, re-encrypts ({@link Database#rekey}).
     *
     * @return the key the database is encrypted with
     * @throws DatabaseDamagedException when the database opens with neither key
     */
    public static Settled settleAtSignIn(Path folder, KeyFile keys, DatabaseKey current, DatabaseKey next)
            throws IOException {
        Optional<DatabaseKey> in = keyOf(folder, next, current);
        if (in.isEmpty()) {
            throw new DatabaseDamagedException(new StoreException("The database opens with neither the key nor the "
                    + "next one of the key file", null));
        }
        boolean finished = in.get().equals(next);
        (finished ? keys.rotated() : keys.abandoned()).writeTo(folder);
        DatabaseFiles.deleteTree(folder.resolve(STAGING));
        return new Settled(in.get(), finished);
    }

    /** What a sign-in found of an interrupted rotation: the key the database is in, and whether it was done. */
    public record Settled(DatabaseKey key, boolean finished) {
    }

    /** Re-encrypts the closed database of {@code folder} from {@code from} to {@code to}: copy, check, swap. */
    static void reencrypt(Path folder, DatabaseKey from, DatabaseKey to, Interruption interruption)
            throws IOException {
        Path staging = folder.resolve(STAGING);
        DatabaseFiles.deleteTree(staging);
        FilePermissions.createFolder(staging);
        Path copy = Database.file(staging);
        byte[] written = copy(Database.file(folder), from, copy, to);
        interruption.reached("copied");
        if (!MessageDigest.isEqual(written, digest(copy, to))) {
            throw new StoreException("The re-encrypted copy of the database does not read back the same; the "
                    + "database stays as it was", null);
        }
        check(staging, to);
        interruption.reached("checked");
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        // in one step, then the folder forced: a power cut leaves the old file or the new one
        AtomicFile.replace(copy, Database.file(folder));
        interruption.reached("swapped");
    }

    /** Copies the logical contents of {@code source} (under {@code from}) to a new {@code target} (under {@code to}). */
    private static byte[] copy(Path source, DatabaseKey from, Path target, DatabaseKey to) throws IOException {
        MessageDigest sha = sha256();
        try (EncryptedFile in = encrypted(source, from, StandardOpenOption.READ);
                EncryptedFile out = encrypted(target, to, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
            long size = in.size();
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            for (long at = 0; at < size; ) {
                buffer.clear().limit((int) Math.min(CHUNK, size - at));
                while (buffer.hasRemaining()) {
                    if (in.read(buffer, at + buffer.position()) < 0) {
                        throw new IOException("The database file ended early while it was copied");
                    }
                }
                buffer.flip();
                sha.update(buffer.duplicate());
                while (buffer.hasRemaining()) {
                    buffer.position(buffer.position() + out.write(buffer.slice(), at + buffer.position()));
                }
                at += buffer.limit();
            }
        }
        return sha.digest();
    }

    private static byte[] digest(Path file, DatabaseKey key) throws IOException {
        MessageDigest sha = sha256();
        try (EncryptedFile in = encrypted(file, key, StandardOpenOption.READ)) {
            long size = in.size();
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            for (long at = 0; at < size; ) {
                buffer.clear().limit((int) Math.min(CHUNK, size - at));
                int read = in.read(buffer, at);
                if (read < 0) {
                    throw new IOException("The copy ended early while it was read back");
                }
                buffer.flip();
                sha.update(buffer);
                at += read;
            }
        }
        return sha.digest();
    }

    /** Opens the copy in H2 with the new key and reads from it, as the records will be read. */
    private static void check(Path staging, DatabaseKey key) throws IOException {
        try (EncryptedFileSystem.Registration copy = EncryptedFileSystem.register(staging.resolve(Database.FILE_NAME), key);
                Connection connection = DriverManager.getConnection("jdbc:h2:" + copy.name()
                        + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0;ACCESS_MODE_DATA=r", "rebound", "");
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM clinician").close();
            statement.executeQuery("SELECT COUNT(*) FROM patient").close();
        } catch (SQLException e) {
            throw new StoreException("The re-encrypted copy of the database does not open; the database stays as "
                    + "it was", e);
        }
    }

    private static EncryptedFile encrypted(Path file, DatabaseKey key, StandardOpenOption... options)
            throws IOException {
        char[] password = key.filePassword();
        try {
            byte[] material = EncryptedFileSystem.keyMaterial(password);
            return new EncryptedFile(file.getFileName().toString(), material, FileChannel.open(file, options));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
