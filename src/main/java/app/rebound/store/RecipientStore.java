package app.rebound.store;

import static app.rebound.store.jooq.Tables.KEY_RECIPIENT;
import static app.rebound.store.jooq.Tables.SIGNING_KEY;

import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jooq.DSLContext;

/**
 * The fingerprints of the key file's public keys, kept inside the encrypted database: the key file
 * itself is not trusted (anyone who can write to the folder can replace it), so a new database key is
 * sealed only to a public key whose fingerprint is recorded here.
 */
public final class RecipientStore {

    /** A public key in the key file is not the one the database knows for that recipient. */
    public static final class UnknownRecipientException extends StoreException {
        private static final long serialVersionUID = 1L;

        UnknownRecipientException(String recipient) {
            super("The key file's public key for " + recipient + " is not the one these records know: the key "
                    + "file was changed outside Rebound. Restore it from a backup, or reset that password, then try "
                    + "again", null);
        }
    }

    private final DSLContext dsl;

    public RecipientStore(Database database) {
        this.dsl = database.dsl();
    }

    /**
     * Records (or replaces) the fingerprint of {@code recipient}'s public key in {@code keys}: only for an
     * entry Rebound has just made itself (never to trust what a key file brought).
     */
    public void register(KeyFile keys, String recipient, OffsetDateTime now) {
        register(keys, recipient, now, AlsoInTransaction.NOTHING);
    }

    /**
     * As {@link #register(KeyFile, String, OffsetDateTime)}, with {@code also} (her account, the audit trail's
     * row) in the same transaction: all of it commits, or none (a full disk half-way left a new fingerprint
     * registered with no row saying why, and a key file put back that no longer matched it).
     */
    public void register(KeyFile keys, String recipient, OffsetDateTime now, AlsoInTransaction also) {
        String fingerprint = keys.fingerprints().get(recipient);
        if (fingerprint == null) {
            throw new IllegalArgumentException("the key file has no current entry for that recipient");
        }
        also.around(() -> dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            also.within(tx);
            keys.signingPublicKeyOf(recipient).ifPresent(signing -> {
                String signingFingerprint = SealedKey.fingerprint(signing);
                if (!tx.fetchExists(SIGNING_KEY, SIGNING_KEY.FINGERPRINT.eq(signingFingerprint))) {
                    tx.insertInto(SIGNING_KEY).set(SIGNING_KEY.FINGERPRINT, signingFingerprint)
                            .set(SIGNING_KEY.USERNAME, recipient)
                            .set(SIGNING_KEY.PUBLIC_KEY, HexFormat.of().formatHex(signing))
                            .set(SIGNING_KEY.REGISTERED_AT, now).execute();
                }
            });
            if (tx.fetchExists(KEY_RECIPIENT, KEY_RECIPIENT.RECIPIENT.eq(recipient))) {
                tx.update(KEY_RECIPIENT).set(KEY_RECIPIENT.FINGERPRINT, fingerprint)
                        .set(KEY_RECIPIENT.REGISTERED_AT, now).where(KEY_RECIPIENT.RECIPIENT.eq(recipient)).execute();
            } else {
                tx.insertInto(KEY_RECIPIENT).set(KEY_RECIPIENT.RECIPIENT, recipient)
                        .set(KEY_RECIPIENT.FINGERPRINT, fingerprint).set(KEY_RECIPIENT.REGISTERED_AT, now).execute();
            }
        }));
    }

    /** Forgets a recipient (a clinician removed); her signing keys stay, for the rows she signed. */
    public void forget(String recipient) {
        dsl.deleteFrom(KEY_RECIPIENT).where(KEY_RECIPIENT.RECIPIENT.eq(recipient)).execute();
    }

    /** Whether no recipient's public key is recorded at all (a clinic's server's records). */
    public boolean none() {
        return dsl.fetchCount(KEY_RECIPIENT) == 0;
    }

    /** The fingerprint of a recipient's public key, or null when none is recorded. */
    public String fingerprintOf(String recipient) {
        return known().get(recipient);
    }

    /**
     * Checks that every recipient of {@code keys} (but those {@code except}, made just now) has the public key
     * recorded here.
     *
     * @throws UnknownRecipientException naming the first that has not
     */
    public void check(KeyFile keys, Set<String> except) {
        Map<String, String> known = known();
        keys.fingerprints().forEach((recipient, fingerprint) -> {
            if (!except.contains(recipient) && !fingerprint.equals(known.get(recipient))) {
                throw new UnknownRecipientException(recipient.equals(KeyFile.RECOVERY) ? "the recovery key" : recipient);
            }
        });
    }

    private Map<String, String> known() {
        Map<String, String> known = new LinkedHashMap<>();
        dsl.selectFrom(KEY_RECIPIENT).forEach(row -> known.put(row.getRecipient(), row.getFingerprint()));
        return known;
    }
}
