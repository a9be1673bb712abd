package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.LegacyFolders;
import app.rebound.TestKeys;
import app.rebound.service.ProgressSamples;
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
        try (Services services = TestKeys.clinic(folder, ProgressSamples.CLOCK, Locale.UK)) {
            ProgressSamples.seed(services, "Zoë", "Ødegård", 2, 7);
        }
        Map<String, String> anna = credentials("anna", TestKeys.PASSWORD);

        Cli.Result intact = Cli.runBare(anna, "audit", "--verify", "--data-dir", folder.toString());

        assertThat(intact.code()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("intact");

        try (Services services = TestKeys.signIn(folder, ProgressSamples.CLOCK, Locale.UK)) {
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
