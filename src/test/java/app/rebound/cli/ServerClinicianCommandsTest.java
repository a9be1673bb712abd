package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.server.TestPostgres;

/** {@code clinician add/remove --database}: each clinician a login of her own on the server. */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class ServerClinicianCommandsTest {

    @TempDir
    Path temp;

    @Test
    void anAdministratorAddsAClinicianWhoSignsInWithHerOwnLoginAndRemovesHer() throws Exception {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        String server = clinic.address().toString();
        Map<String, String> owner = Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD",
                new String(clinic.password()), "REBOUND_HOME", temp.resolve("workstation").toString(),
                "REBOUND_DATABASE", server);
        assertThat(Cli.runBare(owner, "init", "--clinic", "Praxis").code()).isZero();
        // a name no other test of the run uses: logins belong to the whole server
        String anna = "anna_" + clinic.address().database();
        String password = "Zoë's physio Ødegård 42 " + clinic.address().database();
        Path passwordFile = temp.resolve("anna-password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);

        Cli.Result added = Cli.runBare(owner, "clinician", "add", "--new-user", anna, "--display-name", "Anna",
                "--new-password-file", passwordFile.toString());
        Map<String, String> asAnna = Map.of("REBOUND_USER", anna, "REBOUND_PASSWORD", password, "REBOUND_HOME",
                temp.resolve("room-2").toString(), "REBOUND_DATABASE", server);
        Cli.Result annaReads = Cli.runBare(asAnna, "export", "--out", temp.resolve("anna.json").toString());
        Cli.Result annaAdds = Cli.runBare(asAnna, "clinician", "add", "--new-user", "intruder_" + anna,
                "--new-password-file", passwordFile.toString());
        Cli.Result list = Cli.runBare(owner, "clinician", "list");

        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("Added " + anna + ";");
        assertThat(annaReads.code()).as(annaReads.err()).isZero();
        assertThat(annaAdds.code()).isEqualTo(ExitCode.ACCESS_REFUSED.code());
        assertThat(list.out()).contains(anna).doesNotContain("intruder");
        // the password went to the server as a SCRAM verifier: the server ran the statement, and its log of
        // every statement holds the login's name but not her password
        String log = TestPostgres.serverLog();
        assertThat(log).contains("ALTER USER \"" + anna + "\" PASSWORD 'SCRAM-SHA-256$");
        assertThat(log).doesNotContain(password);

        Cli.Result removed = Cli.runBare(owner, "clinician", "remove", anna);
        Cli.Result annaAfter = Cli.runBare(asAnna, "export", "--out", temp.resolve("anna.json").toString());

        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("Removed " + anna + "; her login on the server is gone"
                + System.lineSeparator());
        assertThat(annaAfter.code()).isEqualTo(ExitCode.ACCESS_REFUSED.code());
        assertThat(annaAfter.err()).isEqualTo("the user name or the password is wrong" + System.lineSeparator());
        Cli.Result verify = Cli.runBare(owner, "audit", "--verify");
        assertThat(verify.code()).as(verify.err()).isZero();
    }
}
