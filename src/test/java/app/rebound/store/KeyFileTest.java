package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.rebound.service.ClinicAccess;

/**
 * The key file: the database key wrapped per clinician (PBKDF2 + AES-GCM, the user name bound in) and
 * for the recovery key; rewrapping never changes the key; tampering is refused, damage reported.
 */
class KeyFileTest {

    private static final int FEW = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @BeforeAll
    static void fewIterations() {
        PasswordKdf.lowerFloorForTests(FEW);
    }

    private final DatabaseKey key = DatabaseKey.random();
    private final RecoveryKey recovery = RecoveryKey.random();

    private KeyFile withAnna() {
        return KeyFile.create(key, recovery).withClinician("anna", "first password 1".toCharArray(), key);
    }

    @Test
    void theRightPasswordUnwrapsTheKeyAndAWrongPasswordOrUserDoesNot() throws Exception {
        withAnna().writeTo(folder);
        KeyFile read = KeyFile.readFrom(folder);

        assertThat(read.unwrap("anna", "first password 1".toCharArray())).contains(key);
        // the name is read as typed at sign-in: spaces around it and capitals do not matter
        assertThat(read.unwrap("  Anna ", "first password 1".toCharArray())).contains(key);
        assertThat(read.unwrap("anna", "first password 2".toCharArray())).isEmpty();
        assertThat(read.unwrap("anna", "".toCharArray())).isEmpty();
        assertThat(read.unwrap("bob", "first password 1".toCharArray())).isEmpty();
        assertThat(read.unwrap("", "first password 1".toCharArray())).isEmpty();
        assertThat(read.users()).containsExactly("anna");
    }

    @Test
    void aNewPasswordRewrapsTheSameKeyAndTheOldPasswordStopsWorking() throws Exception {
        KeyFile before = withAnna();
        before.writeTo(folder);
        String fileBefore = Files.readString(folder.resolve(KeyFile.FILE_NAME));

        before.withClinician("anna", "second password 2".toCharArray(), key).writeTo(folder);
        KeyFile after = KeyFile.readFrom(folder);

        assertThat(after.unwrap("anna", "second password 2".toCharArray())).contains(key);
        assertThat(after.unwrap("anna", "first password 1".toCharArray())).isEmpty();
        assertThat(after.unwrap(recovery)).as("the recovery key still opens it").contains(key);
        assertThat(Files.readString(folder.resolve(KeyFile.FILE_NAME))).isNotEqualTo(fileBefore);
        assertThat(after.users()).containsExactly("anna");
    }

    @Test
    void cliniciansAreAddedAndRemovedEachWithHerOwnPassword() throws Exception {
        withAnna().withClinician("Bob", "bobs password 22".toCharArray(), key).writeTo(folder);
        KeyFile both = KeyFile.readFrom(folder);

        assertThat(both.users()).containsExactlyInAnyOrder("anna", "bob");
        assertThat(both.has("BOB")).isTrue();
        assertThat(both.unwrap("bob", "bobs password 22".toCharArray())).contains(key);
        assertThat(both.unwrap("anna", "first password 1".toCharArray())).contains(key);
        assertThat(both.unwrap("bob", "first password 1".toCharArray())).as("anna's password is not bob's").isEmpty();

        both.withoutClinician("bob").writeTo(folder);
        KeyFile annaOnly = KeyFile.readFrom(folder);

        assertThat(annaOnly.has("bob")).isFalse();
        assertThat(annaOnly.unwrap("bob", "bobs password 22".toCharArray())).isEmpty();
        assertThat(annaOnly.unwrap("anna", "first password 1".toCharArray())).contains(key);
    }

    @Test
    void theRecoveryKeyUnwrapsTheKeyAndAnotherRecoveryKeyDoesNot() throws Exception {
        withAnna().writeTo(folder);
        KeyFile read = KeyFile.readFrom(folder);

        assertThat(read.unwrap(recovery)).contains(key);
        assertThat(read.unwrap(RecoveryKey.parse(recovery.text()).orElseThrow())).contains(key);
        assertThat(read.unwrap(RecoveryKey.random())).isEmpty();

        RecoveryKey next = RecoveryKey.random();
        read.withRecovery(key, next).writeTo(folder);
        assertThat(KeyFile.readFrom(folder).unwrap(next)).contains(key);
        assertThat(KeyFile.readFrom(folder).unwrap(recovery)).as("the old recovery key no longer opens it").isEmpty();
    }

