package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.HostileCode;
import app.rebound.LegacyFolders;
import app.rebound.TestKeys;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.Services;
import app.rebound.store.Database;
import app.rebound.store.DatabaseFiles;
import app.rebound.store.KeyFile;
import app.rebound.store.RecoveryKey;

/** {@code init}, {@code audit --verify} and credentials through the entry point. */
class SecurityCommandsTest {

    private static final String RECOVERY_LINE = "(?m)^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$";

    @TempDir
    Path temp;

    private static Map<String, String> credentials(String user, String password) {
        Map<String, String> environment = new HashMap<>();
        environment.put("REBOUND_USER", user);
        environment.put("REBOUND_PASSWORD", password);
        return environment;
    }

    @Test
    void initSetsUpAnEncryptedFolderAndPrintsTheRecoveryKeyOnce() throws Exception {
        Path folder = temp.resolve("clinic");

        Cli.Result result = Cli.runBare(Map.of("REBOUND_PASSWORD", "a long enough password"), "init", "--clinic",
                "Fjord Physio", "--user", "Anna", "--data-dir", folder.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern(RECOVERY_LINE).contains("anna").contains("Fjord Physio");
        String recovery = result.out().lines().filter(l -> l.matches(RECOVERY_LINE.substring(4))).findFirst()
                .orElseThrow();
        assertThat(result.err()).doesNotContain(recovery);
        KeyFile keys = KeyFile.readFrom(folder);
        assertThat(keys.users()).containsExactly("anna");
        assertThat(RecoveryKey.parse(recovery).flatMap(keys::unwrap))
                .isEqualTo(keys.unwrap("anna", "a long enough password".toCharArray())).isPresent();
        assertThat(DatabaseFiles.isEncrypted(Database.file(folder))).isTrue();
        // and the folder now serves commands
        Cli.Result verify = Cli.runBare(credentials("anna", "a long enough password"), "audit", "--verify", "--data-dir",
                folder.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("intact");
    }

    @Test
    void initTwiceIsRefusedAndChangesNothing() throws Exception {
        Path folder = temp.resolve("clinic");
        assertThat(Cli.runBare(Map.of("REBOUND_PASSWORD", "a long enough password"), "init", "--clinic", "C", "--user",
                "anna", "--data-dir", folder.toString()).code()).isZero();
        byte[] keys = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));

        Cli.Result again = Cli.runBare(Map.of("REBOUND_PASSWORD", "another long password"), "init", "--clinic", "C",
                "--user", "mallory", "--data-dir", folder.toString());

        assertThat(again.code()).isEqualTo(2);
        assertThat(again.out()).doesNotContainPattern(RECOVERY_LINE);
        assertThat(again.err()).contains("already set up");
        assertThat(Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME))).isEqualTo(keys);
    }

    @Test
    void initWithAWeakPasswordOrNoPasswordWritesNothing() throws Exception {
        Path folder = temp.resolve("clinic");

        Cli.Result weak = Cli.runBare(Map.of("REBOUND_PASSWORD", "short"), "init", "--clinic", "C", "--user", "anna",
                "--data-dir", folder.toString());
        Cli.Result none = Cli.runBare(Map.of(), "init", "--clinic", "C", "--user", "anna", "--data-dir",
                folder.toString());

        assertThat(weak.code()).isEqualTo(2);
        assertThat(weak.err()).contains("password");
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.err()).contains("REBOUND_PASSWORD");
        assertThat(KeyFile.existsIn(folder)).isFalse();
        assertThat(Database.existsIn(folder)).isFalse();
    }

    @Test
    void aDataCommandOnAFolderNotSetUpSaysToRunInit() throws Exception {
        Path empty = temp.resolve("empty");
        Path legacy = temp.resolve("legacy");
        LegacyFolders.create(legacy, "Old Clinic");

        for (Path folder : new Path[] {empty, legacy}) {
            Cli.Result result = Cli.runBare(credentials("anna", TestKeys.PASSWORD), "audit", "--verify", "--data-dir",
                    folder.toString());

            assertThat(result.code()).as(folder.toString()).isEqualTo(2);
            assertThat(result.err()).as(folder.toString()).contains("init");
            assertThat(KeyFile.existsIn(folder)).isFalse();
        }
        assertThat(Database.existsIn(empty)).as("no empty database made").isFalse();
        assertThat(DatabaseFiles.isPlain(legacy)).as("the old records are left as they were").isTrue();
    }

    @Test
    void initEncryptsRecordsFromBeforeEncryptionOnlyWhenAsked() throws Exception {
        Path legacy = temp.resolve("legacy");
        LegacyFolders.create(legacy, "Old Clinic");
        byte[] plain = Files.readAllBytes(Database.file(legacy));

        Cli.Result refused = Cli.runBare(Map.of("REBOUND_PASSWORD", TestKeys.PASSWORD), "init", "--clinic", "Old Clinic",
                "--user", "anna", "--data-dir", legacy.toString());

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--encrypt-existing");
        assertThat(Files.readAllBytes(Database.file(legacy))).isEqualTo(plain);
        assertThat(KeyFile.existsIn(legacy)).isFalse();

        Cli.Result chosen = Cli.runBare(Map.of("REBOUND_PASSWORD", TestKeys.PASSWORD), "init", "--clinic", "Old Clinic",
                "--user", "anna", "--encrypt-existing", "--data-dir", legacy.toString());

        assertThat(chosen.code()).as(chosen.err()).isZero();
        assertThat(DatabaseFiles.isEncrypted(Database.file(legacy))).isTrue();
    }

    @Test
    void aPlainDatabaseSwappedInIsRefusedByEveryCommandAndABackupHoldingOneIsNotRestored() throws Exception {
        Path folder = temp.resolve("clinic");
        CliData.seed(folder);
        byte[] records = Files.readAllBytes(Database.file(folder));
        Path hostile = temp.resolve("hostile");
        Files.createDirectories(hostile);
        HostileCode.forget();
        HostileCode.plantPlainDatabase(hostile);
        Path zip = temp.resolve("hostile.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("rebound.mv.db"));
            Files.copy(Database.file(hostile), out);
            out.putNextEntry(new ZipEntry(KeyFile.FILE_NAME));
            Files.copy(folder.resolve(KeyFile.FILE_NAME), out);
        }

        Cli.Result restore = Cli.run("restore", "--force", zip.toString(), "--data-dir", folder.toString());

        assertThat(restore.code()).isEqualTo(2);
        assertThat(restore.err()).contains("not encrypted").contains("not restored");
        assertThat(Files.readAllBytes(Database.file(folder))).isEqualTo(records);

        Files.copy(Database.file(hostile), Database.file(folder), StandardCopyOption.REPLACE_EXISTING);
        byte[] planted = Files.readAllBytes(Database.file(folder));
        Cli.Result export = Cli.run("export", "--out", temp.resolve("out.json").toString(), "--data-dir",
                folder.toString());

        assertThat(export.code()).isEqualTo(4);
        assertThat(export.err()).contains("was not written by Rebound").contains("not encrypted")
                .contains("restore a backup");
        assertThat(Files.readAllBytes(Database.file(folder))).isEqualTo(planted);
        assertThat(HostileCode.ran()).as("code from the file ran").isNull();
    }

    @Test
    void aWrongPasswordOrUserIsRefusedWithExit3() {
        Path folder = temp.resolve("clinic");
        TestKeys.clinic(folder).close();

        Cli.Result wrongPassword = Cli.runBare(credentials("anna", "not the password"), "audit", "--verify", "--data-dir",
                folder.toString());
        Cli.Result wrongUser = Cli.runBare(credentials("bob", TestKeys.PASSWORD), "audit", "--verify", "--data-dir",
                folder.toString());
        Cli.Result noUser = Cli.runBare(Map.of("REBOUND_PASSWORD", TestKeys.PASSWORD), "audit", "--verify", "--data-dir",
                folder.toString());

        assertThat(wrongPassword.code()).isEqualTo(3);
        assertThat(wrongPassword.err()).contains("wrong").doesNotContain("not the password");
        assertThat(wrongUser.code()).isEqualTo(3);
        assertThat(noUser.code()).isEqualTo(3);
    }

    /**
     * A key-file entry's KDF parameters changed (the attack review set an administrator's iterations to 1
     * and to 2^31-1, and her KDF to SHA-1): every clinician is refused with exit 3 and a sentence saying
     * what to put back, never "failed: RefusedKeyFileException"; the records are not touched.
     */
    @Test
    void aKeyFileWithTamperedKdfParametersIsRefusedPlainlyWithExit3() throws Exception {
        String[][] tampers = {{"iterations", "1"}, {"iterations", "2147483647"}, {"kdf", "\"PBKDF2WithHmacSHA1\""}};
        for (String[] tamper : tampers) {
            Path folder = temp.resolve("clinic-" + tamper[0] + tamper[1].length());
            TestKeys.clinic(folder).close();
            Path keys = folder.resolve(KeyFile.FILE_NAME);
            ObjectMapper json = new ObjectMapper();
            ObjectNode file = (ObjectNode) json.readTree(keys.toFile());
            ObjectNode anna = (ObjectNode) file.get("clinicians").get(0);
            anna.set(tamper[0], json.readTree(tamper[1]));
            json.writeValue(keys.toFile(), file);
            byte[] records = Files.readAllBytes(Database.file(folder));

            Cli.Result result = Cli.runBare(credentials(TestKeys.USER, TestKeys.PASSWORD), "audit", "--verify",
                    "--data-dir", folder.toString());

            assertThat(result.code()).as(tamper[0]).isEqualTo(3);
            assertThat(result.err()).as(tamper[0]).contains("key file").contains("refused")
                    .contains("restore the key file from a backup").doesNotContain("RefusedKeyFileException");
            assertThat(Files.readAllBytes(Database.file(folder))).isEqualTo(records);
        }
    }

    @Test
    void aPasswordFileGivesItsFirstLineOnly() throws Exception {
        Path folder = temp.resolve("clinic");
        TestKeys.clinic(folder).close();
        Path good = Files.writeString(temp.resolve("pw.txt"), TestKeys.PASSWORD + "\r\nsecond line\n",
                StandardCharsets.UTF_8);
        Path withMore = Files.writeString(temp.resolve("pw2.txt"), TestKeys.PASSWORD + " second line\n",
                StandardCharsets.UTF_8);

        Cli.Result right = Cli.runBare(Map.of("REBOUND_PASSWORD", "not the password"), "audit", "--verify", "--user",
                "anna", "--password-file", good.toString(), "--data-dir", folder.toString());
        Cli.Result wrong = Cli.runBare(Map.of(), "audit", "--verify", "--user", "anna", "--password-file",
                withMore.toString(), "--data-dir", folder.toString());
        Cli.Result missing = Cli.runBare(Map.of(), "audit", "--verify", "--user", "anna", "--password-file",
                temp.resolve("none.txt").toString(), "--data-dir", folder.toString());

        assertThat(right.code()).as(right.err()).isZero();
        assertThat(wrong.code()).isEqualTo(3);
        assertThat(missing.code()).isNotZero();
    }

    @Test
    void auditVerifyExitsFiveOnceTheTrailIsChanged() throws Exception {
        Path folder = temp.resolve("clinic");
        try (Services services = TestKeys.clinic(folder, VisitFixture.CLOCK, Locale.UK)) {
            VisitFixture.seed(services, "Zoë", "Ødegård", 2, 7);
        }
        Map<String, String> anna = credentials("anna", TestKeys.PASSWORD);

        Cli.Result intact = Cli.runBare(anna, "audit", "--verify", "--data-dir", folder.toString());

        assertThat(intact.code()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("intact");

        try (Services services = TestKeys.signIn(folder, VisitFixture.CLOCK, Locale.UK)) {
            services.database().dsl().execute("UPDATE audit_event SET detail = 'nothing to see' WHERE seq = 2");
        }
        Cli.Result broken = Cli.runBare(anna, "audit", "--verify", "--data-dir", folder.toString());

        assertThat(broken.code()).isEqualTo(5);
        assertThat(broken.err()).contains("row 2");
        Path csv = temp.resolve("trail.csv");
        Cli.Result export = Cli.runBare(anna, "audit", "--export", csv.toString(), "--data-dir", folder.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(Files.readString(csv)).contains("nothing to see").doesNotContain("Zoë");
    }
}
