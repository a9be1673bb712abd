package app.rebound.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in XTS mode over whole 4 KiB sectors, as H2's encrypted file format lays it out: the tweak of
 * sector {@code n} is AES of {@code n} (16 bytes, little-endian), multiplied by x in GF(2^128) for
 * each following 16-byte block; tweak and data share the one 128-bit key. The AES itself is the JDK's,
 * which runs on the processor's AES instructions: H2's own pure-Java AES was most of the CPU time of a
 * large import. The output is byte for byte what H2's {@code CIPHER=AES} writes ({@code
 * EncryptedFileCompatibilityTest}).
 *
 * <p>One instance per open file; its methods are synchronized because a {@link Cipher} is not safe to
 * share between threads.
 */
final class XtsSectors {

    static final int SECTOR = 4096;
    private static final int AES_BLOCK = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final Cipher encrypt;
    private final Cipher decrypt;
    private final byte[] tweaks = new byte[SECTOR];
    private final byte[] work = new byte[SECTOR];
    // AES's output goes to an array of its own: given the same array for both, the JDK's cipher copies
    // its input first, 4 KiB of garbage per sector (2.4 GB in an import of 10,000 patients)
    private final byte[] done = new byte[SECTOR];
    private final byte[] tweak = new byte[AES_BLOCK];

    XtsSectors(byte[] key128) {
        try {
            SecretKeySpec key = new SecretKeySpec(key128, "AES");
            encrypt = Cipher.getInstance("AES/ECB/NoPadding");
            encrypt.init(Cipher.ENCRYPT_MODE, key);
            decrypt = Cipher.getInstance("AES/ECB/NoPadding");
            decrypt.init(Cipher.DECRYPT_MODE, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime has no AES", e);
        }
    }

    /** Encrypts one sector in place: {@code data[offset, offset + 4096)}. */
    synchronized void encrypt(long sector, byte[] data, int offset) {
        run(encrypt, sector, data, offset);
    }

    /** Decrypts one sector in place. */
    synchronized void decrypt(long sector, byte[] data, int offset) {
        run(decrypt, sector, data, offset);
    }

    private void run(Cipher cipher, long sector, byte[] data, int offset) {
        fillTweaks(sector);
        for (int i = 0; i < SECTOR; i += Long.BYTES) {
            LONGS.set(work, i, (long) LONGS.get(data, offset + i) ^ (long) LONGS.get(tweaks, i));
        }
        try {
            if (cipher.update(work, 0, SECTOR, done, 0) != SECTOR) {
                throw new IllegalStateException("AES/ECB returned a short sector");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed on a whole sector", e);
        }
        for (int i = 0; i < SECTOR; i += Long.BYTES) {
            LONGS.set(data, offset + i, (long) LONGS.get(done, i) ^ (long) LONGS.get(tweaks, i));
        }
    }

    /** The 256 tweaks of a sector, one per 16-byte block. */
    private void fillTweaks(long sector) {
        LONGS.set(tweak, 0, sector);
        LONGS.set(tweak, 8, 0L);
        try {
            encrypt.update(tweak, 0, AES_BLOCK, tweaks, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed on a tweak", e);
        }
        long low = (long) LONGS.get(tweaks, 0);
        long high = (long) LONGS.get(tweaks, 8);
        for (int i = AES_BLOCK; i < SECTOR; i += AES_BLOCK) {
            // times x in GF(2^128), little-endian, reduced by x^128 + x^7 + x^2 + x + 1
            long carry = high >>> 63;
            high = (high << 1) | (low >>> 63);
            low = (low << 1) ^ (carry * 0x87L);
            LONGS.set(tweaks, i, low);
            LONGS.set(tweaks, i + 8, high);
        }
    }
}
