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
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * nothing secret is in a URL, a file name or a message.
 */
public final class EncryptedFileSystem extends FilePathWrapper {

    static final String SCHEME = "rebound-aes";
    private static final Map<String, byte[]> KEYS = new ConcurrentHashMap<>();

    static {
        FilePath.register(new EncryptedFileSystem());
    }

    /** H2 makes the instances it wraps files with by reflection. */
    public EncryptedFileSystem() {
    }

    /**
     * The H2 name of {@code base} (a database name, without {@code .mv.db}) in this file system, with
     * {@code key}'s material registered for it.
     */
    static String name(Path base, DatabaseKey key) {
        byte[] material = keyMaterial(key.filePassword());
        String id = idOf(material);
        KEYS.putIfAbsent(id, material);
        return SCHEME + ":" + id + ":" + base.toAbsolutePath();
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
        return FilePathEncrypt.getPasswordBytes(lowBytes);
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
        byte[] material = KEYS.get(id(name));
        if (material == null) {
            throw new IOException("No key is registered for " + name);
        }
        return new EncryptedFile(name, material, FileUtils.open(getBase().toString(), mode));
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
