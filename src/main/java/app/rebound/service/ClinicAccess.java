package app.rebound.service;

import java.awt.GraphicsEnvironment;
import java.awt.print.PrinterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.LoggerFactory;

import app.rebound.domain.AuditAction;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.Clinician;
import app.rebound.domain.PaperSize;
import app.rebound.domain.PasswordStrength;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.handout.HandoutPages;
import app.rebound.handout.RecoveryKeySheet;
import app.rebound.store.AuditStore;
import app.rebound.store.ClinicianStore;
import app.rebound.store.Database;
import app.rebound.store.DatabaseFiles;
import app.rebound.store.DatabaseKey;
import app.rebound.store.FilePermissions;
import app.rebound.store.Fingerprints;
import app.rebound.store.ForeignDatabaseException;
import app.rebound.store.KeyFile;
import app.rebound.store.KeyRotation;
import app.rebound.store.MigrationException;
import app.rebound.store.PasswordKdf;
import app.rebound.store.RecipientStore;
import app.rebound.store.RecoveryKey;
import app.rebound.store.SchemaVersionException;
import app.rebound.store.ServerAddress;
import app.rebound.store.ServerRefusedException;
import app.rebound.store.ServerSigningKeys;
import app.rebound.store.Signer;

/**
 * Getting into a data folder: setting up a new clinic (or encrypting one made before encryption),
 * signing in with a password, and the recovery key when every password is lost. Each returns the
 * services on the open, encrypted database with the clinician signed in.
 */
public final class ClinicAccess {

    /** What a data folder holds. */
    public enum FolderState {
        /** Nothing yet: set-up creates the clinic. */
        NEW,
        /** A database from before encryption, readable by anyone: set-up encrypts it. */
        UNENCRYPTED,
        /** A key file: sign in. */
        READY,
        /**
         * An encrypted database without its key file: nothing opens it until the key file is back (from a
         * backup), and set-up is refused, so that the records are never put aside for an empty clinic.
         */
        KEY_FILE_MISSING
    }

    /**
     * What set-up asks for. The password array is wiped once used.
     *
     * @param encryptExisting the administrator chose to encrypt the records from before encryption that the
     *                        folder holds ({@link FolderState#UNENCRYPTED}); without it such a folder is refused
     */
    public record NewClinic(String clinicName, String username, String displayName, char[] password,
            boolean encryptExisting) {

        /** For a folder without records. */
        public NewClinic(String clinicName, String username, String displayName, char[] password) {
            this(clinicName, username, displayName, password, false);
        }
    }

