package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import app.rebound.TestKeys;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsUiTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void savesClinicAndPaperAndShowsTheClinicInTheHeader(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForDialog.open(robot, "#settingsDialog");
        @SuppressWarnings("unchecked")
        ComboBox<PaperSize> paper = robot.lookup("#paperSize").queryAs(ComboBox.class);
        assertThat(paper.getValue()).as("A4 by default in the UK").isEqualTo(PaperSize.A4);

        assertThat(robot.lookup("#clinicName").queryTextInputControl().getText()).as("named at set-up")
                .isEqualTo(TestKeys.CLINIC);
        robot.clickOn("#clinicName").push(KeyCode.CONTROL, KeyCode.A).write("Ødegård Physio — Bergen");
        assertThat(robot.lookup("#clinicianName").tryQuery()).as("the clinician's name is her account's").isEmpty();
        assertThat(robot.lookup("#printedAs").queryAs(Label.class).getText()).contains("Clinic → My account");
        robot.interact(() -> paper.setValue(PaperSize.US_LETTER));
        robot.clickOn("#saveSettings");
        WaitForDialog.closed(robot, "#settingsDialog");
        settle();

        Label header = robot.lookup("#headerClinicName").queryAs(Label.class);
        assertThat(header.getText()).isEqualTo("Ødegård Physio — Bergen");
        ClinicSettings stored = window.services().settings().load();
        assertThat(stored.clinicName()).isEqualTo("Ødegård Physio — Bergen");
        assertThat(stored.clinicianName()).as("the signed-in clinician's account name")
                .isEqualTo(TestKeys.DISPLAY_NAME);
        assertThat(stored.paperSize()).isEqualTo(PaperSize.US_LETTER);
    }

    @Test
    void cancellingLeavesTheSettingsAsTheyWere(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForDialog.open(robot, "#settingsDialog");
        robot.clickOn("#clinicName").write("Typed but not saved");
        robot.push(KeyCode.ESCAPE);
        WaitForDialog.open(robot, "#discardAlert");
        robot.clickOn("Discard changes");
        WaitForDialog.closed(robot, "#settingsDialog");
        assertThat(window.services().settings().load().clinicName()).isEqualTo(TestKeys.CLINIC);
    }
}
