package app.rebound.store;

import static app.rebound.store.jooq.Tables.CLINICIAN_SIGNING_KEY;

import java.security.KeyPair;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.jooq.DSLContext;
import org.postgresql.PGConnection;

import app.rebound.store.jooq.tables.records.ClinicianSigningKeyRecord;

/**
 * Each clinician's signing key on a clinic's server (issue 19): her Ed25519 key pair lives in the database
 * ({@code clinician_signing_key}), its private key wrapped on her workstation under her password as a key
 * file entry keeps it ({@link PasswordWrap}), and its public key registered in {@code signing_key} by its
 * fingerprint (through a function that registers it under her own login's name only). The server lets her
 * read and write only her own row (row-level security); an administrator's password reset deletes another
 * clinician's row through a function that checks the caller.
 */
public final class ServerSigningKeys {

    private static final String PURPOSE = "rebound-server-key-v1:signing";

    /** What {@link #signerFor} did: her signer, and whether it was made just now (and why). */
    public record Opened(Signer signer, Made made) {

        @Override
        public String toString() {
            return "Opened[" + signer + ", " + made + "]";
        }
    }

    /** Whether the signer was there already or made now. */
    public enum Made {
        /** Her stored key opened with her password. */
        NO,
        /** She had none (her first sign-in, or after a password reset). */
        NEW,
        /**
         * Hers did not open with the password the server accepted (the password or the row was changed outside
         * Rebound, or the row asks for fewer iterations than the floor): a new pair replaces it.
         */
        REPLACED
    }

    private final DSLContext dsl;

    public ServerSigningKeys(Database database) {
        if (!database.onServer()) {
            throw new IllegalStateException("signing keys in the database are for a clinic on a server");
        }
        this.dsl = database.dsl();
    }

    /**
     * {@code user}'s signer: her stored key unwrapped with {@code password}, or a new pair (wrapped, stored
     * and registered) when she has none or hers does not open. One PBKDF2 derivation (about half a second):
     * not on the JavaFX thread.
     */
    public Opened signerFor(String user, char[] password, OffsetDateTime now) {
        Optional<ClinicianSigningKeyRecord> row = row(user);
        if (row.isPresent()) {
            Optional<Signer> opened = open(user, password, row.get());
            if (opened.isPresent()) {
                return new Opened(opened.get(), Made.NO);
            }
        }
        return new Opened(create(user, password, now), row.isPresent() ? Made.REPLACED : Made.NEW);
    }

    /** Whether {@code user} has a stored signing key (only hers is visible to her). */
    public boolean has(String user) {
        return row(user).isPresent();
    }

    private Optional<ClinicianSigningKeyRecord> row(String user) {
        return Optional.ofNullable(dsl.selectFrom(CLINICIAN_SIGNING_KEY)
                .where(CLINICIAN_SIGNING_KEY.USERNAME.eq(user)).fetchOne());
    }

