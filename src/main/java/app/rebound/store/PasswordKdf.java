package app.rebound.store;

import java.security.GeneralSecurityException;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password turned into a 256-bit wrapping key: PBKDF2-HMAC-SHA256 with a per-entry salt. The count
 * of iterations is never below {@link #FLOOR} (OWASP 2023's minimum) in a running clinic: a key file
 * whose entry asks for fewer is refused, and new entries get {@link #FLOOR}. The count an entry was
 * made with is bound into its AES-GCM associated data ({@link KeyFile}), so it cannot be lowered
 * either without the entry failing to open.
 *
 * <p>Tests set up hundreds of clinics; they lower the floor through {@link #lowerFloorForTests}, an
 * explicit call in code. Nothing in a key file can reach it.
 */
public final class PasswordKdf {

    /** The algorithm's name, as the key file records it. */
    public static final String NAME = "PBKDF2WithHmacSHA256";

    /** PBKDF2-HMAC-SHA256 iterations for a password (OWASP 2023: at least 600,000). */
    public static final int FLOOR = 600_000;

    /**
     * The most iterations an entry may ask for: ten times OWASP's count, a few seconds here. More is not
     * safety but a stall: a key file asking for two billion would hang every sign-in for hours.
     */
    public static final int CEILING = 10 * FLOOR;

    private static volatile int floor = FLOOR;

    private PasswordKdf() {
    }

    /** The fewest iterations an entry may have, and the count new entries get. */
    public static int floor() {
        return floor;
    }

    /**
     * The test seam: lets this process use (and accept) {@code iterations} instead of {@link #FLOOR}, so
     * that tests set up many clinics quickly. Production code never calls it; a key file cannot.
     */
    public static void lowerFloorForTests(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("at least one iteration");
        }
        floor = Math.min(iterations, FLOOR);
    }

    /** The wrapping key for {@code password}; refused below the floor. */
    static byte[] derive(char[] password, byte[] salt, int iterations) {
        if (iterations > CEILING) {
            throw new KeyFile.RefusedKeyFileException("the key file asks for " + iterations + " iterations; Rebound "
                    + "allows at most " + CEILING);
        }
        if (iterations < floor) {
            throw new KeyFile.RefusedKeyFileException("the key file asks for " + iterations
                    + " PBKDF2 iterations, fewer than the " + floor + " Rebound requires");
        }
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(NAME).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2-HMAC-SHA256 is missing from this Java", e);
        } finally {
            spec.clearPassword();
        }
    }
}
