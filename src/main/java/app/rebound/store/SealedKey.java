package app.rebound.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key wrapping of the key file, with the JDK's own algorithms and nothing of H2's, so that a
 * PostgreSQL mode can use it as it is:
 * <ul>
 * <li>{@link #wrap}/{@link #unwrap}: AES-256-GCM under a symmetric key (a password's or the recovery
 * key's), with associated data;</li>
 * <li>{@link #seal}/{@link #open}: a secret sealed to an X25519 public key: a fresh ephemeral key
 * pair, X25519 agreement, HKDF-SHA256 (salt: both public keys) to an AES-256-GCM key. Anyone holding
 * the database key can seal a new one to every clinician's public key without her password; only
 * her private key (wrapped under her password) opens it.</li>
 * </ul>
 */
final class SealedKey {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** AES-GCM output: nonce and ciphertext with its tag. */
    record Wrapped(byte[] nonce, byte[] bytes) {
    }

    /** A secret sealed to a public key: the sender's ephemeral public key, nonce, ciphertext with tag. */
    record Sealed(byte[] ephemeral, byte[] nonce, byte[] bytes) {
    }

    private SealedKey() {
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
            generator.initialize(NamedParameterSpec.X25519);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is missing from this Java", e);
        }
    }

    static PublicKey publicKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance("XDH").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFile.DamagedKeyFileException("the key file is damaged (a public key)", e);
        }
    }

    static PrivateKey privateKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance("XDH").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFile.DamagedKeyFileException("the key file is damaged (a private key)", e);
        }
    }

    /** The SHA-256 of a public key's encoding, in hex: what the encrypted database keeps to trust it by. */
    static String fingerprint(byte[] encodedPublicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encodedPublicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    static Wrapped wrap(byte[] key, byte[] secret, byte[] aad) {
        byte[] nonce = random(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return new Wrapped(nonce, cipher.doFinal(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java", e);
        }
    }

    /** The secret, or empty when the key or the associated data is not the one it was wrapped with. */
    static Optional<byte[]> unwrap(byte[] key, Wrapped wrapped, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, wrapped.nonce()));
            cipher.updateAAD(aad);
            return Optional.of(cipher.doFinal(wrapped.bytes()));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFile.DamagedKeyFileException("the key file is damaged", e);
        }
    }

    static Sealed seal(byte[] secret, byte[] recipientPublic, byte[] aad) {
        KeyPair ephemeral = newKeyPair();
        byte[] ephemeralPublic = ephemeral.getPublic().getEncoded();
        byte[] key = agreedKey(ephemeral.getPrivate(), publicKey(recipientPublic), ephemeralPublic, recipientPublic);
        try {
            Wrapped wrapped = wrap(key, secret, aad);
            return new Sealed(ephemeralPublic, wrapped.nonce(), wrapped.bytes());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The secret, or empty when {@code recipient} is not the key it was sealed to (or it was changed). */
    static Optional<byte[]> open(Sealed sealed, PrivateKey recipient, byte[] recipientPublic, byte[] aad) {
        byte[] key = agreedKey(recipient, publicKey(sealed.ephemeral()), sealed.ephemeral(), recipientPublic);
        try {
            return unwrap(key, new Wrapped(sealed.nonce(), sealed.bytes()), aad);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] agreedKey(PrivateKey own, PublicKey other, byte[] ephemeralPublic, byte[] recipientPublic) {
        byte[] shared;
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(own);
            agreement.doPhase(other, true);
            shared = agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new KeyFile.DamagedKeyFileException("the key file is damaged (a key agreement failed)", e);
        }
        try {
            return hkdf(shared, concat(ephemeralPublic, recipientPublic), "rebound sealed key v2".getBytes(
                    StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    /** HKDF-SHA256 (RFC 5869) to 32 bytes: one block of expand. */
    static byte[] hkdf(byte[] secret, byte[] salt, byte[] info) {
        byte[] pseudorandom = hmac(salt, secret);
        try {
            return hmac(pseudorandom, concat(info, new byte[] {1}));
        } finally {
            Arrays.fill(pseudorandom, (byte) 0);
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java", e);
        }
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
