package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseKind;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.programme.FindingsFixture;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.server.TestPostgres;
import app.rebound.service.MoveToServer;
import app.rebound.service.Services;
import app.rebound.store.Database;
import app.rebound.store.ServerAddress;
import app.rebound.store.TableCopy;

/**
 * The commands that carry a clinic's records between a data folder and a server, on a real PostgreSQL:
 * {@code backup} and {@code restore} with {@code --database}, and {@code move-to-server}.
 */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class ServerBackupMoveTest {

    @TempDir
    Path temp;

    /** A real 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPgL8sDAAGLAPQ8xSAqAAAAAElFTkSuQmCC");

    /**
     * A data folder with rows in every table a clinic fills: patients and visits (drafts and completed), an
     * amendment with its reason, a walk-run programme with its reasons, a progress summary, a clinic's own
     * exercise with a photo, settings.
     */
    private Path clinicFolder() {
        Path records = temp.resolve("records");
        CliData.seed(records);
        try (Services services = CliData.open(records)) {
            services.demoData().add(6, 7, 4, done -> { });
            Patient patient = services.patients().save(VisitFixture.patient("Ana", "Moss"));
            Visit visit = services.visits().complete(new FindingsFixture().floor(3, false, Relaxation.COMPLETE,
                    Tone.NORMAL).visit(patient.id(), LocalDate.of(2026, 6, 1), Stage.WALK_RUN)).visit();
            services.programmes().save(visit.id(), services.programmes().open(visit.id()).programme());
            services.visits().save(VisitFixture.withNotes(visit, "Reviewed"), UUID.randomUUID(), "A typing slip");
            services.progress().saveSummary(patient.id(), "Summary for the progress report");
            services.exercises().saveClinicExercise(new Exercise("wall-sit-ball", "Wall sit with a ball", Stage.BUILD,
                    ExerciseKind.GENERAL, "Strong thighs.", List.of("Lean."), List.of("Breathe."),
                    new Dose(3, 1, 30, 1, 3), null, null, null), true);
            services.exercises().setPhoto("wall-sit-ball", ExercisePhoto.of(PNG));
        }
        return records;
    }

    /**
     * What a move leaves behind, written out here (not taken from the code under test): a table a later
     * migration adds is expected on the server with all its rows, so leaving it out fails this test.
     */
    private static final Set<String> LEFT_BY_MOVE = Set.of("audit_event", "audit_trail_key", "signing_key",
            "key_recipient", "visit_presence", "clinician_signing_key");
    /** Each engine's own bookkeeping, never copied. */
    private static final Set<String> ENGINE_OWN = Set.of("flyway_schema_history", "audit_head");

    private Map<String, String> owner(TestPostgres.Owned clinic) {
        return Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD", new String(clinic.password()),
                "REBOUND_HOME", temp.resolve("workstation").toString());
    }

    private static SortedMap<String, Long> counts(Path folder) {
        try (Services services = CliData.open(folder)) {
            return TableCopy.counts(services.database());
        }
    }

    private static SortedMap<String, Long> counts(ServerAddress server, String login, char[] password) {
        try (Database database = Database.connect(server, login, password, Database.Schema.CURRENT)) {
            return TableCopy.counts(database);
        }
    }

    private static SortedMap<String, Long> without(SortedMap<String, Long> counts, Set<String> tables) {
        SortedMap<String, Long> kept = new TreeMap<>(counts);
        kept.keySet().removeAll(tables);
        kept.keySet().removeAll(ENGINE_OWN);
        return kept;
    }

    /** A second, empty database on the test server, owned by the same login as {@code clinic}'s. */
    private static ServerAddress emptyDatabaseOf(TestPostgres.Owned clinic) {
        String name = clinic.address().database() + "_restored";
        TestPostgres.asSuperuser("CREATE DATABASE " + name + " OWNER " + clinic.owner() + " TEMPLATE template0 "
                + "ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
        return ServerAddress.parse("postgresql://127.0.0.1:" + TestPostgres.port() + "/" + name);
    }

    @Test
    void moveToServerCopiesEveryTableArchivesTheTrailAndLeavesTheFolder() throws Exception {
        Path records = clinicFolder();
        SortedMap<String, Long> before = counts(records);
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        String server = clinic.address().toString();
        Cli.Result init = Cli.runBare(owner(clinic), "init", "--database", server, "--clinic", "Praxis");
        assertThat(init.code()).as(init.err()).isZero();

        Map<String, String> both = new HashMap<>(Cli.SIGNED_IN);
        both.put("REBOUND_SERVER_PASSWORD", new String(clinic.password()));
        Cli.Result moved = Cli.runBare(both, "move-to-server", "--data-dir", records.toString(), "--database", server,
                "--server-user", clinic.owner());

        assertThat(moved.code()).as(moved.err()).isZero();
        assertThat(moved.out()).startsWith("Moved the records of " + before.get("patient") + " patients from "
                + records + " onto " + server);
        SortedMap<String, Long> after = counts(clinic.address(), clinic.owner(), clinic.password());
        // every table a clinic fills had rows to move (else this test proves nothing of it)
        assertThat(without(before, LEFT_BY_MOVE)).allSatisfy((table, rows) ->
                assertThat(rows).as(table).isPositive());
        // the same tables on both sides, and each one's rows all there (the owner's account kept beside them)
        SortedMap<String, Long> expected = without(before, LEFT_BY_MOVE);
        expected.put("clinician", expected.get("clinician") + 1);
        assertThat(without(after, LEFT_BY_MOVE)).isEqualTo(expected);
        assertThat(after.get("audit_event")).isGreaterThan(0);

        // the archive: a backup of the folder at the move, whose trail checks once restored
        Path archive;
        try (Stream<Path> files = Files.list(records)) {
            archive = files.filter(file -> file.getFileName().toString().startsWith(MoveToServer.ARCHIVE_PREFIX))
                    .findFirst().orElseThrow();
        }
        Path opened = temp.resolve("archive-opened");
        Cli.Result restored = Cli.run("restore", archive.toString(), "--data-dir", opened.toString());
        Cli.Result archiveTrail = Cli.run("audit", "--verify", "--data-dir", opened.toString());
        Cli.Result serverTrail = Cli.runBare(owner(clinic), "audit", "--verify", "--database", server);
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(archiveTrail.code()).as(archiveTrail.err()).isZero();
        assertThat(archiveTrail.out()).contains("intact");
        assertThat(serverTrail.code()).as(serverTrail.err()).isZero();
        assertThat(serverTrail.out()).contains("intact");
        // the folder still holds its records
        assertThat(without(counts(records), Set.of("audit_event"))).isEqualTo(
                without(before, Set.of("audit_event")));
    }

    @Test
    void aMoveThatFailsHalfwayLeavesTheServerAsInitLeftIt() throws Exception {
        Path records = clinicFolder();
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        String server = clinic.address().toString();
        assertThat(Cli.runBare(owner(clinic), "init", "--database", server, "--clinic", "Praxis").code()).isZero();
        SortedMap<String, Long> initOnly = counts(clinic.address(), clinic.owner(), clinic.password());
        // the visits' table refuses every row: patients go in first, then the copy fails
        TestPostgres.asSuperuserOn(clinic.address().database(),
                "ALTER TABLE visit ADD CONSTRAINT no_visits CHECK (id IS NULL)");

        Map<String, String> both = new HashMap<>(Cli.SIGNED_IN);
        both.put("REBOUND_SERVER_PASSWORD", new String(clinic.password()));
        Cli.Result moved = Cli.runBare(both, "move-to-server", "--data-dir", records.toString(), "--database", server,
                "--server-user", clinic.owner());

        assertThat(moved.code()).isEqualTo(ExitCode.FAILURE.code());
        // as init left it, but for the row of the sign-in that tried the move
        initOnly.put("audit_event", initOnly.get("audit_event") + 1);
        assertThat(counts(clinic.address(), clinic.owner(), clinic.password())).isEqualTo(initOnly);
        try (Stream<Path> files = Files.list(records)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(MoveToServer.ARCHIVE_PREFIX));
        }
        // and a server that holds records is refused, saying so
        TestPostgres.asSuperuserOn(clinic.address().database(), "ALTER TABLE visit DROP CONSTRAINT no_visits");
        assertThat(Cli.runBare(both, "move-to-server", "--data-dir", records.toString(), "--database", server,
                "--server-user", clinic.owner()).code()).isZero();
        Cli.Result again = Cli.runBare(both, "move-to-server", "--data-dir", records.toString(), "--database",
                server, "--server-user", clinic.owner());
        assertThat(again.code()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(again.err()).contains("already holds records (").contains("patient");
    }

    @Test
    void aServerBackupRestoresOntoAnEmptyServerAndIntoAnEmptyFolder() throws Exception {
        Path records = clinicFolder();
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        String server = clinic.address().toString();
        assertThat(Cli.runBare(owner(clinic), "init", "--database", server, "--clinic", "Praxis").code()).isZero();
        Map<String, String> both = new HashMap<>(Cli.SIGNED_IN);
        both.put("REBOUND_SERVER_PASSWORD", new String(clinic.password()));
        assertThat(Cli.runBare(both, "move-to-server", "--data-dir", records.toString(), "--database", server,
                "--server-user", clinic.owner()).code()).isZero();
        SortedMap<String, Long> source = counts(clinic.address(), clinic.owner(), clinic.password());
        Path zip = temp.resolve("server-backup.zip");

        Cli.Result backup = Cli.runBare(owner(clinic), "backup", "--database", server, "--out", zip.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).startsWith("Backed up the records of " + source.get("patient") + " patients on "
                + server + " to " + zip);

        // server to server: every table as it was, the trail one row longer (the restore's own row) and intact
        ServerAddress empty = emptyDatabaseOf(clinic);
        Cli.Result restored = Cli.runBare(owner(clinic), "restore", zip.toString(), "--database", empty.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        SortedMap<String, Long> copy = counts(empty, clinic.owner(), clinic.password());
        SortedMap<String, Long> expected = without(source, Set.of());
        // the trail: the backup's sign-in row (before the copy was read) and the restore's own row
        expected.put("audit_event", expected.get("audit_event") + 2);
        assertThat(without(copy, Set.of())).isEqualTo(expected);
        Cli.Result verify = Cli.runBare(owner(clinic), "audit", "--verify", "--database", empty.toString());
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("intact");

        // server to folder: the backup is a data folder's backup too
        Path folder = temp.resolve("from-server");
        Cli.Result intoFolder = Cli.runBare(Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD",
                new String(clinic.password())), "restore", zip.toString(), "--data-dir", folder.toString());
        assertThat(intoFolder.code()).as(intoFolder.err()).isZero();
        Cli.Result folderTrail = Cli.runBare(Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD",
                new String(clinic.password())), "audit", "--verify", "--data-dir", folder.toString());
        assertThat(folderTrail.code()).as(folderTrail.err()).isZero();
        assertThat(folderTrail.out()).contains("intact");
    }

    @Test
    void aServerBackupIsRefusedToAWrongPasswordAClinicianAndANonEmptyServer() throws Exception {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        String server = clinic.address().toString();
        assertThat(Cli.runBare(owner(clinic), "init", "--database", server, "--clinic", "Praxis").code()).isZero();
        Path password = temp.resolve("new-password");
        Files.writeString(password, "a long and lovely password 42");
        String nurse = "nurse_" + clinic.owner();
        Cli.Result added = Cli.runBare(owner(clinic), "clinician", "add", "--database", server, "--new-user", nurse,
                "--new-password-file", password.toString());
        assertThat(added.code()).as(added.err()).isZero();
        Path zip = temp.resolve("b.zip");

        Cli.Result byClinician = Cli.runBare(Map.of("REBOUND_USER", nurse, "REBOUND_PASSWORD",
                "a long and lovely password 42", "REBOUND_HOME", temp.resolve("w").toString()), "backup", "--database",
                server, "--out", zip.toString());
        assertThat(byClinician.code()).isEqualTo(ExitCode.ACCESS_REFUSED.code());
        assertThat(byClinician.err()).contains("not an administrator");
        assertThat(zip).doesNotExist();

        assertThat(Cli.runBare(owner(clinic), "backup", "--database", server, "--out", zip.toString()).code())
                .isZero();
        ServerAddress empty = emptyDatabaseOf(clinic);
        Cli.Result wrong = Cli.runBare(Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD", "not it",
                "REBOUND_HOME", temp.resolve("w").toString()), "restore", zip.toString(), "--database",
                empty.toString());
        assertThat(wrong.code()).isEqualTo(ExitCode.ACCESS_REFUSED.code());
        Cli.Result nonEmpty = Cli.runBare(owner(clinic), "restore", zip.toString(), "--database", server);
        assertThat(nonEmpty.code()).isEqualTo(ExitCode.INVALID_INPUT.code());
        assertThat(nonEmpty.err()).contains("already holds records").contains("clinician");
        assertThat(TestKeys.USER).isNotEqualTo(clinic.owner());
    }
}
