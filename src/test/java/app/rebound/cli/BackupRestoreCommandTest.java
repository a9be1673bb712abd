package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.domain.Patient;
import app.rebound.service.Services;
import app.rebound.store.Database;
import app.rebound.store.FolderLock;
import app.rebound.store.KeyFile;

/** {@code backup} and {@code restore} through the entry point. */
class BackupRestoreCommandTest {

    @TempDir
    Path temp;

    /** The backup command's file of {@code records}, made in the temp folder. */
    private Path backup(Path records) {
        Path zip = temp.resolve("b.zip");
        assertThat(Cli.run("backup", "--data-dir", records.toString(), "--out", zip.toString()).code()).isZero();
        return zip;
    }

    @Test
    void aBackupRestoredIntoAnEmptyFolderHoldsWhatWasSaved() throws Exception {
        Path records = temp.resolve("records");
        CliData.Seeded seeded = CliData.seed(records);
        Path zip = temp.resolve("monday.zip");
        Path restored = Files.createDirectory(temp.resolve("restored"));

        Cli.Result backup = Cli.run("backup", "--data-dir", records.toString(), "--out", zip.toString());
        Cli.Result restore = Cli.run("restore", zip.toString(), "--data-dir", restored.toString());

        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("2 patients").contains(zip.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("2 patients").doesNotContain("kept as");
        for (Patient patient : List.of(seeded.zoe(), seeded.li())) {
            assertThat(CliData.visits(restored, patient)).isEqualTo(CliData.visits(records, patient)).isNotEmpty();
            try (Services services = CliData.open(restored)) {
                assertThat(services.patients().load(patient.id())).isEqualTo(patient);
            }
        }
    }

    @Test
    void restoreCreatesAMissingFolder() {
        CliData.seed(temp.resolve("records"));
        Path zip = temp.resolve("b.zip");
        Path missing = temp.resolve("new").resolve("records");
        assertThat(Cli.run("backup", "--data-dir", temp.resolve("records").toString(), "--out", zip.toString()).code())
                .isZero();

        Cli.Result result = Cli.run(Cli.home(missing), "restore", zip.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(Database.existsIn(missing)).isTrue();
    }

    @Test
    void restoreRefusesAFolderWithRecordsUnlessForcedAndThenKeepsTheOldOnesAside() throws Exception {
        Path records = temp.resolve("records");
        CliData.Seeded seeded = CliData.seed(records);
        Path zip = backup(records);
        Path other = temp.resolve("other");
        Patient ana = CliData.referred(other);
        long before = Files.size(other.resolve("rebound.mv.db"));

        Cli.Result refused = Cli.run("restore", zip.toString(), "--data-dir", other.toString());

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.errLines()).singleElement().asString().contains("already holds Rebound records")
                .contains("--force");
        assertThat(Files.size(other.resolve("rebound.mv.db"))).isEqualTo(before);

        Cli.Result forced = Cli.run("restore", "--force", zip.toString(), "--data-dir", other.toString());

        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("kept as rebound.mv.db.replaced-");
        assertThat(CliData.visits(other, seeded.zoe())).hasSize(4);
        try (Services services = CliData.open(other)) {
            assertThat(services.visits().visitsOf(ana.id())).isEmpty();
        }
        try (Stream<Path> files = Files.list(other)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("rebound.mv.db.replaced-"));
        }
    }

    @Test
    void aRestoreIsRefusedWhileReboundIsOpenOnTheFolderEvenBeforeSignIn() throws Exception {
        Path records = temp.resolve("records");
        CliData.seed(records);
        Path zip = backup(records);
        Path other = temp.resolve("other");
        Patient ana = CliData.referred(other);
        long before = Files.size(other.resolve("rebound.mv.db"));
        // the window takes the folder's lock at its start; at sign-in the database itself is not open yet
        try (FolderLock window = FolderLock.tryLock(other).orElseThrow()) {
            Cli.Result refused = Cli.run("restore", "--force", zip.toString(), "--data-dir", other.toString());
            assertThat(refused.code()).isEqualTo(3);
            assertThat(refused.errLines()).singleElement().asString().contains("in use by another program");
            assertThat(Files.size(other.resolve("rebound.mv.db"))).isEqualTo(before);
        }
        try (Services services = CliData.open(other)) {
            assertThat(services.patients().load(ana.id()).id()).isEqualTo(ana.id());
        }
        assertThat(Cli.run("restore", "--force", zip.toString(), "--data-dir", other.toString()).code())
                .as("once the window is closed").isZero();
    }

    @Test
    void logFilesDoNotMakeAFolderHoldRecords() throws Exception {
        Path records = temp.resolve("records");
        CliData.seed(records);
        Path zip = backup(records);
        Path target = temp.resolve("target");
        Files.createDirectories(target.resolve("logs"));
        Files.writeString(target.resolve("logs").resolve("rebound.log"), "started\n");

        assertThat(Cli.run("restore", zip.toString(), "--data-dir", target.toString()).code()).isZero();
        assertThat(target.resolve("logs").resolve("rebound.log")).hasContent("started");
    }

    @Test
    void aFileThatIsNotABackupIsRefusedAndNothingIsCreated() throws Exception {
        Path notZip = Files.writeString(temp.resolve("notes.zip"), "not a zip");
        Path noDatabase = temp.resolve("empty.zip");
        zip(noDatabase, "readme.txt");
        Path traversal = temp.resolve("evil.zip");
        zip(traversal, "rebound.mv.db", "../../etc/evil");
        Path target = temp.resolve("target");

        for (Path file : List.of(notZip, noDatabase, traversal, temp.resolve("missing.zip"))) {
            Cli.Result result = Cli.run("restore", file.toString(), "--data-dir", target.toString());

            assertThat(result.code()).as(file.toString()).isEqualTo(2);
            assertThat(result.errLines()).hasSize(1);
        }
        assertThat(target).doesNotExist();
        assertThat(temp.getParent().resolve("etc")).doesNotExist();
    }

    @Test
    void aBackupThatDoesNotOpenIsRefusedAndTheRecordsStay() throws Exception {
        Path damaged = temp.resolve("damaged.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(damaged))) {
            zip.putNextEntry(new ZipEntry("rebound.mv.db"));
            zip.write("this is no database".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path records = temp.resolve("records");
        CliData.Seeded seeded = CliData.seed(records);
        try (FileSystem zip = FileSystems.newFileSystem(damaged)) {
            // with the clinic's key file, so that it is refused for its database, not for a missing key file
            Files.copy(records.resolve(KeyFile.FILE_NAME), zip.getPath(KeyFile.FILE_NAME));
        }

        Cli.Result result = Cli.run("restore", "--force", damaged.toString(), "--data-dir", records.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("cannot be restored");
        assertThat(CliData.visits(records, seeded.zoe())).hasSize(4);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".rebound-restore"));
        }
    }

    private static void zip(Path file, String... names) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(1);
                zip.closeEntry();
            }
        }
    }
}