    @Test
    void anyChangedPartOfAnEntryOpensNothing() throws Exception {
        withAnna().writeTo(folder);
        String[][] parts = {{"salt"}, {"public"}, {"private", "nonce"}, {"private", "wrapped"}, {"key", "ephemeral"},
            {"key", "nonce"}, {"key", "wrapped"}};
        for (String[] part : parts) {
            ObjectNode root = root();
            ObjectNode holder = (ObjectNode) root.get("clinicians").get(0);
            for (int i = 0; i < part.length - 1; i++) {
                holder = (ObjectNode) holder.get(part[i]);
            }
            String field = part[part.length - 1];
            byte[] bytes = Base64.getDecoder().decode(holder.get(field).asText());
            bytes[bytes.length - 2] ^= 0x01;
            holder.put(field, Base64.getEncoder().encodeToString(bytes));
            write(root);

            String what = String.join(".", part);
            try {
                assertThat(KeyFile.readFrom(folder).unwrap("anna", "first password 1".toCharArray())).as(what).isEmpty();
            } catch (KeyFile.DamagedKeyFileException e) {
                // a sealed key that no longer opens, or a public key that is no longer one: damage, never the key
                assertThat(e).as(what).hasMessageContaining("damaged");
            }
            withAnna().writeTo(folder);
        }
        ObjectNode root = root();
        ObjectNode rec = (ObjectNode) root.get("recovery").get("private");
        byte[] bytes = Base64.getDecoder().decode(rec.get("wrapped").asText());
        bytes[0] ^= (byte) 0x80;
        rec.put("wrapped", Base64.getEncoder().encodeToString(bytes));
        write(root);
        assertThat(KeyFile.readFrom(folder).unwrap(recovery)).isEmpty();
    }

    @Test
    void theKdfParametersAreBoundIntoTheEntry() throws Exception {
        // finding 4: an entry's iterations (or KDF) changed in the file no longer opens, even when still allowed
        withAnna().writeTo(folder);
        ObjectNode root = root();
        ((ObjectNode) root.get("clinicians").get(0)).put("iterations", FEW + 1);
        write(root);

        assertThat(KeyFile.readFrom(folder).unwrap("anna", "first password 1".toCharArray())).isEmpty();
    }

    @Test
    void anEntryBelowTheFloorIsRefusedWithAPlainMessage() throws Exception {
        for (String change : new String[] {"iterations=1", "iterations=" + (FEW - 1), "kdf=PBKDF2WithHmacSHA1",
                // above the ceiling: a stall, not safety (two billion would hang every sign-in for hours)
                "iterations=" + (PasswordKdf.CEILING + 1), "iterations=" + Integer.MAX_VALUE}) {
            withAnna().writeTo(folder);
            ObjectNode root = root();
            ObjectNode anna = (ObjectNode) root.get("clinicians").get(0);
            String[] field = change.split("=");
            if (field[0].equals("iterations")) {
                anna.put("iterations", Integer.parseInt(field[1]));
            } else {
                anna.put("kdf", field[1]);
            }
            write(root);

            assertThatThrownBy(() -> KeyFile.readFrom(folder)).as(change)
                    .isInstanceOf(KeyFile.RefusedKeyFileException.class)
                    .hasMessageContaining("anna").hasMessageContaining(FEW + " to " + PasswordKdf.CEILING)
                    .hasMessageContaining("restore the key file from a backup");
        }
    }

    @Test
    void theTopLevelIterationsOfAFileAreNeverUsedForTheNextClinician() throws Exception {
        // finding 4 as reported: "iterations": 1 at the top of the file was used for the next clinician added
        LegacyKeyFile.write(folder, key, recovery, Map.of("anna", "first password 1"), FEW);
        ObjectNode root = root();
        root.put("iterations", 1);
        write(root);

        KeyFile.readFrom(folder).withClinician("bob", "bobs password 22".toCharArray(), key).writeTo(folder);

        ObjectNode after = root();
        assertThat(after.has("iterations")).as("no top-level count is written any more").isFalse();
        JsonNode bob = null;
        for (JsonNode each : after.get("clinicians")) {
            bob = each.get("user").asText().equals("bob") ? each : bob;
        }
        assertThat(bob).isNotNull();
        assertThat(bob.get("iterations").asInt()).isEqualTo(FEW);
        assertThat(KeyFile.readFrom(folder).unwrap("bob", "bobs password 22".toCharArray())).contains(key);
    }

