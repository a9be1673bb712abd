package app.rebound.bench;

import java.security.spec.KeySpec;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import app.rebound.store.KeyFile;

/**
 * The key derivation of a sign-in, alone in a fresh JVM: one PBKDF2-HMAC-SHA256 of a password with
 * the key file's iteration count, as cold as a sign-in runs it. Prints "derived: N ms" (the
 * derivation itself, from the first use of the JDK's PBKDF2). The baseline of the installed
 * launcher's signed-in start is a bare window plus this.
 */
public final class KeyDerivation {

    private KeyDerivation() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        KeySpec spec = new PBEKeySpec(BenchClinic.PASSWORD.toCharArray(), new byte[16], KeyFile.ITERATIONS, 256);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("derived: " + ms + " ms (" + key.length + " bytes)");
    }
}