    /** Her signer from her row, or empty when the password does not open it (or the row was changed). */
    private static Optional<Signer> open(String user, char[] password, ClinicianSigningKeyRecord row) {
        Stored stored;
        try {
            stored = Stored.of(row);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!stored.kdf().acceptable()) {
            // fewer iterations than the floor (or another KDF) were written into the row: never derived with
            return Optional.empty();
        }
        Optional<byte[]> privateBytes = PasswordWrap.unwrap(password, stored.kdf(), stored.wrapped(),
                aad(user, stored.kdf(), stored.publicKey()));
        if (privateBytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Signer(Signer.privateKey(privateBytes.get()), stored.publicKey()));
        } finally {
            Arrays.fill(privateBytes.get(), (byte) 0);
        }
    }

    /** A new key pair for {@code user}: wrapped under {@code password}, stored (replacing hers) and registered. */
    private Signer create(String user, char[] password, OffsetDateTime now) {
        KeyPair pair = Signer.newKeyPair();
        byte[] publicKey = pair.getPublic().getEncoded();
        byte[] privateBytes = pair.getPrivate().getEncoded();
        Stored stored;
        try {
            PasswordWrap.Kdf kdf = PasswordWrap.Kdf.fresh();
            stored = new Stored(kdf, PasswordWrap.wrap(password, kdf, privateBytes, aad(user, kdf, publicKey)),
                    publicKey);
        } finally {
            Arrays.fill(privateBytes, (byte) 0);
        }
        Signer signer = new Signer(pair.getPrivate(), publicKey);
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.deleteFrom(CLINICIAN_SIGNING_KEY).where(CLINICIAN_SIGNING_KEY.USERNAME.eq(user)).execute();
            tx.insertInto(CLINICIAN_SIGNING_KEY).set(stored.record(user, now)).execute();
            tx.connection(connection -> {
                try (PreparedStatement register = connection.prepareStatement(
                        "SELECT rebound_signing_key_register(?, ?, ?)")) {
                    register.setString(1, signer.fingerprint());
                    register.setString(2, HexFormat.of().formatHex(publicKey));
                    register.setObject(3, now);
                    register.execute();
                }
            });
        });
        return signer;
    }

    /**
     * Her own password change: the server's login gets the new password (as its SCRAM verifier) and her
     * signing key is rewrapped under it, in one transaction. Two PBKDF2 derivations: not on the JavaFX thread.
     *
     * @return her signer, the same key as before (a new one, stored under the new password, when hers did not
     *         open with {@code current})
     */
    public Signer changeOwnPassword(String user, char[] current, char[] newPassword, OffsetDateTime now) {
        Optional<ClinicianSigningKeyRecord> row = row(user);
        Optional<Signer> signer = row.flatMap(r -> open(user, current, r));
        Stored rewrapped = null;
        if (signer.isPresent()) {
            byte[] privateBytes = signer.get().privateKeyBytes();
            try {
                PasswordWrap.Kdf kdf = PasswordWrap.Kdf.fresh();
                byte[] publicKey = signer.get().publicKey();
                rewrapped = new Stored(kdf, PasswordWrap.wrap(newPassword, kdf, privateBytes,
                        aad(user, kdf, publicKey)), publicKey);
            } finally {
                Arrays.fill(privateBytes, (byte) 0);
            }
        }
        Stored update = rewrapped;
        // pgjdbc wipes the array it is given
        char[] forServer = newPassword.clone();
        try {
            dsl.connection(connection -> ServerLogins.inTransaction(connection, () -> {
                connection.unwrap(PGConnection.class).alterUserPassword(user, forServer, ServerLogins.SCRAM);
                if (update != null) {
                    try (PreparedStatement statement = connection.prepareStatement("UPDATE clinician_signing_key "
                            + "SET kdf = ?, iterations = ?, salt = ?, nonce = ?, wrapped = ? WHERE username = ?")) {
                        Base64.Encoder b64 = Base64.getEncoder();
                        statement.setString(1, update.kdf().name());
                        statement.setInt(2, update.kdf().iterations());
                        statement.setString(3, b64.encodeToString(update.kdf().salt()));
                        statement.setString(4, b64.encodeToString(update.wrapped().nonce()));
                        statement.setString(5, b64.encodeToString(update.wrapped().bytes()));
                        statement.setString(6, user);
                        if (statement.executeUpdate() != 1) {
                            throw new StoreException("her signing key changed during the password change", null);
                        }
                    }
                }
            }));
        } finally {
            Arrays.fill(forServer, '\0');
        }
        return signer.orElseGet(() -> create(user, newPassword, now));
    }

    /**
     * An administrator's reset of {@code username}'s password: her login's new password and the end of her
     * wrapped key (which opens with no password she knows any more), in one transaction. She gets a new
     * pair at her next sign-in; the old public key stays registered for the rows it signed.
     */
    public void resetPassword(String username, char[] password) {
        dsl.connection(connection -> ServerLogins.inTransaction(connection, () -> {
            connection.unwrap(PGConnection.class).alterUserPassword(username, password, ServerLogins.SCRAM);
            try (PreparedStatement forget = connection.prepareStatement("SELECT rebound_signing_key_forget(?)")) {
                forget.setString(1, username);
                forget.execute();
            }
        }));
    }

    private static byte[] aad(String user, PasswordWrap.Kdf kdf, byte[] publicKey) {
        return PasswordWrap.bytes(PasswordWrap.aad(PURPOSE, "clinician:" + user, kdf) + "|public="
                + Base64.getEncoder().encodeToString(publicKey));
    }

    /** A row's wrapped key, as stored (Base64; the public key hex, as in signing_key). */
    private record Stored(PasswordWrap.Kdf kdf, SealedKey.Wrapped wrapped, byte[] publicKey) {

        static Stored of(ClinicianSigningKeyRecord row) {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] publicKey = HexFormat.of().parseHex(row.getPublicKey());
            if (!SealedKey.fingerprint(publicKey).equals(row.getFingerprint())) {
                throw new IllegalArgumentException("the fingerprint is not the public key's");
            }
            return new Stored(new PasswordWrap.Kdf(row.getKdf(), row.getIterations(), b64.decode(row.getSalt())),
                    new SealedKey.Wrapped(b64.decode(row.getNonce()), b64.decode(row.getWrapped())), publicKey);
        }

        ClinicianSigningKeyRecord record(String user, OffsetDateTime now) {
            Base64.Encoder b64 = Base64.getEncoder();
            ClinicianSigningKeyRecord row = new ClinicianSigningKeyRecord();
            row.setUsername(user);
            row.setKdf(kdf.name());
            row.setIterations(kdf.iterations());
            row.setSalt(b64.encodeToString(kdf.salt()));
            row.setNonce(b64.encodeToString(wrapped.nonce()));
            row.setWrapped(b64.encodeToString(wrapped.bytes()));
            row.setPublicKey(HexFormat.of().formatHex(publicKey));
            row.setFingerprint(SealedKey.fingerprint(publicKey));
            row.setCreatedAt(now);
            return row;
        }
    }
}