    @Test
    void aKeyFileOfFormatOneStillOpensAndSaysSo() throws Exception {
        LegacyKeyFile.write(folder, key, recovery, Map.of("anna", "first password 1"), FEW);
        KeyFile read = KeyFile.readFrom(folder);

        assertThat(read.open("anna", "first password 1".toCharArray())).get()
                .satisfies(u -> assertThat(u.key()).isEqualTo(key)).satisfies(u -> assertThat(u.legacy()).isTrue());
        assertThat(read.open(recovery)).get().satisfies(u -> assertThat(u.legacy()).isTrue());
        assertThat(read.unwrap("anna", "first password 2".toCharArray())).isEmpty();
        assertThat(read.recoveryIsLegacy()).isTrue();
        assertThatThrownBy(() -> read.rotatingTo(DatabaseKey.random()))
                .isInstanceOf(KeyFile.NotUpgradedException.class).hasMessageContaining("anna");
    }

    @Test
    void aRotationSealsTheNextKeyForEveryoneWithoutTheirPasswords() throws Exception {
        withAnna().withClinician("bob", "bobs password 22".toCharArray(), key).writeTo(folder);
        DatabaseKey next = DatabaseKey.random();

        KeyFile rotating = KeyFile.readFrom(folder).withoutClinician("bob").rotatingTo(next);
        rotating.writeTo(folder);
        KeyFile read = KeyFile.readFrom(folder);
        assertThat(read.rotating()).isTrue();
        assertThat(read.open("anna", "first password 1".toCharArray()).orElseThrow().next()).contains(next);
        assertThat(read.open(recovery).orElseThrow().next()).contains(next);
        assertThat(read.has("bob")).isFalse();

        read.rotated().writeTo(folder);
        KeyFile done = KeyFile.readFrom(folder);
        assertThat(done.rotating()).isFalse();
        assertThat(done.unwrap("anna", "first password 1".toCharArray())).contains(next);
        assertThat(done.unwrap(recovery)).contains(next);
    }

    @Test
    void anEntryMovedToAnotherNameDoesNotOpenForThatName() throws Exception {
        withAnna().withClinician("bob", "bobs password 22".toCharArray(), key).writeTo(folder);
        ObjectNode root = root();
        ArrayNode clinicians = (ArrayNode) root.get("clinicians");
        // swap the names: "anna" now holds bob's wrapped key, "bob" anna's
        String first = clinicians.get(0).get("user").asText();
        String second = clinicians.get(1).get("user").asText();
        ((ObjectNode) clinicians.get(0)).put("user", second);
        ((ObjectNode) clinicians.get(1)).put("user", first);
        write(root);
        KeyFile swapped = KeyFile.readFrom(folder);

        // without the name bound in as associated data, bob's password would now open "anna"
        assertThat(swapped.unwrap("anna", "bobs password 22".toCharArray())).isEmpty();
        assertThat(swapped.unwrap("bob", "first password 1".toCharArray())).isEmpty();
        assertThat(swapped.unwrap("anna", "first password 1".toCharArray())).isEmpty();
        assertThat(swapped.unwrap("bob", "bobs password 22".toCharArray())).isEmpty();
    }

    @Test
    void aRecoveryEntryCopiedOverAClinicianDoesNotOpen() throws Exception {
        withAnna().writeTo(folder);
        ObjectNode root = root();
        ObjectNode anna = (ObjectNode) root.get("clinicians").get(0);
        ObjectNode rec = (ObjectNode) root.get("recovery");
        for (String field : new String[] {"salt", "public", "private", "key"}) {
            rec.set(field, anna.get(field));
        }
        write(root);

        assertThat(KeyFile.readFrom(folder).unwrap(recovery)).isEmpty();
    }

