package app.rebound.service;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.store.Database;
import app.rebound.store.HoldDatabaseOpen;

class ServicesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void openBuildsServicesOnOneDatabaseAndWhatTheySaveOutlivesClosing() {
        Path data = folder.resolve("records");
        Patient anna;
        Visit visit;
        try (Services services = Services.open(data, TestKeys.KEY, CLOCK, Locale.UK)) {
            services.warmUp();
            anna = services.patients().save(patient("Anna", "Smith").build());
            visit = services.visits().save(VisitFixture.full(anna.id(), services.visits().today())).visit();
        }
        assertThat(Database.existsIn(data)).isTrue();

        try (Services services = Services.open(data, TestKeys.KEY, CLOCK, Locale.UK)) {
            assertThat(services.visits().load(visit.id())).isEqualTo(visit);
            assertThat(services.visits().workspace(anna.id()).patient()).isEqualTo(anna);
            assertThat(services.patients().search("anna", false).patients().get(0).lastVisit())
                    .isEqualTo(visit.date());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    @Tag("process")
    void recordsOpenInAnotherProcessAreInUse() throws Exception {
        // created and migrated first, so that the other process only opens it
        Database.open(folder, TestKeys.KEY).close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true", HoldDatabaseOpen.class.getName(), folder.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CLASSPATH", "");
        Process other = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS)).isEqualTo("open");

            RecordsUnavailableException e = catchThrowableOfType(RecordsUnavailableException.class,
                    () -> Services.open(folder, TestKeys.KEY, CLOCK, Locale.UK));
            assertThat(e).isNotNull();
            assertThat(e.reason()).isEqualTo(RecordsUnavailableException.Reason.IN_USE);
            assertThat(e.inUse()).isTrue();
        } finally {
            other.getOutputStream().close();
            if (!other.waitFor(60, TimeUnit.SECONDS)) {
                other.destroyForcibly();
                other.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }
}
