package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.PaperSize;
import app.rebound.domain.Patient;

class DatabaseTest {

    @TempDir
    Path folder;

    @Test
    void openingAnEmptyFolderCreatesAndMigratesTheDatabase() {
        Path dataFolder = folder.resolve("not yet there");
        assertThat(Database.existsIn(dataFolder)).isFalse();

        try (Database database = Database.open(dataFolder, TestKeys.KEY)) {
            assertThat(dataFolder.resolve("rebound.mv.db")).isRegularFile();
            assertThat(Database.existsIn(dataFolder)).isTrue();
            assertThat(new PatientStore(database).count()).isZero();
            assertThat(new SettingsStore(database).load(PaperSize.A4).clinicName()).isNull();
        }
        assertThat(Database.existsIn(dataFolder)).isTrue();
    }

    @Test
    void aFolderWithoutTheDatabaseFileHoldsNoDatabase() throws Exception {
        Files.writeString(folder.resolve("rebound.trace.db"), "");

        assertThat(Database.existsIn(folder)).isFalse();
    }

    @Test
    void openingAgainAfterClosingKeepsWhatWasSaved() {
        Patient zoe = patient("Zoë", "Ødegård").build();
        try (Database database = Database.open(folder, TestKeys.KEY)) {
            new PatientStore(database).save(zoe);
        }

        try (Database database = Database.open(folder, TestKeys.KEY)) {
            assertThat(new PatientStore(database).find(zoe.id())).contains(zoe);
        }
        try (Database database = Database.open(folder, TestKeys.KEY)) {
            assertThat(new PatientStore(database).count()).isEqualTo(1);
        }
    }

    /**
     * H2 keeps one database per file in a JVM and lets every connection of that JVM share it, so a
     * second open in the same process succeeds; the file lock only keeps other processes out.
     */
    @Test
    void aSecondOpenInTheSameProcessSharesTheDatabase() {
        try (Database first = Database.open(folder, TestKeys.KEY); Database second = Database.open(folder, TestKeys.KEY)) {
            Patient zoe = patient("Zoë", "Ødegård").build();
            new PatientStore(first).save(zoe);

            assertThat(new PatientStore(second).find(zoe.id())).contains(zoe);
        }
    }

    @Test
    @Tag("process")
    void anotherProcessHoldingTheDatabaseMakesItInUse() throws Exception {
        try (Database database = Database.open(folder, TestKeys.KEY)) {
            // created and migrated, then closed so that the other process migrates nothing
        }
        Process other = startHolder(folder);
        try {
            assertThat(waitForLine(other)).isEqualTo("open");

            assertThatThrownBy(() -> Database.open(folder, TestKeys.KEY)).isInstanceOf(DatabaseInUseException.class);
        } finally {
            other.getOutputStream().close();
            if (!other.waitFor(60, TimeUnit.SECONDS)) {
                other.destroyForcibly();
            }
        }

        try (Database database = Database.open(folder, TestKeys.KEY)) {
            assertThat(new PatientStore(database).count()).isZero();
        }
    }

    private static Process startHolder(Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true", HoldDatabaseOpen.class.getName(), folder.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CLASSPATH", "");
        return builder.start();
    }

    private static String waitForLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }
}
