package app.rebound.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;


/**
 * The random key the clinic's database is encrypted with (H2 {@code CIPHER=AES}). It is made once,
 * when the clinic is set up, and never stored in the clear: each clinician's password and the
 * recovery key unwrap it from the key file ({@link KeyFile}). Its text form is never logged.
 */
public final class DatabaseKey {

    /** 256 bits. */
    public static final int LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private DatabaseKey(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a database key has " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    public static DatabaseKey random() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new DatabaseKey(bytes);
    }

    public static DatabaseKey of(byte[] bytes) {
        return new DatabaseKey(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** The file password H2 derives its AES key from. */
    char[] filePassword() {
        return HexFormat.of().formatHex(bytes).toCharArray();
    }

    /**
     * A key for one purpose, derived from this one (HMAC-SHA256 of the purpose's name), e.g. the audit
     * trail's HMAC key: knowing it reveals nothing of the database key.
     */
    public byte[] derive(String purpose) {
        return KeyFile.hmac(bytes, purpose.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseKey key && MessageDigest.isEqual(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseKey[not shown]";
    }
}
