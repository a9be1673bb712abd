package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.service.RecordsUnavailableException;
import app.rebound.ui.kit.Worker;

/** When the records cannot be opened, the window says so in plain words, never a stack trace. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StartupFailureUiTest {

    @TempDir
    Path folder;

    private final AtomicReference<String> reported = new AtomicReference<>();
    private Worker worker;

    @Start
    void start(Stage stage) {
        worker = new Worker();
        MainWindow window = new MainWindow(stage, folder, () -> {
            throw new RecordsUnavailableException(RecordsUnavailableException.Reason.IN_USE, new IllegalStateException("file locked"));
        }, worker);
        window.show(() -> { }, () -> { }, reported::set);
    }

    @Test
    void saysTheRecordsAreOpenElsewhere(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#errorAlert").tryQuery().isPresent());
        String expected = "The clinic’s records are open in another Rebound window or program. "
                + "Close it, then start Rebound again.";
        assertThat(robot.lookup("#errorAlert").queryAs(DialogPane.class).getContentText()).isEqualTo(expected);
        assertThat(reported.get()).isEqualTo(expected);
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#patientPlaceholder").queryAs(Label.class).getText()).isEqualTo(expected);
        assertThat(robot.lookup("#newPatient").query().isDisabled()).as("nothing to add patients to").isTrue();
    }

    @AfterEach
    void cleanUp() throws TimeoutException {
        FxToolkit.cleanupStages();
        worker.close();
    }
}
