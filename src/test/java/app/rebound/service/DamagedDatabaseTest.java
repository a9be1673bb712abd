package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.store.Database;
import app.rebound.store.DatabaseKey;
import app.rebound.store.FolderLock;
import app.rebound.store.KeyFile;

/** A damaged, cut short or missing database is reported as such, never replaced by an empty one; one program per folder. */
class DamagedDatabaseTest {

    @TempDir
    Path temp;

    private Path clinic() {
        Path folder = temp.resolve("clinic");
        try (Services services = TestKeys.clinic(folder, ProgressSamples.CLOCK, Locale.UK)) {
            for (int i = 0; i < 6; i++) {
                ProgressSamples.seed(services, "Zoë" + i, "Ødegård", 4, i);
            }
        }
        return folder;
    }

    private static RecordsUnavailableException.Reason signInFails(Path folder) {
        try {
            try (Services services = TestKeys.signIn(folder, ProgressSamples.CLOCK, Locale.UK)) {
                throw new AssertionError("signed in to a damaged database, which shows "
                        + services.patients().search("", true).patients().size() + " of 6 patients");
            }
        } catch (RecordsUnavailableException e) {
            return e.reason();
        }
    }

    /**
     * Either the records are refused as DAMAGED, or every patient and visit is there (H2 keeps two store
     * headers and older chunks, so some damage is survived): never fewer records, never an empty clinic.
     */
    private static void damagedOrWhole(Path folder, String what) {
        Services services;
        try {
            services = TestKeys.signIn(folder, ProgressSamples.CLOCK, Locale.UK);
        } catch (RecordsUnavailableException e) {
            assertThat(e.reason()).as(what).isEqualTo(RecordsUnavailableException.Reason.DAMAGED);
            return;
        }
        try (services) {
            var patients = services.patients().search("", true).patients();
            assertThat(patients).as(what + ": opened, so everything must be there").hasSize(6);
            for (var p : patients) {
                assertThat(services.visits().visitsOf(p.id())).as(what).hasSize(4);
            }
        } catch (RuntimeException e) {
            // reading failed: an error shown, not an empty clinic
        }
    }

    @Test
    void aDatabaseCutShortIsDamagedNeverEmpty() throws Exception {
        Path folder = clinic();
        byte[] whole = Files.readAllBytes(Database.file(folder));
        DatabaseKey key = KeyFile.readFrom(folder).unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()).orElseThrow();
        for (long length : new long[] {0, 100, 4096, 8192, 12288, whole.length / 10, whole.length / 4,
                whole.length / 2, whole.length - 4096}) {
            Files.write(Database.file(folder), java.util.Arrays.copyOf(whole, (int) length));

            damagedOrWhole(folder, "cut to " + length + " of " + whole.length);
            if (length <= 4096) {
                assertThatThrownBy(() -> Services.openExisting(folder, key, ProgressSamples.CLOCK, Locale.UK))
                        .as("cut to " + length).isInstanceOfSatisfying(RecordsUnavailableException.class,
                                e -> assertThat(e.reason()).isEqualTo(RecordsUnavailableException.Reason.DAMAGED));
            }
        }
    }

    @Test
    void aDatabaseWithBytesOverwrittenIsDamagedNeverEmpty() throws Exception {
        Path folder = clinic();
        byte[] whole = Files.readAllBytes(Database.file(folder));
        Random random = new Random(7);
        for (long at : new long[] {64, 4096 + 64, whole.length / 3, whole.length / 2, whole.length - 8192}) {
            byte[] damaged = whole.clone();
            for (int i = 0; i < 4096 && at + i < damaged.length; i++) {
                damaged[(int) at + i] = (byte) random.nextInt();
            }
            Files.write(Database.file(folder), damaged);

            damagedOrWhole(folder, "4 KiB overwritten at " + at);
        }
        byte[] bothHeaders = whole.clone();
        for (int i = 16; i < 8192; i++) {
            bothHeaders[i] = (byte) random.nextInt();
        }
        Files.write(Database.file(folder), bothHeaders);
        assertThat(signInFails(folder)).as("both store headers overwritten")
                .isEqualTo(RecordsUnavailableException.Reason.DAMAGED);
    }

    @Test
    void aKeyFileWithoutItsDatabaseIsMissingAndNoEmptyDatabaseIsMade() throws Exception {
        Path folder = clinic();
        Files.delete(Database.file(folder));

        assertThat(signInFails(folder)).isEqualTo(RecordsUnavailableException.Reason.MISSING);
        assertThat(Database.existsIn(folder)).isFalse();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("rebound.mv")
                    || name.endsWith(".db"));
        }
    }

    @Test
    void aSecondProgramFindsTheFolderLocked() throws Exception {
        Path folder = temp.resolve("clinic");
        Files.createDirectories(folder);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), "app.rebound.store.HoldFolderLock", folder.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("CLASSPATH", "");
        builder.redirectErrorStream(true);
        Process holder = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThat(FolderLock.tryLock(folder)).isEmpty();
            assertThat(FolderLock.tryLock(folder)).as("asked again").isEmpty();
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (FolderLock lock = FolderLock.tryLock(folder).orElseThrow()) {
            assertThat(FolderLock.tryLock(folder)).as("held by this program").isEmpty();
        }
        FolderLock.tryLock(folder).orElseThrow().close();
    }
}
