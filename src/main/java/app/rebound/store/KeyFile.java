package app.rebound.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The key file of a data folder ({@value #FILE_NAME}): the database key wrapped once for each
 * clinician and once for the recovery key, and nothing else secret. A clinician's wrapping key is
 * derived from her password with PBKDF2-HMAC-SHA256 ({@value #ITERATIONS} iterations, OWASP's
 * minimum); the database key is wrapped with AES-256-GCM, the user name bound in as associated
 * data, so an entry cannot be moved to another name. Changing a password or adding a clinician
 * rewraps the same key: the database is never re-encrypted. The file is immutable; every change
 * returns a new one, written with {@link #writeTo}.
 */
public final class KeyFile {

    public static final String FILE_NAME = "rebound.keys";

    /** PBKDF2-HMAC-SHA256 iterations for a password (OWASP 2023: at least 600,000). */
    public static final int ITERATIONS = 600_000;

    private static final int FORMAT = 1;
    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Jackson's streaming parser and generator, loaded on first use (not when the first window asks
     * whether the folder is set up). Not its ObjectMapper: making one took a quarter of a second of every
     * command's sign-in, for a file of twenty lines.
     */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** One wrapped copy of the database key. */
    record Entry(String kdf, int iterations, byte[] salt, byte[] nonce, byte[] wrapped) {
    }

    /** The key file cannot be read: missing parts, or not a key file at all. */
    public static final class DamagedKeyFileException extends StoreException {
        private static final long serialVersionUID = 1L;

        DamagedKeyFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, Entry> clinicians;
    private final Entry recovery;
    private final int iterations;

    private KeyFile(Map<String, Entry> clinicians, Entry recovery, int iterations) {
        this.clinicians = Map.copyOf(clinicians);
        this.recovery = recovery;
        this.iterations = iterations;
    }

    /**
     * A new key file for {@code key}: the recovery key's entry and no clinician yet.
     *
     * @param iterations PBKDF2 iterations for the passwords wrapped by this file from now on
     *                   ({@link #ITERATIONS}; tests may pass fewer)
     */
    public static KeyFile create(DatabaseKey key, RecoveryKey recoveryKey, int iterations) {
        return new KeyFile(Map.of(), wrapWithRecovery(key, recoveryKey), iterations);
    }

    public static boolean existsIn(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_NAME));
    }

    public static KeyFile readFrom(Path folder) throws IOException {
        byte[] bytes = Files.readAllBytes(folder.resolve(FILE_NAME));
        Object root;
        try (JsonParser parser = Json.FACTORY.createParser(bytes)) {
            root = parser.nextToken() == null ? null : value(parser);
        } catch (JsonProcessingException e) {
            throw new DamagedKeyFileException("the key file is damaged", e);
        }
        if (!(root instanceof Map<?, ?> file) || integer(file, "format", -1) != FORMAT) {
            throw new DamagedKeyFileException("the key file has an unknown format", null);
        }
        Map<String, Entry> clinicians = new LinkedHashMap<>();
        if (file.get("clinicians") instanceof List<?> list) {
            for (Object each : list) {
                Map<?, ?> clinician = each instanceof Map<?, ?> map ? map : Map.of();
                clinicians.put(text(clinician, "user", ""), entry(clinician));
            }
        }
        Map<?, ?> recovery = file.get("recovery") instanceof Map<?, ?> map ? map : Map.of();
        return new KeyFile(clinicians, entry(recovery), integer(file, "iterations", ITERATIONS));
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

    private static Entry entry(Map<?, ?> object) {
        Base64.Decoder b64 = Base64.getDecoder();
        if (object.get("wrapped") == null) {
            throw new DamagedKeyFileException("the key file is damaged (an entry has no key)", null);
        }
        Entry entry;
        try {
            entry = new Entry(text(object, "kdf", KDF), integer(object, "iterations", 0),
                    b64.decode(text(object, "salt", "")), b64.decode(text(object, "nonce", "")),
                    b64.decode(text(object, "wrapped", "")));
        } catch (IllegalArgumentException e) {
            throw new DamagedKeyFileException("the key file is damaged", e);
        }
        // an empty salt or nonce would fail deep inside the JCE (IllegalArgumentException), not as damage
        if (entry.salt().length == 0 || entry.nonce().length == 0 || entry.wrapped().length == 0) {
            throw new DamagedKeyFileException("the key file is damaged (an entry has an empty part)", null);
        }
        return entry;
    }

    /**
     * Writes the file into the folder through {@link AtomicFile} (owner only, forced to the disk), so a
     * crash leaves the old key file or the new one.
     */
    public void writeTo(Path folder) throws IOException {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        try (JsonGenerator json = Json.FACTORY.createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("about", "Rebound key file: the database key, wrapped for each clinician. Keep it "
                    + "with the database; without it the records cannot be opened.");
            json.writeNumberField("iterations", iterations);
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
        json.writeStringField("nonce", b64.encodeToString(entry.nonce()));
        json.writeStringField("wrapped", b64.encodeToString(entry.wrapped()));
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

    /** The database key, if {@code password} is {@code user}'s; about 0.2–0.8 s of PBKDF2. */
    public Optional<DatabaseKey> unwrap(String user, char[] password) {
        Entry entry = clinicians.get(normalUser(user));
        if (entry == null) {
            // the same work as a real attempt, so the time taken does not tell which names exist
            passwordKey(password, new byte[SALT_BYTES], iterations);
            return Optional.empty();
        }
        byte[] kek = passwordKey(password, entry.salt(), entry.iterations());
        return unwrap(entry, kek, aad("clinician:" + normalUser(user)));
    }

    /** The database key, if {@code recoveryKey} is this file's recovery key. */
    public Optional<DatabaseKey> unwrap(RecoveryKey recoveryKey) {
        return unwrap(recovery, recoveryKey.wrappingKey(recovery.salt()), aad("recovery"));
    }

    /** This file with {@code user}'s entry (added, or replaced for a new password). */
    public KeyFile withClinician(String user, char[] password, DatabaseKey key) {
        String name = normalUser(user);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a clinician needs a user name");
        }
        byte[] salt = random(SALT_BYTES);
        Entry entry = wrap(key, passwordKey(password, salt, iterations), salt, iterations,
                aad("clinician:" + name));
        Map<String, Entry> next = new LinkedHashMap<>(clinicians);
        next.put(name, entry);
        return new KeyFile(next, recovery, iterations);
    }

    public KeyFile withoutClinician(String user) {
        Map<String, Entry> next = new LinkedHashMap<>(clinicians);
        next.remove(normalUser(user));
        return new KeyFile(next, recovery, iterations);
    }

    /** This file with a new recovery key (the old one no longer opens it). */
    public KeyFile withRecovery(DatabaseKey key, RecoveryKey recoveryKey) {
        return new KeyFile(clinicians, wrapWithRecovery(key, recoveryKey), iterations);
    }

    private static Entry wrapWithRecovery(DatabaseKey key, RecoveryKey recoveryKey) {
        byte[] salt = random(SALT_BYTES);
        return wrap(key, recoveryKey.wrappingKey(salt), salt, 0, aad("recovery"));
    }

    private static Entry wrap(DatabaseKey key, byte[] kek, byte[] salt, int iterations, byte[] aad) {
        byte[] nonce = random(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return new Entry(KDF, iterations, salt, nonce, cipher.doFinal(key.bytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java", e);
        }
    }

    private static Optional<DatabaseKey> unwrap(Entry entry, byte[] kek, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"),
                    new GCMParameterSpec(TAG_BITS, entry.nonce()));
            cipher.updateAAD(aad);
            return Optional.of(DatabaseKey.of(cipher.doFinal(entry.wrapped())));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DamagedKeyFileException("the key file is damaged", e);
        }
    }

    private static byte[] passwordKey(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, Math.max(1, iterations), 256);
            try {
                return SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2-HMAC-SHA256 is missing from this Java", e);
        }
    }

    private static byte[] aad(String what) {
        return ("rebound-key-v1:" + what).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
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
}
