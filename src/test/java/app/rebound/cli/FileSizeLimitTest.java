package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;


/**
 * Commands under a file size limit ({@code ulimit -f}, in a JVM of its own): a write past the limit fails
 * with EFBIG. That is not damage: the command says so in one line with exit code 6, never advises a
 * restore, and the records still open whole afterwards. The limit is swept from below the database's
 * size to above what the command needs.
 */
@Tag("process")
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class FileSizeLimitTest {

    private static final int STEPS = 6;

    @TempDir
    Path temp;

    record Done(int code, String out, String err) {
    }

    @Test
    void aBackupUnderAFileSizeLimitIsRefusedPlainlyAndLosesNothing() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/bin/bash"))).as("bash for ulimit").isTrue();
        Path records = temp.resolve("records");
        CliData.seed(records);
        // the command runs in a process of its own, which refuses the tests' cheaper key derivation
        TestKeys.atProductionCost(records);
        int refused = 0;
        int done = 0;

        for (int step = 0; step <= STEPS; step++) {
            // the file as it is now: each program that opens it may leave it a little larger (H2 does not
            // compact it in place as it closes; Rebound does, on a checked copy, once it is large and sparse)
            long kib = Files.size(records.resolve("rebound.mv.db")) / 1024;
            long limit = Math.max(8, kib * step * 2 / STEPS);
            Path zip = temp.resolve("backup-" + step + ".zip");
            Done backup = underLimit(limit, "backup", "--data-dir", records.toString(), "--out", zip.toString());

            String what = "limit " + limit + " KiB of a " + kib + " KiB database: " + backup.err();
            if (backup.code() == 0) {
                done++;
                assertThat(zip).as(what).isRegularFile();
            } else {
                refused++;
                assertRefusedPlainly(backup, what);
                assertThat(zip).as(what).doesNotExist();
            }
            assertNoPartialFiles(temp);
            assertWhole(records, 2, what);
        }
        assertThat(refused).as("the smallest limits refuse").isPositive();
        assertThat(done).as("the largest limit lets the backup be made").isPositive();
    }

    @Test
    void anImportUnderAFileSizeLimitWritesNothingAndLosesNothing() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/bin/bash"))).as("bash for ulimit").isTrue();
        Path source = temp.resolve("source");
        CliData.open(source).close();
        Cli.Result demo = Cli.run("demo-data", "--patients", "60", "--data-dir", source.toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        Path records = Files.createDirectory(temp.resolve("exports")).resolve("all.json");
        assertThat(Cli.run("export", "--data-dir", source.toString(), "--out", records.toString()).code()).isZero();
        Path folder = temp.resolve("records");
        CliData.seed(folder);
        TestKeys.atProductionCost(folder);
        long kib = Files.size(folder.resolve("rebound.mv.db")) / 1024;
        int refused = 0;

        for (int step = 1; step <= STEPS; step++) {
            long limit = kib + kib * step / STEPS;
            Done imported = underLimit(limit, "import", records.toString(), "--data-dir", folder.toString());

            String what = "limit " + limit + " KiB of a " + kib + " KiB database: " + imported.err();
            assertThat(imported.code()).as(what).isIn(0, 6);
            if (imported.code() == 6) {
                refused++;
                assertRefusedPlainly(imported, what);
                assertWhole(folder, 2, what);
            } else {
                // the import fitted: it is whole too, and the next limits find it there
                assertWhole(folder, 62, what);
                break;
            }
        }
        assertThat(refused).as("an import past the limit is refused").isPositive();
    }

    private static void assertRefusedPlainly(Done done, String what) {
        assertThat(done.code()).as(what).isEqualTo(6);
        assertThat(done.err().strip().split("\\R")).as(what).hasSize(1);
        assertThat(done.err()).as(what).contains("a file would grow past the largest size allowed")
                .contains("ulimit -f").contains("this is not damage").doesNotContain("restore BACKUP")
                .doesNotContain("damaged").doesNotContain("\tat ");
    }

    /** The records open, hold {@code patients} patients, and their audit trail is intact. */
    private static void assertWhole(Path folder, int patients, String what) {
        Cli.Result verify = Cli.run("audit", "--verify", "--data-dir", folder.toString());
        assertThat(verify.code()).as(what + " / " + verify.err()).isZero();
        Cli.Result export = Cli.run("export", "--data-dir", folder.toString(), "--out",
                folder.resolveSibling("check.json").toString());
        assertThat(export.code()).as(what + " / " + export.err()).isZero();
        assertThat(export.out()).as(what).startsWith("Exported " + patients + " patients");
    }

    private static void assertNoPartialFiles(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    /** Runs the program's entry point in a JVM of its own, under {@code ulimit -f kib}. */
    private static Done underLimit(long kib, String... args) throws Exception {
        Process process = ChildCommand.start("ulimit -f " + kib, args);
        CompletableFuture<String> out = ChildCommand.read(process.getInputStream());
        CompletableFuture<String> err = ChildCommand.read(process.getErrorStream());
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("rebound " + String.join(" ", args) + " did not finish");
        }
        return new Done(process.exitValue(), out.get(), err.get());
    }
}
