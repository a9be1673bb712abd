package app.rebound.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The key file of a data folder ({@value #FILE_NAME}). Each clinician, and the recovery key, is a
 * <em>recipient</em>: an X25519 key pair whose private key is wrapped (AES-256-GCM) under her password
 * (PBKDF2-HMAC-SHA256, at least {@link PasswordKdf#FLOOR} iterations) or under the recovery key, and
 * the database key sealed to its public key ({@link SealedKey}). The associated data of the wrapped
 * private key binds the recipient's name, the KDF, its iterations, its salt and the public key, so none
 * of them can be changed, nor an entry moved to another name, without the entry failing to open.
 *
 * <p>Because the database key is sealed to public keys, an administrator can seal a new one to everyone
 * who remains without their passwords ({@link #rotatingTo}): removing a clinician rotates the key. While
 * a rotation is under way the file holds both keys ({@code next} beside each {@code key}); see
 * {@link KeyRotation}.
 *
 * <p>Files of format 1 (before key pairs: the database key wrapped directly under each password) are
 * read; such an entry is upgraded when its owner next signs in. The file is immutable; every change
 * returns a new one, written with {@link #writeTo}. It holds nothing that opens the records by itself,
 * and it is not trusted either: the fingerprints of the public keys are kept in the encrypted database
 * ({@link RecipientStore}) and checked before a new key is sealed to them.
 */
public final class KeyFile {

    public static final String FILE_NAME = "rebound.keys";

    /** PBKDF2-HMAC-SHA256 iterations for a password (OWASP 2023: at least 600,000). */
    public static final int ITERATIONS = PasswordKdf.FLOOR;

    /** The recipient name of the recovery key. */
    public static final String RECOVERY = "#recovery";

    private static final int FORMAT = 2;
    private static final int LEGACY_FORMAT = 1;
    private static final int SALT_BYTES = PasswordWrap.SALT_BYTES;

    /**
     * Jackson's streaming parser and generator, loaded on first use (not when the first window asks
     * whether the folder is set up). Not its ObjectMapper: making one took a quarter of a second of every
     * command's sign-in, for a file of twenty lines.
     */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /**
     * One recipient. A current entry has {@code publicKey}, {@code privateKey} and {@code key} (and
     * {@code next} during a rotation); an entry of format 1 has only {@code legacy}, the database key
     * wrapped under the password itself.
     */
    record Entry(String kdf, int iterations, byte[] salt, byte[] publicKey, SealedKey.Wrapped privateKey,
            SealedKey.Sealed key, SealedKey.Sealed next, SealedKey.Wrapped legacy, byte[] signingPublic,
            SealedKey.Wrapped signingPrivate) {

        boolean isLegacy() {
            return publicKey == null;
        }

        Entry withNext(SealedKey.Sealed sealed) {
            return new Entry(kdf, iterations, salt, publicKey, privateKey, key, sealed, legacy, signingPublic,
                    signingPrivate);
        }

        Entry rotated() {
            return new Entry(kdf, iterations, salt, publicKey, privateKey, next, null, legacy, signingPublic,
                    signingPrivate);
        }
    }

    /**
     * What a password or the recovery key opened: the database key, the next one during a rotation, and a
     * clinician's signing key for the audit trail (none for the recovery key or an entry of format 1).
     */
    public record Unlocked(DatabaseKey key, Optional<DatabaseKey> next, boolean legacy, Optional<Signer> signer) {

        @Override
        public String toString() {
            return "Unlocked[not shown]";
        }
    }

    /** The key file cannot be read: missing parts, or not a key file at all. */
    public static final class DamagedKeyFileException extends StoreException {
        private static final long serialVersionUID = 1L;

        DamagedKeyFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The key file is readable but breaks a rule Rebound keeps (e.g. too few PBKDF2 iterations): refused. */
    public static final class RefusedKeyFileException extends StoreException {
        private static final long serialVersionUID = 1L;

        RefusedKeyFileException(String message) {
            super(message + "; restore the key file from a backup", null);
        }
    }

    /** A rotation needs every recipient in the current format; these have not signed in since the update. */
    public static final class NotUpgradedException extends StoreException {
        private static final long serialVersionUID = 1L;
        private final List<String> users;

        NotUpgradedException(List<String> users) {
            super("These clinicians have not signed in since Rebound's update, so no new key can be made for them: "
                    + String.join(", ", users) + ". Ask them to sign in once, or reset their passwords, then try again",
                    null);
            this.users = List.copyOf(users);
        }

        public List<String> users() {
            return users;
        }
    }

    private final Map<String, Entry> clinicians;
    private final Entry recovery;

    private KeyFile(Map<String, Entry> clinicians, Entry recovery) {
        this.clinicians = Map.copyOf(clinicians);
        this.recovery = recovery;
    }

    /** A new key file for {@code key}: the recovery key's entry and no clinician yet. */
    public static KeyFile create(DatabaseKey key, RecoveryKey recoveryKey) {
        return new KeyFile(Map.of(), recoveryEntry(key, recoveryKey));
    }

    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_NAME));
    }

    /**
     * Reads the key file.
     *
     * @throws DamagedKeyFileException when it is not a key file or parts are missing
     * @throws RefusedKeyFileException when an entry asks for fewer PBKDF2 iterations than the floor
     */
    public static KeyFile readFrom(Path folder) throws IOException {
        byte[] bytes = Files.readAllBytes(folder.resolve(FILE_NAME));
        Object root;
        try (JsonParser parser = Json.FACTORY.createParser(bytes)) {
            root = parser.nextToken() == null ? null : value(parser);
        } catch (JsonProcessingException e) {
            throw new DamagedKeyFileException("the key file is damaged", e);
        }
        int format = root instanceof Map<?, ?> file ? integer(file, "format", -1) : -1;
        if (format != FORMAT && format != LEGACY_FORMAT) {
            throw new DamagedKeyFileException("the key file has an unknown format", null);
        }
        Map<?, ?> file = (Map<?, ?>) root;
        // format 1's top-level "iterations" is not read: the count for new entries is Rebound's, not the file's
        Map<String, Entry> clinicians = new LinkedHashMap<>();
        if (file.get("clinicians") instanceof List<?> list) {
            for (Object each : list) {
                Map<?, ?> clinician = each instanceof Map<?, ?> map ? map : Map.of();
                clinicians.put(text(clinician, "user", ""), entry(clinician, true));
            }
        }
        Map<?, ?> recovery = file.get("recovery") instanceof Map<?, ?> map ? map : Map.of();
        return new KeyFile(clinicians, entry(recovery, false));
    }

    /** The value at the parser's current token: a map, a list, a string, a number, a boolean or null. */
    private static Object value(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }

    private static int integer(Map<?, ?> object, String name, int otherwise) {
        return object.get(name) instanceof Number number ? number.intValue() : otherwise;
    }

    private static String text(Map<?, ?> object, String name, String otherwise) {
        Object value = object.get(name);
        return value == null ? otherwise : value.toString();
    }

    private static byte[] bytes(Map<?, ?> object, String name) {
        byte[] bytes = Base64.getDecoder().decode(text(object, name, ""));
        if (bytes.length == 0) {
            // an empty salt or nonce would fail deep inside the JCE (IllegalArgumentException), not as damage
            throw new DamagedKeyFileException("the key file is damaged (an entry has no " + name + ")", null);
        }
        return bytes;
    }

    private static Map<?, ?> object(Map<?, ?> object, String name) {
        if (!(object.get(name) instanceof Map<?, ?> map)) {
            throw new DamagedKeyFileException("the key file is damaged (an entry has no " + name + ")", null);
        }
        return map;
    }

    private static Entry entry(Map<?, ?> object, boolean password) {
        try {
            String kdf = text(object, "kdf", PasswordKdf.NAME);
            int iterations = integer(object, "iterations", 0);
            byte[] salt = bytes(object, "salt");
            if (password && !new PasswordWrap.Kdf(kdf, iterations, salt).acceptable()) {
                throw new RefusedKeyFileException("the key file's entry for " + text(object, "user", "?")
                        + " asks for " + kdf + " with " + iterations + " iterations; Rebound requires "
                        + PasswordKdf.NAME + " with " + PasswordKdf.floor() + " to " + PasswordKdf.CEILING);
            }
            if (!object.containsKey("public")) {
                return new Entry(kdf, iterations, salt, null, null, null, null,
                        new SealedKey.Wrapped(bytes(object, "nonce"), bytes(object, "wrapped")), null, null);
            }
            Map<?, ?> privateKey = object(object, "private");
            Map<?, ?> signing = object.get("signing") == null ? null : object(object, "signing");
            return new Entry(kdf, iterations, salt, bytes(object, "public"),
                    new SealedKey.Wrapped(bytes(privateKey, "nonce"), bytes(privateKey, "wrapped")),
                    sealed(object(object, "key")),
                    object.get("next") == null ? null : sealed(object(object, "next")), null,
                    signing == null ? null : bytes(signing, "public"),
                    signing == null ? null : new SealedKey.Wrapped(bytes(object(signing, "private"), "nonce"),
                            bytes(object(signing, "private"), "wrapped")));
        } catch (IllegalArgumentException e) {
            throw new DamagedKeyFileException("the key file is damaged", e);
        }
    }

    private static SealedKey.Sealed sealed(Map<?, ?> object) {
        return new SealedKey.Sealed(bytes(object, "ephemeral"), bytes(object, "nonce"), bytes(object, "wrapped"));
    }

    /**
     * Writes the file into the folder through {@link AtomicFile} (owner only, forced to the disk), so a
     * crash leaves the old key file or the new one.
     */
    public void writeTo(Path folder) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.FACTORY.createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("about", "Rebound key file: the database key, sealed for each clinician. Keep it "
                    + "with the database; without it the records cannot be opened.");
            json.writeArrayFieldStart("clinicians");
            for (Map.Entry<String, Entry> clinician : clinicians.entrySet()) {
                json.writeStartObject();
                json.writeStringField("user", clinician.getKey());
                fields(json, clinician.getValue());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("recovery");
            fields(json, recovery);
            json.writeEndObject();
            json.writeEndObject();
        }
        byte[] bytes = text.toByteArray();
        FilePermissions.createFolder(folder);
        AtomicFile.write(folder.resolve(FILE_NAME), out -> out.write(bytes));
    }

    private static void fields(JsonGenerator json, Entry entry) throws IOException {
        Base64.Encoder b64 = Base64.getEncoder();
        json.writeStringField("kdf", entry.kdf());
        json.writeNumberField("iterations", entry.iterations());
        json.writeStringField("salt", b64.encodeToString(entry.salt()));
        if (entry.isLegacy()) {
            json.writeStringField("nonce", b64.encodeToString(entry.legacy().nonce()));
            json.writeStringField("wrapped", b64.encodeToString(entry.legacy().bytes()));
            return;
        }
        json.writeStringField("public", b64.encodeToString(entry.publicKey()));
        json.writeObjectFieldStart("private");
        json.writeStringField("nonce", b64.encodeToString(entry.privateKey().nonce()));
        json.writeStringField("wrapped", b64.encodeToString(entry.privateKey().bytes()));
        json.writeEndObject();
        sealedField(json, "key", entry.key());
        if (entry.next() != null) {
            sealedField(json, "next", entry.next());
        }
        if (entry.signingPublic() != null) {
            json.writeObjectFieldStart("signing");
            json.writeStringField("public", b64.encodeToString(entry.signingPublic()));
            json.writeObjectFieldStart("private");
            json.writeStringField("nonce", b64.encodeToString(entry.signingPrivate().nonce()));
            json.writeStringField("wrapped", b64.encodeToString(entry.signingPrivate().bytes()));
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private static void sealedField(JsonGenerator json, String name, SealedKey.Sealed sealed) throws IOException {
        Base64.Encoder b64 = Base64.getEncoder();
        json.writeObjectFieldStart(name);
        json.writeStringField("ephemeral", b64.encodeToString(sealed.ephemeral()));
        json.writeStringField("nonce", b64.encodeToString(sealed.nonce()));
        json.writeStringField("wrapped", b64.encodeToString(sealed.bytes()));
        json.writeEndObject();
    }

    /** The user name as the file keys it: trimmed, NFC, lower case. */
    public static String normalUser(String user) {
        return Normalizer.normalize(user == null ? "" : user.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    public boolean has(String user) {
        return clinicians.containsKey(normalUser(user));
    }

    public List<String> users() {
        return new ArrayList<>(clinicians.keySet());
    }

    /** Whether a rotation of the database key was begun and not finished. */
    public boolean rotating() {
        return recovery.next() != null || clinicians.values().stream().anyMatch(e -> e.next() != null);
    }

    /** Whether the recovery key's entry is still of format 1 (a rotation needs a new recovery key then). */
    public boolean recoveryIsLegacy() {
        return recovery.isLegacy();
    }

    /**
     * The fingerprint (SHA-256 of the public key) of every recipient in the current format, the recovery
     * key as {@link #RECOVERY}: what the encrypted database must agree with before a key is sealed to them.
     */
    public Map<String, String> fingerprints() {
        Map<String, String> out = new LinkedHashMap<>();
        clinicians.forEach((user, entry) -> {
            if (!entry.isLegacy()) {
                out.put(user, SealedKey.fingerprint(entry.publicKey()));
            }
        });
        if (!recovery.isLegacy()) {
            out.put(RECOVERY, SealedKey.fingerprint(recovery.publicKey()));
        }
        return out;
    }

    /** The database key, if {@code password} is {@code user}'s; about 0.2–0.8 s of PBKDF2. */
    public Optional<DatabaseKey> unwrap(String user, char[] password) {
        return open(user, password).map(Unlocked::key);
    }

    /** What {@code password} opens of {@code user}'s entry: the key(s), and whether the entry is of format 1. */
    public Optional<Unlocked> open(String user, char[] password) {
        String name = normalUser(user);
        Entry entry = clinicians.get(name);
        if (entry == null) {
            // the same work as a real attempt, so the time taken does not tell which names exist
            PasswordKdf.derive(password, new byte[SALT_BYTES], PasswordKdf.floor());
            return Optional.empty();
        }
        byte[] kek = PasswordKdf.derive(password, entry.salt(), entry.iterations());
        try {
            return open(entry, kek, "clinician:" + name);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The database key, if {@code recoveryKey} is this file's recovery key. */
    public Optional<DatabaseKey> unwrap(RecoveryKey recoveryKey) {
        return open(recoveryKey).map(Unlocked::key);
    }

    public Optional<Unlocked> open(RecoveryKey recoveryKey) {
        byte[] kek = recoveryKey.wrappingKey(recovery.salt());
        try {
            return open(recovery, kek, "recovery");
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static Optional<Unlocked> open(Entry entry, byte[] kek, String who) {
        if (entry.isLegacy()) {
            return SealedKey.unwrap(kek, entry.legacy(), legacyAad(who))
                    .map(bytes -> new Unlocked(key(bytes), Optional.empty(), true, Optional.empty()));
        }
        Optional<byte[]> privateBytes = SealedKey.unwrap(kek, entry.privateKey(), privateAad(who, entry));
        if (privateBytes.isEmpty()) {
            return Optional.empty();
        }
        PrivateKey privateKey = SealedKey.privateKey(privateBytes.get());
        Arrays.fill(privateBytes.get(), (byte) 0);
        byte[] aad = sealAad(who, entry.publicKey());
        DatabaseKey key = key(SealedKey.open(entry.key(), privateKey, entry.publicKey(), aad).orElseThrow(
                () -> new DamagedKeyFileException("the key file is damaged (a sealed key does not open)", null)));
        Optional<DatabaseKey> next = entry.next() == null ? Optional.empty()
                : Optional.of(key(SealedKey.open(entry.next(), privateKey, entry.publicKey(), aad).orElseThrow(
                        () -> new DamagedKeyFileException("the key file is damaged (a sealed key does not open)",
                                null))));
        Optional<Signer> signer = Optional.empty();
        if (entry.signingPublic() != null) {
            byte[] signingBytes = SealedKey.unwrap(kek, entry.signingPrivate(), signingAad(who, entry)).orElseThrow(
                    () -> new DamagedKeyFileException("the key file is damaged (a signing key does not open)", null));
            signer = Optional.of(new Signer(Signer.privateKey(signingBytes), entry.signingPublic()));
            Arrays.fill(signingBytes, (byte) 0);
        }
        return Optional.of(new Unlocked(key, next, false, signer));
    }

    private static DatabaseKey key(byte[] bytes) {
        try {
            return DatabaseKey.of(bytes);
        } catch (IllegalArgumentException e) {
            throw new DamagedKeyFileException("the key file is damaged (a key of the wrong length)", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * This file with {@code user}'s entry (added, or replaced for a new password): a new key pair, its
     * private key wrapped under the password, {@code key} sealed to it.
     */
    public KeyFile withClinician(String user, char[] password, DatabaseKey key) {
        String name = normalUser(user);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a clinician needs a user name");
        }
        byte[] salt = SealedKey.random(SALT_BYTES);
        int iterations = PasswordKdf.floor();
        byte[] kek = PasswordKdf.derive(password, salt, iterations);
        try {
            Map<String, Entry> next = new LinkedHashMap<>(clinicians);
            next.put(name, newEntry(key, kek, salt, iterations, "clinician:" + name, true));
            return new KeyFile(next, recovery);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    public KeyFile withoutClinician(String user) {
        Map<String, Entry> next = new LinkedHashMap<>(clinicians);
        next.remove(normalUser(user));
        return new KeyFile(next, recovery);
    }

    /** This file with a new recovery key (the old one no longer opens it). */
    public KeyFile withRecovery(DatabaseKey key, RecoveryKey recoveryKey) {
        return new KeyFile(clinicians, recoveryEntry(key, recoveryKey));
    }

    private static Entry recoveryEntry(DatabaseKey key, RecoveryKey recoveryKey) {
        byte[] salt = SealedKey.random(SALT_BYTES);
        byte[] kek = recoveryKey.wrappingKey(salt);
        try {
            return newEntry(key, kek, salt, 0, "recovery", false);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static Entry newEntry(DatabaseKey key, byte[] kek, byte[] salt, int iterations, String who,
            boolean signing) {
        KeyPair pair = SealedKey.newKeyPair();
        byte[] publicKey = pair.getPublic().getEncoded();
        byte[] privateBytes = pair.getPrivate().getEncoded();
        KeyPair signingPair = signing ? Signer.newKeyPair() : null;
        byte[] signingPublic = signing ? signingPair.getPublic().getEncoded() : null;
        byte[] signingBytes = signing ? signingPair.getPrivate().getEncoded() : new byte[0];
        Entry shape = new Entry(PasswordKdf.NAME, iterations, salt, publicKey, null, null, null, null, signingPublic,
                null);
        try {
            SealedKey.Wrapped privateKey = SealedKey.wrap(kek, privateBytes, privateAad(who, shape));
            SealedKey.Wrapped signingPrivate = signing ? SealedKey.wrap(kek, signingBytes, signingAad(who, shape))
                    : null;
            byte[] raw = key.bytes();
            try {
                return new Entry(PasswordKdf.NAME, iterations, salt, publicKey, privateKey,
                        SealedKey.seal(raw, publicKey, sealAad(who, publicKey)), null, null, signingPublic,
                        signingPrivate);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } finally {
            Arrays.fill(privateBytes, (byte) 0);
            Arrays.fill(signingBytes, (byte) 0);
        }
    }

    /** The signing key's public half of {@code user}'s entry, encoded, or empty (format 1, or no such user). */
    public Optional<byte[]> signingPublicKeyOf(String user) {
        Entry entry = clinicians.get(normalUser(user));
        return entry == null || entry.signingPublic() == null ? Optional.empty()
                : Optional.of(entry.signingPublic().clone());
    }

    /**
     * This file with {@code next} sealed beside the current key for every recipient: the first step of a
     * rotation ({@link KeyRotation}). Needs no password.
     *
     * @throws NotUpgradedException when a clinician's entry is still of format 1 (the recovery key's may be:
     *                              replace it with {@link #withRecovery} first)
     */
    public KeyFile rotatingTo(DatabaseKey next) {
        List<String> legacy = clinicians.entrySet().stream().filter(e -> e.getValue().isLegacy())
                .map(Map.Entry::getKey).toList();
        if (!legacy.isEmpty()) {
            throw new NotUpgradedException(legacy);
        }
        if (recovery.isLegacy()) {
            throw new IllegalStateException("the recovery key's entry must be replaced before a rotation");
        }
        byte[] raw = next.bytes();
        try {
            Map<String, Entry> sealed = new LinkedHashMap<>();
            clinicians.forEach((user, entry) -> sealed.put(user, entry.withNext(
                    SealedKey.seal(raw, entry.publicKey(), sealAad("clinician:" + user, entry.publicKey())))));
            return new KeyFile(sealed, recovery.withNext(
                    SealedKey.seal(raw, recovery.publicKey(), sealAad("recovery", recovery.publicKey()))));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** This file without its next key: a rotation given up before the database was re-encrypted. */
    public KeyFile abandoned() {
        Map<String, Entry> kept = new LinkedHashMap<>();
        clinicians.forEach((user, entry) -> kept.put(user, entry.withNext(null)));
        return new KeyFile(kept, recovery.withNext(null));
    }

    /** This file with the next key as the key: the last step of a rotation. */
    public KeyFile rotated() {
        Map<String, Entry> done = new LinkedHashMap<>();
        clinicians.forEach((user, entry) -> done.put(user, entry.next() == null ? entry : entry.rotated()));
        return new KeyFile(done, recovery.next() == null ? recovery : recovery.rotated());
    }

    /**
     * The associated data of a wrapped private key: who, and every parameter of her KDF and her public
     * key, so that none of them can be changed in the file without the entry failing to open.
     */
    private static byte[] privateAad(String who, Entry entry) {
        return PasswordWrap.bytes(PasswordWrap.aad("rebound-key-v2:private", who,
                new PasswordWrap.Kdf(entry.kdf(), entry.iterations(), entry.salt()))
                + "|public=" + Base64.getEncoder().encodeToString(entry.publicKey()));
    }

    /** As {@link #privateAad}, for the signing key: its public key bound in as well. */
    private static byte[] signingAad(String who, Entry entry) {
        return SealedKey.concat(privateAad(who, entry), ("|signing=" + Base64.getEncoder().encodeToString(
                entry.signingPublic())).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sealAad(String who, byte[] publicKey) {
        return ("rebound-key-v2:database-key:" + who + "|public=" + Base64.getEncoder().encodeToString(publicKey))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] legacyAad(String what) {
        return ("rebound-key-v1:" + what).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        return SealedKey.hmac(key, data);
    }
}
