package app.rebound.ui.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Birth;
import app.rebound.domain.BirthMode;
import app.rebound.domain.Patient;
import app.rebound.domain.PerinealTrauma;
import app.rebound.service.Services;
import app.rebound.ui.patients.PatientRow;
import app.rebound.ui.kit.Worker;
import app.rebound.TestKeys;

/** Starts the real main window on a fresh data folder, with a fixed clock, for TestFX tests. */
public abstract class MainWindowFixture {

    protected static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    protected static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    protected Path dataFolder;

    protected MainWindow window;
    protected Worker worker;

    /** Patients saved before the window opens. */
    protected List<Patient> seed() {
        return List.of();
    }

    /** Whether {@link #prepare} has work to do before the window opens (settings, say). */
    protected boolean prepares() {
        return false;
    }

    /** Runs on the records before the window opens, after {@link #seed()} is saved. */
    protected void prepare(Services services) {
    }

    protected void startWindow(Stage stage) {
        Locale.setDefault(Locale.UK);
        // a clinic set up as at first start: the window opens with "anna" signed in
        TestKeys.clinicFolder(dataFolder, CLOCK, Locale.UK);
        List<Patient> patients = seed();
        if (!patients.isEmpty() || prepares()) {
            try (Services services = TestKeys.signIn(dataFolder, CLOCK, Locale.UK)) {
                patients.forEach(services.patients()::save);
                prepare(services);
            }
        }
        worker = new Worker();
        window = new MainWindow(stage, dataFolder, () -> TestKeys.signIn(dataFolder, CLOCK, Locale.UK), worker);
        window.show(() -> { }, () -> { }, message -> { });
    }

    protected void waitUntilReady() throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.patientList().ready()
                && !window.patientList().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the background worker and then for the screen to catch up. */
    protected void settle() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.patientList().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    protected TableView<PatientRow> table(FxRobot robot) {
        return (TableView<PatientRow>) robot.lookup("#patientTable").queryAs(TableView.class);
    }

    protected List<String> shownNames(FxRobot robot) {
        return table(robot).getItems().stream().map(PatientRow::name).toList();
    }

    protected static Patient patient(String given, String family, LocalDate dob, LocalDate... births) {
        List<Birth> list = Arrays.stream(births)
                .map(d -> new Birth(d, BirthMode.VAGINAL, PerinealTrauma.TEAR_2)).toList();
        return new Patient(UUID.randomUUID(), Instant.EPOCH, given, family, dob, null, null, false, list, null, null,
                null, null);
    }

    @AfterEach
    void closeRecords() throws TimeoutException {
        // dialogs left open by a failed test must not leak into the next one
        FxToolkit.cleanupStages();
        if (window != null) {
            // a draft save still waiting for its pause must go out before the records close
            WaitForAsyncUtils.asyncFx(window::flushVisit);
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (window != null && window.services() != null) {
            worker.close();
            window.services().close();
        }
    }
}
