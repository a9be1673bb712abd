package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.store.Database;
import app.rebound.store.KeyFile;

/**
 * {@code clinician list | add | remove | reset-password} end to end on a real data folder: administrators
 * only, the exit codes of every command, each change in the audit trail, a removal changing the key.
 */
class ClinicianCommandsTest {

    @TempDir
    Path temp;

    private Path file(String name, String text) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, text + "\n");
        return file;
    }

    private static Map<String, String> as(String user, String password) {
        return Map.of("REBOUND_USER", user, "REBOUND_PASSWORD", password);
    }

    @Test
    void anAdministratorAddsResetsAndRemovesAClinician() throws Exception {
        Path folder = temp.resolve("clinic");
        TestKeys.clinic(folder).close();
        String dir = folder.toString();

        Cli.Result added = Cli.run("clinician", "add", "--new-user", "Bob", "--display-name", "Bob Berg",
                "--new-password-file", file("bob.txt", "bobs password 22").toString(), "--data-dir", dir);
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("Added bob").doesNotContain("bobs password 22");

        Cli.Result list = Cli.run("clinician", "list", "--data-dir", dir);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out().lines()).anySatisfy(l -> assertThat(l).startsWith("anna").contains("administrator"))
                .anySatisfy(l -> assertThat(l).startsWith("bob").contains("clinician").endsWith("Bob Berg"));

        // bob signs in, but is no administrator: refused as such, exit 3
        Cli.Result notAdmin = Cli.run(as("bob", "bobs password 22"), "clinician", "list", "--data-dir", dir);
        assertThat(notAdmin.code()).isEqualTo(3);
        assertThat(notAdmin.err()).contains("not an administrator");

        Cli.Result reset = Cli.run("clinician", "reset-password", "bob", "--new-password-file",
                file("bob2.txt", "bobs second password 33").toString(), "--data-dir", dir);
        assertThat(reset.code()).as(reset.err()).isZero();
        assertThat(Cli.run(as("bob", "bobs password 22"), "clinician", "list", "--data-dir", dir).err())
                .contains("wrong");
        assertThat(Cli.run(as("bob", "bobs second password 33"), "clinician", "list", "--data-dir", dir).err())
                .contains("not an administrator");

        byte[] keysWithBob = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));
        Cli.Result removed = Cli.run("clinician", "remove", "bob", "--data-dir", dir);
        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(removed.out()).contains("Removed bob").contains("key was changed");
        assertThat(Cli.run("clinician", "list", "--data-dir", dir).out()).doesNotContain("bob");
        assertThat(Cli.run(as("bob", "bobs second password 33"), "clinician", "list", "--data-dir", dir).code())
                .isEqualTo(3);

        // the key file bob kept from before: refused, exit 3, and the database left as it was
        byte[] keysNow = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));
        byte[] database = Files.readAllBytes(Database.file(folder));
        Files.write(folder.resolve(KeyFile.FILE_NAME), keysWithBob);
        Cli.Result stale = Cli.run(as("bob", "bobs second password 33"), "audit", "--verify", "--data-dir", dir);
        assertThat(stale.code()).isEqualTo(3);
        assertThat(stale.err()).contains("does not belong");
        assertThat(Files.readAllBytes(Database.file(folder))).isEqualTo(database);
        Files.write(folder.resolve(KeyFile.FILE_NAME), keysNow);

        Cli.Result verify = Cli.run("audit", "--verify", "--data-dir", dir);
        assertThat(verify.code()).as(verify.err()).isZero();
        Path csv = temp.resolve("trail.csv");
        assertThat(Cli.run("audit", "--export", csv.toString(), "--data-dir", dir).code()).isZero();
        assertThat(Files.readString(csv)).contains("added bob").contains("password of bob reset")
                .contains("removed bob").contains("database key rotated");
    }

    @Test
    void refusalsHaveTheExitCodesOfEveryCommandAndChangeNothing() throws Exception {
        Path folder = temp.resolve("clinic");
        TestKeys.clinic(folder).close();
        String dir = folder.toString();
        byte[] keys = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));

        Cli.Result weak = Cli.run("clinician", "add", "--new-user", "bob", "--new-password-file",
                file("weak.txt", "short").toString(), "--data-dir", dir);
        assertThat(weak.code()).isEqualTo(2);
        assertThat(weak.err()).contains("password");
        Cli.Result taken = Cli.run("clinician", "add", "--new-user", "ANNA", "--new-password-file",
                file("ok.txt", "a long enough password").toString(), "--data-dir", dir);
        assertThat(taken.code()).isEqualTo(2);
        assertThat(taken.err()).contains("username");
        Cli.Result noFile = Cli.run("clinician", "add", "--new-user", "bob", "--new-password-file",
                temp.resolve("missing.txt").toString(), "--data-dir", dir);
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).contains("no password file");
        Cli.Result noSuch = Cli.run("clinician", "remove", "nobody", "--data-dir", dir);
        assertThat(noSuch.code()).isEqualTo(2);
        assertThat(noSuch.err()).contains("no clinician nobody");
        Cli.Result herself = Cli.run("clinician", "remove", "anna", "--data-dir", dir);
        assertThat(herself.code()).isEqualTo(3);
        Cli.Result wrongPassword = Cli.run(as("anna", "not the password"), "clinician", "remove", "anna",
                "--data-dir", dir);
        assertThat(wrongPassword.code()).isEqualTo(3);
        Cli.Result noCredentials = Cli.runBare(Map.of(), "clinician", "list", "--data-dir", dir);
        assertThat(noCredentials.code()).isEqualTo(3);
        Cli.Result usage = Cli.run("clinician", "add", "--data-dir", dir);
        assertThat(usage.code()).isEqualTo(1);
        Cli.Result help = Cli.run("clinician", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("list").contains("add").contains("remove").contains("reset-password");

        assertThat(Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME))).isEqualTo(keys);
    }
}
