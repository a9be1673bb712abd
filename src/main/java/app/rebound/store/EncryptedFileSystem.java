package app.rebound.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.h2.store.fs.FileUtils;
import org.h2.store.fs.encrypt.FilePathEncrypt;

/**
 * An H2 file system ({@code rebound-aes:ID:/path}) whose files are in H2's encrypted format, written
 * with the JDK's AES ({@link EncryptedFile}). The database opens through it instead of with
 * {@code CIPHER=AES}; the bytes on disk are the same, so files written either way open the other way.
 *
 * <p>{@code ID} names a key held in this process only: it is a hash of the key, so the same key and
 * folder always give the same URL (H2 then shares one open database, as it did by name before), and
 * nothing secret is in a URL, a file name or a message. The key is held only while a {@link Registration}
 * for it is open (the database that uses it is open), then its bytes are wiped: code that runs in the
 * process later finds no key here.
 */
public final class EncryptedFileSystem extends FilePathWrapper {

    static final String SCHEME = "rebound-aes";
    /** The key material of each open registration, by id, with how many registrations hold it. Guarded by itself. */
    private static final Map<String, Held> KEYS = new HashMap<>();

    private static final class Held {
        final byte[] material;
        int registrations = 1;

        Held(byte[] material) {
            this.material = material;
        }
    }

    /**
     * A key registered for the files of one database name, held until {@link #close}: the name to give H2
     * ({@link #name()}, without {@code .mv.db}). Closed once whatever opened files through it is closed.
     */
    static final class Registration implements AutoCloseable {
        private final String id;
        private final String name;
        private boolean closed;

        private Registration(String id, String name) {
            this.id = id;
            this.name = name;
        }

        /** The H2 name of the database in this file system. */
        String name() {
            return name;
        }

        @Override
        public void close() {
            synchronized (KEYS) {
                if (closed) {
                    return;
                }
                closed = true;
                Held held = KEYS.get(id);
                if (held != null && --held.registrations == 0) {
                    KEYS.remove(id);
                    Arrays.fill(held.material, (byte) 0);
                }
            }
        }
    }

    static {
        FilePath.register(new EncryptedFileSystem());
    }

    /** H2 makes the instances it wraps files with by reflection. */
    public EncryptedFileSystem() {
    }

    /**
     * Registers {@code key}'s material for {@code base} (a database name, without {@code .mv.db}) until the
     * registration is closed; its {@link Registration#name() name} is the one to give H2.
     */
    static Registration register(Path base, DatabaseKey key) {
        char[] filePassword = key.filePassword();
        byte[] material;
        try {
            material = keyMaterial(filePassword);
        } finally {
            Arrays.fill(filePassword, '\0');
        }
        String id = idOf(material);
        synchronized (KEYS) {
            Held held = KEYS.get(id);
            if (held == null) {
                KEYS.put(id, new Held(material));
            } else {
                held.registrations++;
                Arrays.fill(material, (byte) 0);
            }
        }
        return new Registration(id, SCHEME + ":" + id + ":" + base.toAbsolutePath());
    }

    /** Whether {@code key}'s material is held (for tests: not once every database with it is closed). */
    static boolean holds(DatabaseKey key) {
        char[] filePassword = key.filePassword();
        byte[] material = keyMaterial(filePassword);
        Arrays.fill(filePassword, '\0');
        String id = idOf(material);
        Arrays.fill(material, (byte) 0);
        synchronized (KEYS) {
            return KEYS.containsKey(id);
        }
    }

    /**
     * The bytes H2's {@code CIPHER=AES} derives the file key from, for a file password: H2 takes the
     * password's UTF-16 bytes, its MVStore turns each byte pair back into one char keeping only the low
     * byte, and its file layer takes that char array's UTF-16 bytes. The passwords here are hex digits,
     * so every char survives whole.
     */
    static byte[] keyMaterial(char[] filePassword) {
        char[] lowBytes = new char[filePassword.length];
        for (int i = 0; i < filePassword.length; i++) {
            lowBytes[i] = (char) (filePassword[i] & 0xFF);
        }
        try {
            return FilePathEncrypt.getPasswordBytes(lowBytes);
        } finally {
            Arrays.fill(lowBytes, '\0');
        }
    }

    private static String idOf(byte[] material) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("rebound file key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(material), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256", e);
        }
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    protected String getPrefix() {
        return SCHEME + ":" + id(name) + ":";
    }

    @Override
    public FilePath unwrap(String fileName) {
        return FilePath.get(fileName.substring(prefixLength(fileName)));
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        // EncryptedFile keeps a copy until it has derived its AES key from it, then wipes that copy
        byte[] material;
        synchronized (KEYS) {
            Held held = KEYS.get(id(name));
            if (held == null) {
                throw new IOException("No key is registered for " + name);
            }
            material = held.material.clone();
        }
        try {
            return new EncryptedFile(name, material, FileUtils.open(getBase().toString(), mode));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    @Override
    public long size() {
        return EncryptedFile.logicalSize(getBase().size());
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        return newFileChannelOutputStream(open("rw"), append);
    }

    @Override
    public InputStream newInputStream() throws IOException {
        return Channels.newInputStream(open("r"));
    }

    private static String id(String fileName) {
        int start = SCHEME.length() + 1;
        return fileName.substring(start, prefixLength(fileName) - 1);
    }

    private static int prefixLength(String fileName) {
        if (!fileName.startsWith(SCHEME + ":")) {
            throw new IllegalArgumentException("Not a " + SCHEME + " file name: " + fileName);
        }
        int idEnd = fileName.indexOf(':', SCHEME.length() + 1);
        if (idEnd < 0) {
            throw new IllegalArgumentException("No key id in " + fileName);
        }
        return idEnd + 1;
    }
}
