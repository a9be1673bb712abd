package app.rebound.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A key file in the format Rebound wrote before key pairs (format 1): the database key wrapped
 * directly under each password (PBKDF2 + AES-GCM, only the name bound in) and under the recovery key,
 * byte for byte as that release wrote it. For the tests of the upgrade.
 */
public final class LegacyKeyFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LegacyKeyFile() {
    }

    /** Writes a format-1 key file for {@code key}: each of {@code passwords} (user → password), and the recovery key. */
    public static void write(Path folder, DatabaseKey key, RecoveryKey recovery, Map<String, String> passwords,
            int iterations) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.put("about", "Rebound key file: the database key, wrapped for each clinician. Keep it with the database; "
                + "without it the records cannot be opened.");
        root.put("iterations", iterations);
        ArrayNode clinicians = root.putArray("clinicians");
        for (Map.Entry<String, String> each : new LinkedHashMap<>(passwords).entrySet()) {
            byte[] salt = SealedKey.random(16);
            byte[] kek = pbkdf2(each.getValue().toCharArray(), salt, iterations);
            ObjectNode entry = clinicians.addObject();
            entry.put("user", each.getKey());
            fields(entry, iterations, salt, SealedKey.wrap(kek, key.bytes(), aad("clinician:" + each.getKey())));
        }
        byte[] salt = SealedKey.random(16);
        fields(root.putObject("recovery"), 0, salt, SealedKey.wrap(recovery.wrappingKey(salt), key.bytes(),
                aad("recovery")));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(KeyFile.FILE_NAME), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(root));
    }

    private static void fields(ObjectNode entry, int iterations, byte[] salt, SealedKey.Wrapped wrapped) {
        Base64.Encoder b64 = Base64.getEncoder();
        entry.put("kdf", "PBKDF2WithHmacSHA256");
        entry.put("iterations", iterations);
        entry.put("salt", b64.encodeToString(salt));
        entry.put("nonce", b64.encodeToString(wrapped.nonce()));
        entry.put("wrapped", b64.encodeToString(wrapped.bytes()));
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
    }

    private static byte[] aad(String what) {
        return ("rebound-key-v1:" + what).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the entry of {@code user} in the folder's key file is still of format 1. */
    public static boolean isLegacy(Path folder, String user) throws IOException {
        for (var entry : JSON.readTree(folder.resolve(KeyFile.FILE_NAME).toFile()).get("clinicians")) {
            if (entry.get("user").asText().equals(user)) {
                return !entry.has("public");
            }
        }
        throw new IllegalArgumentException("no entry for " + user);
    }
}
