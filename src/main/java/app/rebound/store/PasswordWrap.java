package app.rebound.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A secret wrapped under a password, as the key file's entries and a clinician's signing key on a server
 * keep it: PBKDF2-HMAC-SHA256 ({@link PasswordKdf}) with a random salt, then AES-256-GCM ({@link SealedKey})
 * whose associated data begins with who the entry is for and every parameter of the KDF ({@link #aad}), so
 * that none of them (the iterations above all) can be changed without the entry failing to open.
 */
final class PasswordWrap {

    static final int SALT_BYTES = 16;

    /** The KDF's parameters of one entry. */
    record Kdf(String name, int iterations, byte[] salt) {

        /** New parameters: Rebound's KDF, the floor's iterations, a new salt. */
        static Kdf fresh() {
            return new Kdf(PasswordKdf.NAME, PasswordKdf.floor(), SealedKey.random(SALT_BYTES));
        }

        /** Whether Rebound accepts these for a password: its KDF, between the floor and the ceiling. */
        boolean acceptable() {
            return PasswordKdf.NAME.equals(name) && iterations >= PasswordKdf.floor()
                    && iterations <= PasswordKdf.CEILING;
        }

        /** The wrapping key for {@code password}; refused below the floor or above the ceiling. */
        byte[] key(char[] password) {
            return PasswordKdf.derive(password, salt, iterations);
        }
    }

    private PasswordWrap() {
    }

    /**
     * The start of an entry's associated data: {@code purpose}, who, and every parameter of the KDF (the
     * caller appends what else the entry binds, such as its public key).
     */
    static String aad(String purpose, String who, Kdf kdf) {
        return purpose + ":" + who + "|kdf=" + kdf.name() + "|iterations=" + kdf.iterations() + "|salt="
                + Base64.getEncoder().encodeToString(kdf.salt());
    }

    static byte[] bytes(String aad) {
        return aad.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code secret} wrapped under {@code password} with {@code kdf}. */
    static SealedKey.Wrapped wrap(char[] password, Kdf kdf, byte[] secret, byte[] aad) {
        byte[] kek = kdf.key(password);
        try {
            return SealedKey.wrap(kek, secret, aad);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The secret, if {@code password} opens {@code wrapped}; empty for another password or a changed entry. */
    static Optional<byte[]> unwrap(char[] password, Kdf kdf, SealedKey.Wrapped wrapped, byte[] aad) {
        byte[] kek = kdf.key(password);
        try {
            return SealedKey.unwrap(kek, wrapped, aad);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }
}
