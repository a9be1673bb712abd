package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.server.TestPostgres;

/** The commands with {@code --database}: a clinic's records on PostgreSQL, the same commands as on a folder. */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class ServerCommandsTest {

    @TempDir
    Path temp;

    @Test
    void initImportExportAndAuditVerifyOnTheServer() throws Exception {
        Path records = temp.resolve("records");
        CliData.Seeded seeded = CliData.seed(records);
        Path file = temp.resolve("all.json");
        assertThat(Cli.run("export", "--data-dir", records.toString(), "--out", file.toString()).code()).isZero();
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        Map<String, String> owner = Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD",
                new String(clinic.password()), "REBOUND_HOME", temp.resolve("workstation").toString());
        String server = clinic.address().toString();

        Cli.Result init = Cli.runBare(owner, "init", "--database", server, "--clinic", "Praxis Ødegård");
        Cli.Result imported = Cli.runBare(owner, "--database", server, "import", file.toString());
        Cli.Result again = Cli.runBare(owner, "import", file.toString(), "--database", server);
        Path back = temp.resolve("back.json");
        Cli.Result export = Cli.runBare(withServer(owner, server), "export", "--out", back.toString());
        Cli.Result readiness = Cli.runBare(owner, "readiness", "--database", server, "--patient",
                seeded.zoe().id().toString());
        Cli.Result verify = Cli.runBare(owner, "audit", "--verify", "--database", server);

        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).startsWith("Set up " + server + " for Praxis Ødegård; administrator: "
                + clinic.owner());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("2 patients added");
        assertThat(again.out()).startsWith("0 patients added, 0 updated, 2 unchanged");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).isEqualTo("Exported 2 patients to " + back + System.lineSeparator());
        assertThat(Files.size(back)).isEqualTo(Files.size(file));
        assertThat(readiness.code()).as(readiness.err()).isZero();
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("intact")
                .as("the owner's rows are signed with her key, kept on the server").doesNotContain(" 0 of them signed")
                .contains("signing key of " + clinic.owner());
    }

    @Test
    void aWrongPasswordAndAWrongAddressAreRefusedInWords() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        String server = clinic.address().toString();
        Map<String, String> wrong = Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD", "wrong password",
                "REBOUND_HOME", temp.resolve("workstation").toString());

        Cli.Result refused = Cli.runBare(wrong, "export", "--database", server, "--out", temp.resolve("x.json")
                .toString());
        Cli.Result plain = Cli.runBare(wrong, "export", "--database", "postgresql://db.clinic.example/rebound"
                + "?sslmode=disable", "--out", temp.resolve("x.json").toString());
        Cli.Result notYetSetUp = Cli.runBare(Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD",
                new String(clinic.password()), "REBOUND_HOME", temp.resolve("workstation").toString()),
                "export", "--database", server, "--out", temp.resolve("x.json").toString());
        Cli.Result backup = Cli.runBare(wrong, "backup", "--database", server, "--out", temp.resolve("b.zip").toString());

        assertThat(refused.code()).isEqualTo(ExitCode.ACCESS_REFUSED.code());
        assertThat(refused.err()).isEqualTo("the user name or the password is wrong" + System.lineSeparator());
        assertThat(plain.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(plain.err()).startsWith("--database: the server db.clinic.example is not this computer")
                .contains("sslmode=disable is refused");
        assertThat(notYetSetUp.code()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(notYetSetUp.err()).contains("holds no Rebound records yet").contains("rebound init --database");
        assertThat(backup.code()).isEqualTo(ExitCode.ACCESS_REFUSED.code());
        assertThat(Files.exists(temp.resolve("x.json"))).isFalse();
    }

    @Test
    void aWorkstationRefusesOlderRecordsUntilAnAdministratorMigratesThem() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        String server = clinic.address().toString();
        // a clinic set up by the Rebound before this one: its schema stops at 13.1
        Flyway.configure()
                .dataSource(clinic.address().jdbcUrl(), clinic.owner(), new String(clinic.password()))
                .locations("classpath:db/migration", "classpath:db/postgresql").target("13.1").load().migrate();
        TestPostgres.asSuperuserOn(clinic.address().database(), "INSERT INTO clinician (id, username, display_name, "
                + "administrator, created_at) VALUES (gen_random_uuid(), '" + clinic.owner() + "', 'Owner', TRUE, now())",
                "INSERT INTO audit_trail_key (id, hmac_key) VALUES (1, repeat('ab', 32))");
        Map<String, String> owner = Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD",
                new String(clinic.password()), "REBOUND_HOME", temp.resolve("workstation").toString(),
                "REBOUND_DATABASE", server);

        Cli.Result before = Cli.runBare(owner, "export", "--out", temp.resolve("before.json").toString());
        Cli.Result withoutServer = Cli.runBare(Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD", "x",
                "REBOUND_HOME", temp.resolve("workstation").toString()), "migrate");
        Cli.Result migrate = Cli.runBare(owner, "migrate");
        Cli.Result again = Cli.runBare(owner, "migrate");
        Cli.Result after = Cli.runBare(owner, "export", "--out", temp.resolve("after.json").toString());

        assertThat(before.code()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(before.err()).contains("at schema version 13.1, older than this Rebound's (16.1)")
                .contains("rebound migrate --database " + server);
        assertThat(withoutServer.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(withoutServer.err()).startsWith("migrate is for a clinic's server");
        assertThat(migrate.code()).as(migrate.err()).isZero();
        assertThat(migrate.out()).isEqualTo("Brought the records on " + server + " from version 13.1 to 16.1"
                + System.lineSeparator());
        assertThat(again.out()).isEqualTo("The records on " + server + " are at version 16.1 already"
                + System.lineSeparator());
        assertThat(after.code()).as(after.err()).isZero();
    }

    private static Map<String, String> withServer(Map<String, String> environment, String server) {
        Map<String, String> with = new HashMap<>(environment);
        with.put("REBOUND_DATABASE", server);
        return with;
    }
}