    @Test
    void theFileIsTheSameTextAsJacksonsPrettyPrinterWritesForItsTree() throws Exception {
        // files written before the key file used Jackson's streaming generator were written this way
        withAnna().withClinician("bob", "bobs password 22".toCharArray(), key).writeTo(folder);
        String written = Files.readString(folder.resolve(KeyFile.FILE_NAME));

        assertThat(written).isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root()));
        assertThat(root().fieldNames()).toIterable()
                .containsExactly("format", "about", "clinicians", "recovery");
        assertThat(root().get("clinicians").get(0).fieldNames()).toIterable()
                .containsExactly("user", "kdf", "iterations", "salt", "public", "private", "key", "signing");
    }

    @Test
    void aFileWithFieldsInAnotherOrderAndFieldsItDoesNotKnowStillOpens() throws Exception {
        withAnna().writeTo(folder);
        ObjectNode root = root();
        ObjectNode reordered = JSON.createObjectNode();
        reordered.put("added by a later release", true).set("later", JSON.createArrayNode().add(1).add("x"));
        reordered.set("recovery", root.get("recovery"));
        reordered.set("clinicians", root.get("clinicians"));
        reordered.set("format", root.get("format"));
        write(reordered);

        KeyFile read = KeyFile.readFrom(folder);
        assertThat(read.unwrap("anna", "first password 1".toCharArray())).contains(key);
        assertThat(read.unwrap(recovery)).contains(key);
    }

    @Test
    void aDamagedFileIsReportedAsDamaged() throws Exception {
        String good = keyFileText();
        String[] damaged = {
            "",
            "not json at all",
            good.substring(0, good.length() / 2),
            good.replace("\"format\" : 2", "\"format\" : 3"),
            good.replaceFirst("\"wrapped\" : \"[^\"]*\"", "\"wrapped\" : null"),
            good.replaceFirst("\"wrapped\" : \"", "\"wrapped\" : \"%%%"),
            good.replaceFirst("\"nonce\" : \"[^\"]*\"", "\"nonce\" : \"\""),
            good.replaceFirst("\"salt\" : \"[^\"]*\"", "\"salt\" : \"\""),
            "[1, 2, 3]",
            "{\"format\" : 1}",
            good.replace("\"recovery\" : {", "\"recovery\" : [ {").replace("}\n}", "} ]\n}"),
            good.replace("\"clinicians\" : [ {", "\"clinicians\" : [ 7, {"),
        };
        for (String text : damaged) {
            Files.writeString(folder.resolve(KeyFile.FILE_NAME), text);
            assertThatThrownBy(() -> KeyFile.readFrom(folder).unwrap("anna", "first password 1".toCharArray()))
                    .as(text).isInstanceOf(KeyFile.DamagedKeyFileException.class);
        }
    }

    @Test
    void theFileHoldsNoKeyInTheClear() throws Exception {
        withAnna().withClinician("bob", "bobs password 22".toCharArray(), key).writeTo(folder);
        byte[] file = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));
        String text = new String(file, StandardCharsets.ISO_8859_1);
        byte[] raw = key.bytes();

        assertThat(Bytes.indexOf(file, raw)).as("raw key bytes").isNegative();
        assertThat(Bytes.indexOf(file, Arrays.copyOf(raw, 8))).as("a piece of the raw key").isNegative();
        assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain(HexFormat.of().formatHex(raw))
                .doesNotContain(HexFormat.of().formatHex(raw, 0, 8));
        assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(raw))
                .doesNotContain(Base64.getEncoder().encodeToString(raw).substring(0, 12))
                .doesNotContain(recovery.text()).doesNotContain(recovery.text().replace("-", ""))
                .doesNotContain("first password 1").doesNotContain("bobs password 22");
        assertThat(folder.resolve(KeyFile.FILE_NAME + ".part")).doesNotExist();
    }

    @Test
    void passwordsGetAtLeastOwaspsIterationsByDefault() throws Exception {
        assertThat(KeyFile.ITERATIONS).isGreaterThanOrEqualTo(600_000);

        PasswordKdf.lowerFloorForTests(PasswordKdf.FLOOR);
        try {
            new ClinicAccess(Clock.systemUTC(), Locale.UK).setUp(folder, new ClinicAccess.NewClinic("Clinic", "anna",
                    "Anna", "a long enough password".toCharArray())).services().close();
        } finally {
            PasswordKdf.lowerFloorForTests(FEW);
        }

        ObjectNode root = root();
        assertThat(root.get("clinicians").get(0).get("iterations").asInt()).isGreaterThanOrEqualTo(600_000);
        assertThat(root.get("clinicians").get(0).get("kdf").asText()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(Base64.getDecoder().decode(root.get("clinicians").get(0).get("salt").asText())).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void theKeyItselfIsNeverShownAsText() {
        assertThat(key.toString()).doesNotContain(HexFormat.of().formatHex(key.bytes()));
        assertThat(recovery.toString()).doesNotContain(recovery.text());
    }

    private String keyFileText() throws Exception {
        withAnna().writeTo(folder);
        return Files.readString(folder.resolve(KeyFile.FILE_NAME));
    }

    private ObjectNode root() throws Exception {
        return (ObjectNode) JSON.readTree(folder.resolve(KeyFile.FILE_NAME).toFile());
    }

    private void write(ObjectNode root) throws Exception {
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(KeyFile.FILE_NAME).toFile(), root);
    }

    /** Byte search. */
    static final class Bytes {
        private Bytes() {
        }

        static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
