package app.rebound.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.rebound.domain.AuditAction;
import app.rebound.domain.Clinician;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.store.AtomicFile;
import app.rebound.store.ClinicianStore;
import app.rebound.store.Database;
import app.rebound.store.DatabaseKey;
import app.rebound.store.KeyFile;
import app.rebound.store.RecipientStore;
import app.rebound.store.RecoveryKey;
import app.rebound.store.ServerLogins;
import app.rebound.store.ServerSigningKeys;

/**
 * Clinicians' accounts. Administrators add and remove clinicians and reset passwords; everyone
 * changes her own password and name. A password change rewraps the database key in the key file;
 * the database itself is never re-encrypted.
 */
public final class AccountService {

    private final ClinicianStore store;
    private final Session session;
    private final AuditService audit;
    private final Path folder;
    private final Database database;
    private final RecipientStore recipients;
    private final Clock clock;

    AccountService(ClinicianStore store, Session session, AuditService audit, Database database, Clock clock) {
        this.store = store;
        this.session = session;
        this.audit = audit;
        this.folder = database.folder();
        this.database = database;
        this.recipients = new RecipientStore(database);
        this.clock = clock;
    }

    /** A clinician removed: who, and the new recovery key when the old one had to be replaced (else empty). */
    public record Removal(Clinician removed, Optional<String> newRecoveryKey) {
    }

    /** Whether the clinic's records are on a server, where each clinician has a login of her own. */
    public boolean onServer() {
        return database.onServer();
    }

    /** Who is signed in. */
    public Clinician current() {
        return session.require();
    }

    /** Every clinician (administrators). */
    public List<Clinician> clinicians() {
        session.requireAdministrator();
        return store.current();
    }

