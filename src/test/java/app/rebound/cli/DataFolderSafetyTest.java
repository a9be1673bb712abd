package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.AutomaticBackups;
import app.rebound.service.Services;
import app.rebound.store.Database;
import app.rebound.store.FilePermissions;
import app.rebound.store.KeyFile;

/**
 * The data folder as a command leaves it: the account's alone (700, files 600) even when it was made
 * wider; leftovers of a backup killed half-way removed at start and in rotation; a missing key file said
 * plainly, never set up over.
 */
@Tag("process")
class DataFolderSafetyTest {

    @TempDir
    Path temp;

    @Test
    void aWiderFolderAndItsFilesBecomeTheAccountsAloneAtTheNextStart() throws Exception {
        Path records = temp.resolve("records");
        CliData.seed(records);
        Files.createDirectories(records.resolve("backups"));
        assertThat(Cli.run("backup", "--data-dir", records.toString(), "--out",
                records.resolve("backups").resolve("by-hand.zip").toString()).code()).isZero();
        assumeThat(FilePermissions.isPosix(records)).as("POSIX permissions").isTrue();
        try (Stream<Path> all = Files.walk(records)) {
            for (Path path : all.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path)
                        ? "rwxrwxr-x" : "rw-rw-r--"));
            }
        }

        Cli.Result backup = Cli.run("backup", "--data-dir", records.toString(), "--out",
                records.resolve("backups").resolve("second.zip").toString());

        assertThat(backup.code()).as(backup.err()).isZero();
        List<String> expected = List.of(Database.FILE_NAME + ".mv.db", KeyFile.FILE_NAME, "rebound.audit-head",
                "rebound.signin", "rebound.lock", "logs/rebound.log", "backups/by-hand.zip", "backups/second.zip");
        for (String name : expected) {
            assertThat(records.resolve(name)).exists();
        }
        try (Stream<Path> all = Files.walk(records)) {
            for (Path path : all.toList()) {
                String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(path,
                        LinkOption.NOFOLLOW_LINKS));
                assertThat(permissions).as(records.relativize(path).toString())
                        .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void aNewFolderIsTheAccountsAloneFromTheStart() throws Exception {
        Path records = temp.resolve("new");
        assumeThat(FilePermissions.isPosix(temp)).as("POSIX permissions").isTrue();

        Cli.Result init = Cli.run("init", "--data-dir", records.toString(), "--clinic", "Fjord Physio");

        assertThat(init.code()).as(init.err()).isZero();
        try (Stream<Path> all = Files.walk(records)) {
            assertThat(all.toList()).allSatisfy(path -> assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(path))).as(path.toString())
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    @Test
    void whatAKilledBackupLeftGoesAtTheNextStartAndInRotation() throws Exception {
        Path records = temp.resolve("records");
        CliData.seed(records);
        Path backups = Files.createDirectories(records.resolve(AutomaticBackups.DEFAULT_FOLDER));
        // the names a backup killed with SIGKILL left, before and since AtomicFile
        List<String> leftovers = List.of(".rebound-backup-0b6c8f3e-1111-4c1e-9d7e-0123456789ab.part",
                ".rebound-backup-0b6c8f3e-2222-4c1e-9d7e-0123456789ab.h2.part", ".rebound-00112233aabbccdd.part");
        for (String name : leftovers) {
            Files.write(backups.resolve(name), new byte[64 * 1024]);
        }
        Files.write(records.resolve(".rebound-8899aabbccddeeff.part"), new byte[10]);

        assertThat(Cli.run("export", "--data-dir", records.toString(), "--out", temp.resolve("all.json").toString())
                .code()).isZero();

        assertThat(names(backups)).doesNotContainAnyElementsOf(leftovers);
        assertThat(names(records)).doesNotContain(".rebound-8899aabbccddeeff.part");

        // and in rotation: one left while the program runs goes with the next automatic backup
        Files.write(backups.resolve(leftovers.get(0)), new byte[64 * 1024]);
        try (Services services = CliData.open(records)) {
            new AutomaticBackups(services, VisitFixture.CLOCK).run("test");
        }
        assertThat(names(backups)).doesNotContainAnyElementsOf(leftovers).anyMatch(n -> n.endsWith(".zip"));
    }

    @Test
    void aBackupKilledWithSigkillLeavesAPartialFileThatTheNextStartRemoves() throws Exception {
        Path records = temp.resolve("records");
        CliData.open(records).close();
        assertThat(Cli.run("demo-data", "--patients", "1500", "--data-dir", records.toString()).code()).isZero();
        // the backup runs in a process of its own, which refuses the tests' cheaper key derivation
        TestKeys.atProductionCost(records);
        Path backups = Files.createDirectories(records.resolve(AutomaticBackups.DEFAULT_FOLDER));

        Path partial = null;
        Process backup;
        try (WatchService watch = backups.getFileSystem().newWatchService()) {
            backups.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            backup = ChildCommand.start(null, "backup", "--data-dir", records.toString(), "--out",
                    backups.resolve("rebound-20261122-090000.zip").toString());
            ChildCommand.read(backup.getInputStream());
            ChildCommand.read(backup.getErrorStream());
            // killed as soon as its partial file is there: it takes the copy of 1,500 patients to write
            while (partial == null) {
                WatchKey key = watch.poll(120, TimeUnit.SECONDS);
                if (key == null) {
                    break;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && name.toString().endsWith(".part")) {
                        partial = backups.resolve(name);
                    }
                }
                key.reset();
            }
        }
        backup.destroyForcibly().waitFor();
        assertThat(partial).as("the backup began its partial file").isNotNull();
        assertThat(partial).as("the backup was killed while it wrote its partial file").exists();
        assertThat(names(backups)).noneMatch(name -> name.endsWith(".zip"));

        Cli.Result next = Cli.run("export", "--data-dir", records.toString(), "--out",
                temp.resolve("all.json").toString());

        assertThat(next.code()).as(next.err()).isZero();
        assertThat(names(backups)).isEmpty();
    }

    @Test
    void aBackupKilledWhileWritingIntoAFolderSheChoseLeavesNothingThereAfterTheNextCommandHoweverSoon()
            throws Exception {
        Path records = temp.resolve("records");
        CliData.open(records).close();
        assertThat(Cli.run("demo-data", "--patients", "1500", "--data-dir", records.toString()).code()).isZero();
        TestKeys.atProductionCost(records);
        Path stick = Files.createDirectory(temp.resolve("stick"));
        Path noted = records.resolve("rebound.backups-writing");

        Process backup = ChildCommand.start(null, "backup", "--data-dir", records.toString(), "--out",
                stick.resolve("monday.zip").toString());
        ChildCommand.read(backup.getInputStream());
        ChildCommand.read(backup.getErrorStream());
        // killed once its partial file is noted in the data folder (before any of the records go into it)
        Path partial = null;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); partial == null && System.nanoTime() < end
                && backup.isAlive();) {
            List<String> names = Files.exists(noted) ? Files.readAllLines(noted) : List.of();
            partial = names.isEmpty() ? null : Path.of(names.get(0));
            Thread.sleep(5);
        }
        backup.destroyForcibly().waitFor();
        assertThat(partial).as("the backup noted its partial file").isNotNull();
        assertThat(partial).as("the backup was killed while it wrote its partial file").exists()
                .hasParent(stick.toRealPath());

        // a moment later, not the quiet time a partial file nobody noted waits
        Cli.Result next = Cli.run("export", "--data-dir", records.toString(), "--out",
                temp.resolve("all.json").toString());

        assertThat(next.code()).as(next.err()).isZero();
        assertThat(names(stick)).isEmpty();
        assertThat(noted).doesNotExist();
    }

    /**
     * A named pipe (FIFO) in the place of one of the small files Rebound reads before and after the sign-in
     * (the list of backups being written, the sign-in count, the audit trail's end marker): opening a pipe to
     * read waits until something writes to it, so every command (and the window's start and close backup)
     * hung for ever on it, holding the folder's lock. It is not Rebound's file: read as missing.
     */
    @Test
    void aPipeInThePlaceOfASmallFileReboundReadsHoldsNoCommand() throws Exception {
        assumeThat(FilePermissions.isPosix(temp)).as("named pipes").isTrue();
        Path seeded = temp.resolve("seeded");
        CliData.seed(seeded);
        TestKeys.atProductionCost(seeded);
        for (String name : List.of("rebound.backups-writing", "rebound.signin", "rebound.audit-head")) {
            Path records = temp.resolve(name + "-folder");
            try (Stream<Path> files = Files.walk(seeded)) {
                for (Path from : files.toList()) {
                    Files.copy(from, records.resolve(seeded.relativize(from).toString()));
                }
            }
            Files.deleteIfExists(records.resolve(name));
            assertThat(new ProcessBuilder("mkfifo", records.resolve(name).toString()).start().waitFor()).isZero();

            Process export = ChildCommand.start(null, "export", "--data-dir", records.toString(), "--out",
                    temp.resolve(name + ".json").toString());
            CompletableFuture<String> out = ChildCommand.read(export.getInputStream());
            CompletableFuture<String> err = ChildCommand.read(export.getErrorStream());
            boolean ended = export.waitFor(90, TimeUnit.SECONDS);
            export.destroyForcibly().waitFor();

            assertThat(ended).as("the command ended with a pipe named " + name).isTrue();
            if (!name.equals("rebound.audit-head")) {
                // (an end marker that is not one is the trail's damage, said as such)
                assertThat(export.exitValue()).as(name + ": " + out.join() + err.join()).isZero();
            }
        }
    }

    @Test
    void aMissingKeyFileIsSaidPlainlyAndInitSetsNothingUpOverTheRecords() throws Exception {
        Path records = temp.resolve("records");
        CliData.seed(records);
        Files.delete(records.resolve(KeyFile.FILE_NAME));
        byte[] database = Files.readAllBytes(records.resolve(Database.FILE_NAME + ".mv.db"));

        Cli.Result init = Cli.run("init", "--data-dir", records.toString(), "--clinic", "Fjord Physio");
        Cli.Result export = Cli.run("export", "--data-dir", records.toString(), "--out",
                temp.resolve("all.json").toString());

        for (Cli.Result result : List.of(init, export)) {
            assertThat(result.code()).as(result.err()).isEqualTo(2);
            assertThat(result.errLines()).hasSize(1);
            assertThat(result.err()).contains("the key file rebound.keys is missing from " + records)
                    .contains("nothing was changed").contains("unzip -j BACKUP.zip rebound.keys")
                    .contains("restore BACKUP.zip --force");
        }
        assertThat(Files.readAllBytes(records.resolve(Database.FILE_NAME + ".mv.db"))).isEqualTo(database);
        assertThat(names(records)).noneMatch(name -> name.contains("without-keys")).doesNotContain(KeyFile.FILE_NAME);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
