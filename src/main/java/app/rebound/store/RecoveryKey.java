package app.rebound.store;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The clinic's recovery key: 160 random bits shown once at set-up as eight groups of four letters and
 * digits (Crockford's base 32: no I, L, O or U, so nothing is misread), e.g.
 * {@code 7KQ2-M9XD-...}. It unwraps the database key when every password is lost. Being random, it
 * needs no slow derivation: its wrapping key is an HMAC of it with the entry's salt.
 */
public final class RecoveryKey {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private RecoveryKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static RecoveryKey random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new RecoveryKey(bytes);
    }

    /**
     * Reads a recovery key as typed: case, spaces and dashes do not matter, and O, I and L are read as
     * 0, 1 and 1. Empty when it is not 32 such characters.
     */
    public static Optional<RecoveryKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder symbols = new StringBuilder();
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            symbols.append(read);
        }
        if (symbols.length() != BYTES * 8 / 5) {
            return Optional.empty();
        }
        byte[] bytes = new byte[BYTES];
        long buffer = 0;
        int bits = 0;
        int at = 0;
        for (int i = 0; i < symbols.length(); i++) {
            buffer = (buffer << 5) | ALPHABET.indexOf(symbols.charAt(i));
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                bytes[at++] = (byte) (buffer >> bits);
            }
        }
        return Optional.of(new RecoveryKey(bytes));
    }

    /** The key as shown to the clinician: eight groups of four, joined by dashes. */
    public String text() {
        StringBuilder out = new StringBuilder();
        long buffer = 0;
        int bits = 0;
        int symbols = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                if (symbols > 0 && symbols % 4 == 0) {
                    out.append('-');
                }
                out.append(ALPHABET.charAt((int) ((buffer >> bits) & 31)));
                symbols++;
            }
        }
        return out.toString();
    }

    byte[] wrappingKey(byte[] salt) {
        return KeyFile.hmac(salt, concat("rebound-recovery-v1".getBytes(StandardCharsets.UTF_8), bytes));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "RecoveryKey[not shown]";
    }
}
