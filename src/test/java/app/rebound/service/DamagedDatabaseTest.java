package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.store.AuditStore;
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
        try (Services services = TestKeys.clinic(folder, VisitFixture.CLOCK, Locale.UK)) {
            for (int i = 0; i < 6; i++) {
                VisitFixture.seed(services, "Zoë" + i, "Ødegård", 4, i);
            }
        }
        return folder;
    }

    private static RecordsUnavailableException.Reason signInFails(Path folder) {
        try {
            try (Services services = TestKeys.signIn(folder, VisitFixture.CLOCK, Locale.UK)) {
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
            services = TestKeys.signIn(folder, VisitFixture.CLOCK, Locale.UK);
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

    /**
     * Every cut at a 4 KiB boundary (and inside the first blocks) of a clinic's file, signed in to the way
     * the window does: either refused as DAMAGED with the file, the key file and the trail's end marker
     * byte for byte as they were, or opened with every patient and visit there; never migrated into an
     * empty clinic, never a new administrator. The key file's entries have {@link TestKeys#ITERATIONS}
     * PBKDF2 iterations, so each sign-in derives its key in about a millisecond.
     */
    @Test
    void everyCutOfTheFileIsRefusedUnchangedOrOpensWhole() throws Exception {
        Path folder = clinic();
        byte[] whole = Files.readAllBytes(Database.file(folder));
        byte[] keys = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));
        byte[] head = Files.readAllBytes(folder.resolve(AuditStore.HEAD_FILE));
        int refused = 0;
        for (int length : cuts(whole.length)) {
            byte[] cut = Arrays.copyOf(whole, length);
            Files.write(Database.file(folder), cut);
            Files.write(folder.resolve(AuditStore.HEAD_FILE), head);
            String what = "cut to " + length + " of " + whole.length;

            Services services;
            try {
                services = TestKeys.signIn(folder, VisitFixture.CLOCK, Locale.UK);
            } catch (RecordsUnavailableException e) {
                assertThat(e.reason()).as(what).isEqualTo(RecordsUnavailableException.Reason.DAMAGED);
                assertThat(same(Database.file(folder), cut)).as(what + ": the file is unchanged").isTrue();
                assertThat(same(folder.resolve(AuditStore.HEAD_FILE), head)).as(what).isTrue();
                assertThat(same(folder.resolve(KeyFile.FILE_NAME), keys)).as(what).isTrue();
                refused++;
                continue;
            }
            try (services) {
                var patients = services.patients().search("", true).patients();
                assertThat(patients).as(what + ": opened, so everything must be there").hasSize(6);
                for (var p : patients) {
                    assertThat(services.visits().visitsOf(p.id())).as(what).hasSize(4);
                }
                assertThat(services.session().clinician().orElseThrow().username()).isEqualTo(TestKeys.USER);
            }
        }
        // how many depends on where H2 placed its chunks (the ids are random); that the sweep reaches refusals does not
        assertThat(refused).as("cuts that lose committed records are refused").isPositive();
    }

    /** 0, a few bytes, and every 4 KiB boundary short of the whole file. */
    private static List<Integer> cuts(int length) {
        List<Integer> cuts = new ArrayList<>(List.of(0, 100, 4095));
        for (int at = 4096; at < length; at += 4096) {
            cuts.add(at);
        }
        return cuts;
    }

    @Test
    void aCutShortFileIsDamagedForAnOpenWithTheKeyAlone() throws Exception {
        Path folder = clinic();
        byte[] whole = Files.readAllBytes(Database.file(folder));
        DatabaseKey key = KeyFile.readFrom(folder).unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()).orElseThrow();
        for (int length : new int[] {0, 100, 4096, 8192, 12288, whole.length / 4}) {
            byte[] cut = Arrays.copyOf(whole, length);
            Files.write(Database.file(folder), cut);

            assertThatThrownBy(() -> Services.openExisting(folder, key, VisitFixture.CLOCK, Locale.UK))
                    .as("cut to " + length).isInstanceOfSatisfying(RecordsUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(RecordsUnavailableException.Reason.DAMAGED));
            assertThat(Files.readAllBytes(Database.file(folder))).isEqualTo(cut);
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
    @Tag("process")
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
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        try (FolderLock lock = FolderLock.tryLock(folder).orElseThrow()) {
            assertThat(FolderLock.tryLock(folder)).as("held by this program").isEmpty();
        }
        FolderLock.tryLock(folder).orElseThrow().close();
    }

    /** Whether the file holds exactly these bytes (a byte-array assertion would print all of both). */
    private static boolean same(Path file, byte[] bytes) throws IOException {
        return Arrays.equals(Files.readAllBytes(file), bytes);
    }
}
