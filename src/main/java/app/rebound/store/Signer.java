package app.rebound.store;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

/**
 * A clinician's Ed25519 signing key, unwrapped with her password at sign-in and held only in memory
 * while she is signed in: the audit rows she causes are signed with it ({@link AuditStore}). Its public
 * key is registered in the encrypted database by its fingerprint; another clinician, who has the
 * database key but not this private key, cannot sign rows in her name. Independent of H2.
 */
public final class Signer {

    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final String fingerprint;

    Signer(PrivateKey privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey.clone();
        this.fingerprint = SealedKey.fingerprint(publicKey);
    }

    static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java", e);
        }
    }

    static PrivateKey privateKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFile.DamagedKeyFileException("the key file is damaged (a signing key)", e);
        }
    }

    /** The SHA-256 of the encoded public key, hex: how the database and the recovery sheet name it. */
    public String fingerprint() {
        return fingerprint;
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    /** The private key, encoded (PKCS#8), to rewrap it under a new password; wipe it once used. */
    byte[] privateKeyBytes() {
        return privateKey.getEncoded();
    }

    byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java", e);
        }
    }

    /** Whether {@code signature} is {@code publicKey}'s over {@code message}; false for a key that is not one. */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Optional<PublicKey> key;
        try {
            key = Optional.of(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            key = Optional.empty();
        }
        if (key.isEmpty()) {
            return false;
        }
        try {
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(key.get());
            check.update(message);
            return check.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Signer[" + fingerprint.substring(0, 16) + "]";
    }
}