    /** Set-up was not asked to encrypt the records from before encryption that the folder holds; nothing was changed. */
    public static final class EncryptionNotChosenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        EncryptionNotChosenException() {
            super("This data folder holds records from before encryption: encrypting them must be chosen");
        }
    }

    /** A clinic set up: its services, and the recovery key to show once. */
    public record SetUp(Services services, String recoveryKey) {
    }

    private static final String USER_PATTERN = "[\\p{L}\\p{N}._@-]+";

    private final Clock clock;
    private final Locale locale;

    public ClinicAccess(Clock clock, Locale locale) {
        this.clock = clock;
        this.locale = locale;
    }

    /**
     * With fewer PBKDF2 iterations for passwords, made and accepted, in this whole process: the test seam
     * of {@link PasswordKdf#lowerFloorForTests}, for tests that set up many clinics. Never used by Rebound
     * itself; nothing in a key file reaches it.
     */
    public ClinicAccess(Clock clock, Locale locale, int iterations) {
        this(clock, locale);
        PasswordKdf.lowerFloorForTests(iterations);
    }

    public static FolderState state(Path folder) {
        if (KeyFile.existsIn(folder)) {
            return FolderState.READY;
        }
        if (!Database.existsIn(folder)) {
            return FolderState.NEW;
        }
        return DatabaseFiles.isEncrypted(Database.file(folder)) ? FolderState.KEY_FILE_MISSING : FolderState.UNENCRYPTED;
    }

    /** The clinic name of an unencrypted database, to suggest at set-up (empty when it has none). */
    public static Optional<String> clinicNameBeforeEncryption(Path folder) {
        return DatabaseFiles.plainSetting(folder, "clinic.name");
    }

    /** The clinician's name of an unencrypted database, to suggest as the first account's name. */
    public static Optional<String> clinicianNameBeforeEncryption(Path folder) {
        return DatabaseFiles.plainSetting(folder, "clinician.name");
    }

    /** The problems with a new clinician's names and password, empty when there are none. */
    public static List<Violation> checkNewClinician(String username, String displayName, char[] password) {
        return checkNewClinician(username, displayName, password, List.of());
    }

    /** As {@link #checkNewClinician(String, String, char[])}, the password also not mostly one of {@code names}. */
    static List<Violation> checkNewClinician(String username, String displayName, char[] password,
            List<String> names) {
        List<Violation> problems = checkNames(username, displayName);
        String display = TextNormalization.clean(displayName);
        List<String> avoid = new ArrayList<>(names);
        if (display != null) {
            avoid.add(display);
        }
        checkPassword(password, username, avoid, problems);
        return problems;
    }

    /**
     * The problems with a set-up that are found without estimating the password's strength (a name missing,
     * too long or malformed, a password too short): quick enough for the form to check before it starts
     * anything, so that the clinician sees them at once. {@link #setUp} checks everything again.
     */
    public static List<Violation> quickCheck(NewClinic request) {
        List<Violation> problems = checkNames(request.username(), request.displayName());
        checkClinicName(request.clinicName(), problems);
        char[] password = request.password();
        if (password == null || Character.codePointCount(password, 0, password.length) < PasswordStrength.MIN_LENGTH) {
            problems.add(Violation.of("password", "validation.password", PasswordStrength.MIN_LENGTH));
        }
        return problems;
    }

    private static void checkClinicName(String name, List<Violation> problems) {
        String clinicName = TextNormalization.clean(name);
        if (clinicName == null) {
            problems.add(0, Violation.of("clinicName", "validation.required"));
        } else if (clinicName.length() > ClinicSettings.NAME_MAX_LENGTH) {
            problems.add(0, Violation.of("clinicName", "validation.tooLong", ClinicSettings.NAME_MAX_LENGTH));
        }
    }

    private static List<Violation> checkNames(String username, String displayName) {
        List<Violation> problems = new ArrayList<>();
        String user = KeyFile.normalUser(username);
        if (user.isEmpty()) {
            problems.add(Violation.of("username", "validation.required"));
        } else if (user.length() > Clinician.USERNAME_MAX_LENGTH) {
            problems.add(Violation.of("username", "validation.tooLong", Clinician.USERNAME_MAX_LENGTH));
        } else if (!user.matches(USER_PATTERN)) {
            problems.add(Violation.of("username", "validation.username"));
        }
        String display = TextNormalization.clean(displayName);
        if (display == null) {
            problems.add(Violation.of("displayName", "validation.required"));
        } else if (display.length() > Clinician.DISPLAY_NAME_MAX_LENGTH) {
            problems.add(Violation.of("displayName", "validation.tooLong", Clinician.DISPLAY_NAME_MAX_LENGTH));
        }
        return problems;
    }

    static void checkPassword(char[] password, String username, List<Violation> problems) {
        checkPassword(password, username, List.of(), problems);
    }

    /** Refuses a password that is too short, mostly the user name or one of {@code names}, or easily guessed. */
    static void checkPassword(char[] password, String username, List<String> names, List<Violation> problems) {
        if (PasswordStrength.check(password == null ? null : new String(password), username, names,
                Locale.getDefault()).strength() == PasswordStrength.REFUSED) {
            problems.add(Violation.of("password", "validation.password", PasswordStrength.MIN_LENGTH));
        }
    }

    /**
     * Sets up the clinic in {@code folder}: a random database key, the key file with the first
     * clinician (an administrator) and the recovery key, and the encrypted database. An unencrypted
     * database already there is encrypted, its original kept until the encrypted copy opens.
     *
     * @throws ValidationException      with every problem in the request; nothing is written then
     * @throws IllegalStateException    when the folder is already set up
     * @throws RecordsUnavailableException (KEY_FILE_MISSING) when the folder holds an encrypted database
     *                                     without its key file; nothing is changed
     */
    public SetUp setUp(Path folder, NewClinic request) throws IOException {
        try {
            List<Violation> problems = checkNewClinician(request.username(), request.displayName(), request.password(),
                    request.clinicName() == null ? List.of() : List.of(request.clinicName()));
            String clinicName = TextNormalization.clean(request.clinicName());
            checkClinicName(request.clinicName(), problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            FolderState state = state(folder);
            if (state == FolderState.READY) {
                throw new IllegalStateException("This data folder is already set up; sign in instead");
            }
            DatabaseKey key = DatabaseKey.random();
            RecoveryKey recovery = RecoveryKey.random();
            String user = KeyFile.normalUser(request.username());
            KeyFile keys = KeyFile.create(key, recovery).withClinician(user, request.password(), key);
            if (state == FolderState.KEY_FILE_MISSING) {
                // the key file was lost (or a set-up stopped between the database and the key file): the records
                // stay where they are, byte for byte, until the key file is put back or a backup restored
                throw new RecordsUnavailableException(RecordsUnavailableException.Reason.KEY_FILE_MISSING, null);
            }
            if (state == FolderState.UNENCRYPTED) {
                if (!request.encryptExisting()) {
                    throw new EncryptionNotChosenException();
                }
                // the administrator's choice: the old file is read by H2 (with no class loadable, and only
                // after SchemaCheck found nothing in it that could run code)
                try {
                    DatabaseFiles.encryptInPlace(folder, key, () -> keys.writeTo(folder));
                } catch (ForeignDatabaseException e) {
                    throw new RecordsUnavailableException(RecordsUnavailableException.Reason.FOREIGN, e);
                }
            } else {
                FilePermissions.createFolder(folder);
                // the database first: a key file alone would ask to sign in to nothing
                Database.open(folder, key).close();
                keys.writeTo(folder);
            }
            Services services = Services.open(folder, key, clock, locale);
            try {
                ClinicianStore clinicians = new ClinicianStore(services.database());
                Clinician first = new Clinician(UUID.randomUUID(), user, TextNormalization.clean(request.displayName()),
                        true);
                clinicians.insert(first, OffsetDateTime.now(clock));
                RecipientStore recipients = new RecipientStore(services.database());
                recipients.register(keys, user, OffsetDateTime.now(clock));
                recipients.register(keys, KeyFile.RECOVERY, OffsetDateTime.now(clock));
                services.session().signIn(first);
                // her signing key, for the trail's first rows (the entry was made just now, with this password)
                services.session().signWith(keys.open(user, request.password()).flatMap(KeyFile.Unlocked::signer)
                        .orElse(null));
                ClinicSettings settings = services.settings().load();
                services.settings().save(new ClinicSettings(clinicName, null, settings.paperSize(), settings.logo()));
                services.settings().forgetClinicianName();
                services.audit().start();
                services.audit().record(AuditAction.ACCOUNT, null, "clinic set up; administrator " + user);
                keepCounter(services, new SignInThrottle(folder, clock).succeeded());
                return new SetUp(services, recovery.text());
            } catch (RuntimeException e) {
                services.close();
                throw e;
            }
        } finally {
            wipe(request.password());
        }
    }

    /**
     * Sets up a clinic on a PostgreSQL server, run by the owner of its database (her own login): the
     * schema, and the owner as the clinic's first administrator. The database must hold no clinic yet.
     *
     * @throws ValidationException     when the clinic's name is missing or too long; nothing is written then
     * @throws ServerProblemException  when the server cannot be used, or already holds a clinic
     * @throws WrongPasswordException  when the server refuses the owner's login
     */
    public Services setUpOnServer(ServerAddress server, String clinicName, String owner,
            String displayName, char[] password) {
        try {
            String clinic = TextNormalization.clean(clinicName);
            List<Violation> problems = new ArrayList<>();
            if (clinic == null) {
                problems.add(Violation.of("clinicName", "validation.required"));
            } else if (clinic.length() > ClinicSettings.NAME_MAX_LENGTH) {
                problems.add(Violation.of("clinicName", "validation.tooLong", ClinicSettings.NAME_MAX_LENGTH));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            String user = KeyFile.normalUser(owner);
            return onServer(server, user, password, Database.Schema.MIGRATE, services -> {
                ClinicianStore clinicians = new ClinicianStore(services.database());
                if (!clinicians.none()) {
                    throw new ServerProblemException("The database " + server + " already holds a clinic; its "
                            + "clinicians sign in with their own logins", false, null);
                }
                Clinician first = new Clinician(UUID.randomUUID(), user,
                        displayName == null ? user : TextNormalization.clean(displayName), true);
                clinicians.insert(first, OffsetDateTime.now(clock));
                services.session().signIn(first);
                // her signing key, for the trail's first rows: made now, wrapped under her password, kept on the server
                ServerSigningKeys.Opened signing = new ServerSigningKeys(services.database()).signerFor(user, password,
                        OffsetDateTime.now(clock));
                services.session().signWith(signing.signer());
                ClinicSettings settings = services.settings().load();
                services.settings().save(new ClinicSettings(clinic, null, settings.paperSize(), settings.logo()));
                services.settings().forgetClinicianName();
                services.audit().start();
                services.audit().record(AuditAction.ACCOUNT, null, "clinic set up on " + server + "; administrator "
                        + user);
            });
        } finally {
            wipe(password);
        }
    }

    /** As {@link #signInOnServer(app.rebound.store.ServerAddress, String, char[])}, on the window's server. */
    public Services signInOnServer(ServerChoice server, String username, char[] password) {
        return signInOnServer(server.address(), username, password);
    }

    /**
     * Signs {@code username} in on the clinic's PostgreSQL server with her own login: the server checks
     * the password (SCRAM), and her account in the clinic's records says what she may do.
     *
     * @throws WrongPasswordException  when the server refuses the login
     * @throws ServerProblemException  when the server cannot be used (not reached, not secure, another
     *                                 schema version), or she has a login but no account in the records
     */
    public Services signInOnServer(ServerAddress server, String username, char[] password) {
        try {
            String user = KeyFile.normalUser(username);
            return onServer(server, user, password, Database.Schema.CURRENT, services -> {
                Optional<Clinician> clinician = new ClinicianStore(services.database()).byUsername(user);
                if (clinician.isEmpty()) {
                    throw new ServerProblemException(user + " has a login on " + server + " but no account in the "
                            + "clinic's records; an administrator adds her with: rebound clinician add --database "
                            + server, true, null);
                }
                services.session().signIn(clinician.get());
                signOnServer(services, user, password, clock);
                services.audit().record(AuditAction.SIGN_IN, null, null);
            });
        } finally {
            wipe(password);
        }
    }

    /**
     * Signs her audit rows on the server with her own key: the one kept for her in the database, unwrapped
     * with her password, or a new pair the first time (and after an administrator reset her password).
     */
    static void signOnServer(Services services, String user, char[] password, Clock clock) {
        ServerSigningKeys.Opened signing = new ServerSigningKeys(services.database()).signerFor(user, password,
                OffsetDateTime.now(clock));
        services.session().signWith(signing.signer());
        if (signing.made() == ServerSigningKeys.Made.REPLACED) {
            LoggerFactory.getLogger(ClinicAccess.class).warn("A signing key did not open with the password the "
                    + "server accepted (the password or the key's row was changed outside Rebound); a new one was made");
        }
        if (signing.made() != ServerSigningKeys.Made.NO) {
            services.audit().record(AuditAction.ACCOUNT, null, "signing key of " + user + " made"
                    + (signing.made() == ServerSigningKeys.Made.REPLACED
                            ? " (hers did not open with her password: it or the key was changed outside Rebound)" : ""));
        }
    }

    /** What an administrator's migrate did: the schema version before and after. */
    public record Migrated(String from, String to) {
    }

    /**
     * Brings the clinic's records on the server up to this Rebound's schema: only an administrator, and only
     * here (a workstation never migrates by itself). Run it as the database's owner, who owns the tables.
     *
     * @throws NotAllowedException    when {@code username} is not an administrator of the clinic
     */
    public Migrated migrateOnServer(ServerAddress server, String username, char[] password) {
        try {
            String user = KeyFile.normalUser(username);
            try (Database database = connect(server, user, password, Database.Schema.INSPECT)) {
                if (database.schemaVersion() == null) {
                    throw new ServerProblemException("The database " + server + " holds no Rebound records yet: set "
                            + "it up with: rebound init --database " + server + " --clinic NAME --user OWNER", false,
                            null);
                }
                Optional<Clinician> who = new ClinicianStore(database).byUsername(user);
                if (who.isEmpty() || !who.get().administrator()) {
                    throw new NotAllowedException("Only an administrator may bring the clinic's records up to date");
                }
                String from = database.migrate();
                return new Migrated(from, database.schemaVersion());
            } catch (MigrationException e) {
                throw new RecordsUnavailableException(RecordsUnavailableException.Reason.CANNOT_UPDATE, e);
            }
        } finally {
            wipe(password);
        }
    }

    /** The services on the server, given to {@code signIn} (who she is, her audit row); closed if it fails. */
    private Services onServer(ServerAddress server, String user, char[] password,
            Database.Schema schema, Consumer<Services> signIn) {
        Services services = Services.on(connect(server, user, password, schema), clock, locale);
        try {
            signIn.accept(services);
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private static Database connect(ServerAddress server, String user, char[] password,
            Database.Schema schema) {
        try {
            return Database.connect(server, user, password, schema);
        } catch (ServerRefusedException e) {
            if (e.reason() == ServerRefusedException.Reason.LOGIN) {
                throw new WrongPasswordException("The user name or the password is wrong", 0);
            }
            throw new ServerProblemException(e.getMessage(), false, e);
        } catch (SchemaVersionException e) {
            throw new ServerProblemException(e.getMessage(), false, e);
        } catch (MigrationException e) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.CANNOT_UPDATE, e);
        }
    }

    /**
     * Signs {@code username} in: unwraps the database key with the password and opens the records.
     *
     * @throws WrongPasswordException       when the name or password is wrong
     * @throws SignInDelayedException       when too many wrong passwords in a row ask for a wait first
     * @throws RecordsUnavailableException  when the records do not open (in use, missing, damaged)
     */
    public Services signIn(Path folder, String username, char[] password) throws IOException {
        SignInThrottle throttle = new SignInThrottle(folder, clock);
        try {
            throttle.check();
            KeyFile keys = KeyFile.readFrom(folder);
            Database.warmUpInBackground();
            Optional<KeyFile.Unlocked> unlocked = keys.open(username, password);
            if (unlocked.isEmpty()) {
                int failures = throttle.failed();
                throw new WrongPasswordException("The user name or the password is wrong", failures);
            }
            String user = KeyFile.normalUser(username);
            DatabaseKey key = settled(folder, keys, unlocked.get());
            Services services = open(folder, key, user, throttle, AuditAction.SIGN_IN, true,
                    unlocked.get().signer());
            if (unlocked.get().legacy()) {
                try {
                    refuseDowngrade(services, user);
                    upgrade(folder, services, user, password, key);
                } catch (IOException | RuntimeException e) {
                    services.close();
                    throw e;
                }
            }
            return services;
        } finally {
            wipe(password);
        }
    }

    /**
     * Uses the recovery key to give {@code username} a new password (every other password stays),
     * then signs her in.
     *
     * @throws WrongPasswordException when the recovery key is wrong or the user is not a clinician here
     * @throws ValidationException    when the new password is refused
     */
    public Services recover(Path folder, String recoveryKey, String username, char[] newPassword) throws IOException {
        SignInThrottle throttle = new SignInThrottle(folder, clock);
        try {
            throttle.check();
            List<Violation> problems = new ArrayList<>();
            checkPassword(newPassword, username, problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            KeyFile keys = KeyFile.readFrom(folder);
            Optional<RecoveryKey> recovery = RecoveryKey.parse(recoveryKey);
            Optional<KeyFile.Unlocked> unlocked = recovery.flatMap(keys::open);
            if (unlocked.isEmpty()) {
                int failures = throttle.failed();
                throw new WrongPasswordException("The recovery key is wrong", failures);
            }
            String user = KeyFile.normalUser(username);
            DatabaseKey key = settled(folder, keys, unlocked.get());
            Services services = open(folder, key, user, throttle, AuditAction.SIGN_IN, false, Optional.empty());
            try {
                KeyFile next = KeyFile.readFrom(folder).withClinician(user, newPassword, key);
                RecipientStore recipients = new RecipientStore(services.database());
                if (unlocked.get().legacy()) {
                    refuseDowngrade(services, KeyFile.RECOVERY);
                    // the recovery key's entry of format 1 gets its key pair now that the recovery key is at hand
                    next = next.withRecovery(key, recovery.get());
                }
                next.writeTo(folder);
                recipients.register(next, user, OffsetDateTime.now(clock));
                if (unlocked.get().legacy()) {
                    recipients.register(next, KeyFile.RECOVERY, OffsetDateTime.now(clock));
                }
                services.session().signWith(next.open(user, newPassword).flatMap(KeyFile.Unlocked::signer)
                        .orElse(null));
                services.audit().record(AuditAction.ACCOUNT, null, "password of " + user + " set with the recovery key");
                return services;
            } catch (IOException | RuntimeException e) {
                services.close();
                throw e;
            }
        } finally {
            wipe(newPassword);
        }
    }

    /**
     * The key the database is in: the one unwrapped, or, when a rotation of the key was interrupted (the
     * key file holds a next key), the next one once the rotation is finished here.
     */
    private static DatabaseKey settled(Path folder, KeyFile keys, KeyFile.Unlocked unlocked) throws IOException {
        if (unlocked.next().isEmpty()) {
            return unlocked.key();
        }
        KeyRotation.Settled settled = KeyRotation.settleAtSignIn(folder, keys, unlocked.key(), unlocked.next().get());
        if (!settled.finished()) {
            // an administrator's removal stopped before the database was re-encrypted (or a key file was
            // written with a next key by someone else): nothing was changed; the removal is to be done again
            LoggerFactory.getLogger(ClinicAccess.class).warn("An unfinished change of the database key was given up "
                    + "at sign-in; the database keeps its key");
        }
        return settled.key();
    }

    /**
     * Refuses an entry of format 1 (from before key pairs) for a recipient the database already knows by
     * the fingerprint of a key pair: such an entry was written back by hand (anyone who holds the database
     * key can write one, under a password or a recovery key of her own choosing), and upgrading it would
     * register her keys as that recipient's.
     */
    private static void refuseDowngrade(Services services, String recipient) {
        if (new RecipientStore(services.database()).fingerprintOf(recipient) != null) {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.OTHER_KEY_FILE, null);
        }
    }

    /**
     * Gives {@code user}'s entry of format 1 (from before key pairs) its key pair, with the password she
     * signed in with, and records its fingerprint in the database.
     */
    private void upgrade(Path folder, Services services, String user, char[] password, DatabaseKey key)
            throws IOException {
        KeyFile upgraded = KeyFile.readFrom(folder).withClinician(user, password, key);
        upgraded.writeTo(folder);
        new RecipientStore(services.database()).register(upgraded, user, OffsetDateTime.now(clock));
        services.session().signWith(upgraded.open(user, password).flatMap(KeyFile.Unlocked::signer).orElse(null));
        services.audit().record(AuditAction.ACCOUNT, null, "key pair of " + user + " made (key file upgraded)");
    }

    /**
     * @param ownPassword the key was unwrapped with {@code user}'s own entry in the key file: when the
     *                    database has no account at all (a set-up stopped before it wrote the first one),
     *                    she becomes its first administrator
     */
    private Services open(Path folder, DatabaseKey key, String user, SignInThrottle throttle, AuditAction action,
            boolean ownPassword, Optional<Signer> signer) throws IOException {
        if (Database.existsIn(folder) && DatabaseFiles.isPlain(folder)) {
            // a set-up that stopped between writing the key file and moving the encrypted copy into place
            // leaves that copy beside the folder; any other unencrypted file beside a key file was not written
            // by Rebound, and is refused (by the open below), untouched
            DatabaseFiles.finishEncryption(folder, key);
        }
        if (KeyRotation.isOtherKey(folder, key)) {
            // never a "damaged" with an offer to restore: the records are whole, the key file is not theirs
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.OTHER_KEY_FILE, null);
        }
        Services services = Services.openExisting(folder, key, clock, locale);
        try {
            ClinicianStore clinicians = new ClinicianStore(services.database());
            Optional<Clinician> clinician = clinicians.byUsername(user);
            // only a set-up that stopped before its first account: never a database whose trail's end marker
            // records rows (an older copy, or one cut short, that lost its accounts)
            if (clinician.isEmpty() && ownPassword && clinicians.none()
                    && new AuditStore(services.database()).count() == 0
                    && trailNeverStarted(folder, key)) {
                clinician = Optional.of(new Clinician(UUID.randomUUID(), user, user, true));
                clinicians.insert(clinician.get(), OffsetDateTime.now(clock));
                services.session().signIn(clinician.get());
                services.session().signWith(signer.orElse(null));
                if (services.audit().count() == 0) {
                    services.audit().start();
                }
                // the key file set-up wrote is all there is to trust here: its entries were made by that set-up
                KeyFile keys = KeyFile.readFrom(folder);
                RecipientStore recipients = new RecipientStore(services.database());
                for (String recipient : keys.fingerprints().keySet()) {
                    if (recipient.equals(user) || recipient.equals(KeyFile.RECOVERY)) {
                        recipients.register(keys, recipient, OffsetDateTime.now(clock));
                    }
                }
                services.audit().record(AuditAction.ACCOUNT, null, "set-up finished at sign-in; administrator " + user);
            }
            if (clinician.isEmpty()) {
                int failures = throttle.failed();
                throw new WrongPasswordException("The user name or the password is wrong", failures);
            }
            services.session().signIn(clinician.get());
            services.session().signWith(signer.orElse(null));
            SignInThrottle.Success success = throttle.succeeded();
            if (success.failuresBefore() > 0) {
                services.audit().record(AuditAction.SIGN_IN_FAILED, null, success.failuresBefore()
                        + " wrong password(s) in a row before this sign-in");
            }
            keepCounter(services, success);
            services.audit().record(action, null, null);
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** No end marker beside the database, or one (intact) that records no row: the trail was never started. */
    private static boolean trailNeverStarted(Path folder, DatabaseKey key) {
        return !Files.exists(folder.resolve(AuditStore.HEAD_FILE))
                || AuditStore.recordedRows(folder, key).orElse(-1) == 0;
    }

    /**
     * Keeps the wrong-password counter's new id in the database, and puts in the audit trail that the
     * counter file no longer carries the id kept at the last sign-in: it was deleted, replaced or put back
     * from a copy in between, which resets the wait after wrong passwords.
     */
    private static void keepCounter(Services services, SignInThrottle.Success success) {
        Optional<String> kept = services.settings().signInCounter();
        if (kept.isPresent() && !kept.get().equals(success.previousCounterId())) {
            services.audit().record(AuditAction.SIGN_IN_FAILED, null, "the wrong-password counter ("
                    + SignInThrottle.FILE_NAME + ") was deleted, replaced or put back from a copy since the last "
                    + "sign-in; wrong passwords in between may not have been counted");
        }
        if (!success.counterId().equals(kept.orElse(""))) {
            services.settings().setSignInCounter(success.counterId());
        }
    }

    /**
     * Prints the recovery key sheet of the clinic {@code services} are open on through the system's print
     * dialog (never to a file), with the fingerprint of the signed-in administrator's signing key; false
     * when the clinician cancels. Blocks: not on the JavaFX thread.
     */
    public static boolean printRecoveryKey(Services services, String recoveryKey, Locale locale, Clock clock)
            throws PrinterException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new PrinterException("No printing on a computer without a display");
        }
        byte[] pdf = recoveryKeySheet(services, recoveryKey, locale, clock);
        return HandoutPages.print(pdf, "Rebound recovery key");
    }

    /** The recovery key sheet as PDF bytes (printed, never saved). */
    static byte[] recoveryKeySheet(Services services, String recoveryKey, Locale locale, Clock clock) {
        String clinicName = services.settings().load().clinicName();
        String administrator = services.session().clinician().map(Clinician::username).orElse(null);
        // the key she signs with now, never a lookup by date: two keys registered in the same second tied
        String fingerprint = administrator == null ? null
                : services.session().signer().map(Signer::fingerprint).orElse(null);
        return RecoveryKeySheet.render(PaperSize.defaultFor(locale),
                clinicName == null ? "" : clinicName, LocalDate.now(clock).toString(), recoveryKey,
                administrator, fingerprint == null ? null : Fingerprints.grouped(fingerprint));
    }

    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