    /**
     * Adds a clinician with a first password (administrators).
     *
     * @throws ValidationException when a name or the password is refused, or the user name is taken
     */
    public synchronized Clinician add(String username, String displayName, char[] password, boolean administrator)
            throws IOException {
        try {
            session.requireAdministrator();
            List<Violation> problems = new ArrayList<>(ClinicAccess.checkNewClinician(username, displayName, password));
            String user = KeyFile.normalUser(username);
            if (problems.stream().noneMatch(p -> p.field().equals("username")) && (store.usernameTaken(user)
                    || (!database.onServer() && KeyFile.readFrom(folder).has(user)))) {
                problems.add(0, Violation.of("username", "validation.usernameTaken"));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Clinician added = new Clinician(UUID.randomUUID(), user, TextNormalization.clean(displayName), administrator);
            if (database.onServer()) {
                // her own login on the server (its password as a SCRAM verifier) and her account, in one transaction
                ServerLogins.add(database, added, password, OffsetDateTime.now(clock));
                audit.record(AuditAction.ACCOUNT, null, "added " + user + (administrator ? " (administrator)" : ""));
                return added;
            }
            KeyFile before = keyFile();
            KeyFile keys = before.withClinician(user, password, database.key());
            OffsetDateTime now = OffsetDateTime.now(clock);
            replaceKeyFile(before, keys, () -> recipients.register(keys, user, now, store.inserting(added, now)
                    .andThen(audit.recordWith(AuditAction.ACCOUNT, null, "added " + user
                            + (administrator ? " (administrator)" : "")))));
            return added;
        } finally {
            ClinicAccess.wipe(password);
        }
    }

    /**
     * Removes a clinician (administrators): she can no longer sign in, and the database key is rotated
     * (the database re-encrypted under a new key sealed to everyone who remains), so a copy of the key
     * file she kept opens nothing any more. Her name stays on what she wrote. Nobody removes herself, and
     * the last administrator stays. Takes as long as re-encrypting the database (seconds for a large
     * clinic): not on the JavaFX thread. When the recovery key's entry is from before key pairs, a new
     * recovery key is made (the old one stops working) and returned, to be shown and printed.
     *
     * @throws NotAllowedException when a remaining clinician's entry cannot be given the new key (not signed
     *                             in since the update) or a public key in the key file is not the one the
     *                             records know; nothing is changed then
     */
    public synchronized Removal remove(UUID clinicianId) throws IOException {
        Clinician me = session.requireAdministrator();
        Clinician gone = store.byId(clinicianId).orElseThrow(() -> new NotAllowedException("No such clinician"));
        if (gone.id().equals(me.id())) {
            throw new NotAllowedException("You cannot remove your own account; ask another administrator");
        }
        if (database.onServer()) {
            // her login goes: nothing of the records was ever in her hands to keep, so there is no key to change
            ServerLogins.remove(database, gone.username(), OffsetDateTime.now(clock));
            audit.record(AuditAction.ACCOUNT, null, "removed " + gone.username() + " (and her login)");
            return new Removal(gone, Optional.empty());
        }
        KeyFile keys = keyFile().withoutClinician(gone.username());
        RecoveryKey newRecovery = null;
        if (keys.recoveryIsLegacy()) {
            newRecovery = RecoveryKey.random();
            keys = keys.withRecovery(database.key(), newRecovery);
        }
        DatabaseKey next = DatabaseKey.random();
        KeyFile rotating;
        try {
            rotating = keys.rotatingTo(next);
            checkRecipients(keys, newRecovery != null);
        } catch (KeyFile.NotUpgradedException | RecipientStore.UnknownRecipientException e) {
            throw new NotAllowedException(e.getMessage());
        }
        // the key file first: from here her entry is gone, and a crash leaves a rotation that the next sign-in
        // finishes (her account, still listed then, is removed again)
        rotating.writeTo(folder);
        OffsetDateTime now = OffsetDateTime.now(clock);
        store.remove(gone.id(), now);
        recipients.forget(gone.username());
        if (newRecovery != null) {
            recipients.register(keys, KeyFile.RECOVERY, now);
        }
        audit.record(AuditAction.ACCOUNT, null, "removed " + gone.username());
        database.rekey(next, () -> rotating);
        audit.record(AuditAction.ACCOUNT, null, "database key rotated" + (newRecovery == null ? ""
                : "; new recovery key made"));
        return new Removal(gone, Optional.ofNullable(newRecovery).map(RecoveryKey::text));
    }

    /**
     * Writes {@code next} over the key file, then {@code inDatabase} (one transaction: the key's registration,
     * her account, the audit row). When either fails (a full disk), the key file as it was goes back: a command
     * that says it failed has changed no password and added nobody. The file as it was keeps a second name
     * meanwhile (a hard link: putting it back is a rename, which needs no room on a full disk).
     */
    private void replaceKeyFile(KeyFile before, KeyFile next, Runnable inDatabase) throws IOException {
        Path current = folder.resolve(KeyFile.FILE_NAME);
        Path kept = folder.resolve(KEPT_KEY_FILE);
        boolean linked;
        try {
            Files.deleteIfExists(kept);
            Files.createLink(kept, current);
            linked = true;
        } catch (IOException | UnsupportedOperationException noLinks) {
            linked = false;
        }
        try {
            next.writeTo(folder);
            inDatabase.run();
        } catch (IOException | RuntimeException failed) {
            try {
                if (linked) {
                    AtomicFile.replace(kept, current);
                } else {
                    before.writeTo(folder);
                }
            } catch (IOException | RuntimeException notBack) {
                failed.addSuppressed(notBack);
            }
            throw failed;
        } finally {
            if (linked) {
                Files.deleteIfExists(kept);
            }
        }
    }

    /** The key file's second name while it is replaced (a leftover of a killed program goes at the next start). */
    static final String KEPT_KEY_FILE = ".rebound-keys-before.part";

    /**
     * The key file, unless a change of the database key is under way in it (one interrupted in this
     * session): an entry made now would get only one of the two keys. Signing in again finishes the change.
     */
    private KeyFile keyFile() throws IOException {
        KeyFile keys = KeyFile.readFrom(folder);
        if (keys.rotating()) {
            throw new NotAllowedException("A change of the database key was interrupted; close Rebound and sign in "
                    + "again to finish it, then try again");
        }
        return keys;
    }

    /** Every recipient but a recovery key made just now must have the public key the records know. */
    private void checkRecipients(KeyFile keys, boolean newRecovery) {
        recipients.check(keys, newRecovery ? Set.of(KeyFile.RECOVERY) : Set.of());
    }

    /** Sets a new password for another clinician who forgot hers (administrators). */
    public synchronized void resetPassword(UUID clinicianId, char[] newPassword) throws IOException {
        try {
            session.requireAdministrator();
            Clinician who = store.byId(clinicianId).orElseThrow(() -> new NotAllowedException("No such clinician"));
            List<Violation> problems = new ArrayList<>();
            ClinicAccess.checkPassword(newPassword, who.username(), problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            if (database.onServer()) {
                // her login's new password, and her wrapped signing key gone (no password she knows opens it): she
                // gets a new pair at her next sign-in; the old public key stays for the rows it signed
                new ServerSigningKeys(database).resetPassword(who.username(), newPassword);
                audit.record(AuditAction.ACCOUNT, null, "password of " + who.username() + " reset");
                return;
            }
            KeyFile before = keyFile();
            KeyFile keys = before.withClinician(who.username(), newPassword, database.key());
            replaceKeyFile(before, keys, () -> recipients.register(keys, who.username(), OffsetDateTime.now(clock),
                    audit.recordWith(AuditAction.ACCOUNT, null, "password of " + who.username() + " reset")));
        } finally {
            ClinicAccess.wipe(newPassword);
        }
    }

    /**
     * Changes the signed-in clinician's password.
     *
     * @throws WrongPasswordException when {@code current} is not her password
     */
    public synchronized void changePassword(char[] current, char[] newPassword) throws IOException {
        try {
            Clinician me = session.require();
            if (database.onServer()) {
                // her own login: the server checks the current password, and takes the new one as a verifier
                if (!database.checkLogin(me.username(), current)) {
                    throw new WrongPasswordException("The current password is wrong", 0);
                }
                List<Violation> problems = new ArrayList<>();
                ClinicAccess.checkPassword(newPassword, me.username(), problems);
                if (!problems.isEmpty()) {
                    throw new ValidationException(problems);
                }
                // her login's new password and her signing key rewrapped under it, in one transaction (the pool
                // takes the new password from this array: the server's copy is wiped by pgjdbc)
                session.signWith(new ServerSigningKeys(database).changeOwnPassword(me.username(), current, newPassword,
                        OffsetDateTime.now(clock)));
                database.loginChanged(newPassword);
                audit.record(AuditAction.ACCOUNT, null, "password of " + me.username() + " changed");
                return;
            }
            KeyFile keys = keyFile();
            if (keys.unwrap(me.username(), current).isEmpty()) {
                throw new WrongPasswordException("The current password is wrong", 0);
            }
            List<Violation> problems = new ArrayList<>();
            ClinicAccess.checkPassword(newPassword, me.username(), problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            KeyFile changed = keys.withClinician(me.username(), newPassword, database.key());
            // her row says so with the key she signed in with; she signs with the new one from then on
            replaceKeyFile(keys, changed, () -> recipients.register(changed, me.username(), OffsetDateTime.now(clock),
                    audit.recordWith(AuditAction.ACCOUNT, null, "password of " + me.username() + " changed")));
            session.signWith(changed.open(me.username(), newPassword).flatMap(KeyFile.Unlocked::signer).orElse(null));
        } finally {
            ClinicAccess.wipe(current);
            ClinicAccess.wipe(newPassword);
        }
    }

    /** Whether {@code password} is the signed-in clinician's (to unlock the screen); wiped once checked. */
    public boolean checkPassword(char[] password) throws IOException {
        try {
            Clinician me = session.require();
            if (database.onServer()) {
                return database.checkLogin(me.username(), password);
            }
            return KeyFile.readFrom(folder).unwrap(me.username(), password).isPresent();
        } finally {
            ClinicAccess.wipe(password);
        }
    }

    /**
     * Unlocks the screen with the signed-in clinician's password: wrong passwords count towards the same
     * wait as at sign-in, and the unlock is audited.
     *
     * @throws SignInDelayedException when too many wrong passwords in a row ask for a wait first
     */
    public boolean unlock(char[] password) throws IOException {
        if (database.onServer()) {
            // the server checks her login; guessing is limited there (the clinic IT's auth_delay, pg_hba), not by
            // a counter file on one workstation
            try {
                if (!checkPassword(password)) {
                    return false;
                }
                audit.record(AuditAction.UNLOCK, null, null);
                return true;
            } finally {
                ClinicAccess.wipe(password);
            }
        }
        SignInThrottle throttle = new SignInThrottle(folder, clock);
        try {
            throttle.check();
            if (!checkPassword(password)) {
                throttle.failed();
                return false;
            }
            throttle.succeeded();
            audit.record(AuditAction.UNLOCK, null, null);
            return true;
        } finally {
            ClinicAccess.wipe(password);
        }
    }

    /** Renames a clinician as printed on handouts: herself, or anyone for an administrator. */
    public Clinician rename(UUID clinicianId, String displayName) {
        Clinician me = session.require();
        if (!me.id().equals(clinicianId) && !me.administrator()) {
            throw new NotAllowedException("Only an administrator can rename another clinician");
        }
        String name = TextNormalization.clean(displayName);
        if (name == null) {
            throw new ValidationException(List.of(Violation.of("displayName", "validation.required")));
        }
        if (name.length() > Clinician.DISPLAY_NAME_MAX_LENGTH) {
            throw new ValidationException(List.of(Violation.of("displayName", "validation.tooLong",
                    Clinician.DISPLAY_NAME_MAX_LENGTH)));
        }
        Clinician who = store.byId(clinicianId).orElseThrow(() -> new NotAllowedException("No such clinician"));
        Clinician renamed = new Clinician(who.id(), who.username(), name, who.administrator());
        store.update(renamed);
        if (me.id().equals(clinicianId)) {
            session.signIn(renamed);
        }
        audit.record(AuditAction.ACCOUNT, null, "renamed " + who.username());
        return renamed;
    }
}
