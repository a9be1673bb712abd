package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import app.rebound.domain.Patient;
import app.rebound.ui.kit.FormGrid;
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PatientDialogUiTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private String error(FxRobot robot, String field) {
        return robot.lookup("#" + FormGrid.errorId(field)).tryQuery()
                .map(n -> n.isVisible() ? ((Label) n).getText() : "")
                .orElse("");
    }

    @Test
    void createsAPatientThroughTheDialog(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.push(KeyCode.CONTROL, KeyCode.N);
        WaitForDialog.open(robot, "#patientDialog");
        assertThat(robot.lookup("#givenName").query().isFocused()).isTrue();
        robot.clickOn("#givenName").write("Zoë");
        robot.clickOn("#familyName").write("Ødegård");
        robot.clickOn("#dateOfBirth").write("14/03/1990");
        robot.clickOn("#email").write("zoe@example.no");
        robot.clickOn("#addBirth");
        robot.write("1/7/2026");
        robot.clickOn("#previousWeeklyRunKm").write("25,5");
        robot.clickOn("#goal").write("Parkrun in March");
        robot.clickOn("#savePatient");
        WaitForAsyncUtilsLite.settle();
        WaitForDialog.closed(robot, "#patientDialog");
        settle();

        assertThat(shownNames(robot)).containsExactly("Ødegård, Zoë");
        assertThat(table(robot).getItems().get(0).weeksSinceBirth()).isEqualTo("20");
        assertThat(table(robot).getSelectionModel().getSelectedItem().name()).isEqualTo("Ødegård, Zoë");

        Patient stored = window.services().patients().load(table(robot).getItems().get(0).id());
        assertThat(stored.dateOfBirth()).isEqualTo("1990-03-14");
        assertThat(stored.email()).isEqualTo("zoe@example.no");
        assertThat(stored.previousWeeklyRunKm()).isEqualByComparingTo("25.5");
        assertThat(stored.goal()).isEqualTo("Parkrun in March");
        assertThat(stored.births()).singleElement().satisfies(b -> assertThat(b.date()).isEqualTo("2026-07-01"));
    }

    @Test
    void refusesAnEmptyNameWithItsMessageAndKeepsWhatWasTyped(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.clickOn("#newPatient");
        WaitForDialog.open(robot, "#patientDialog");
        robot.clickOn("#familyName").write("Kowalska");
        robot.clickOn("#savePatient");
        WaitForAsyncUtilsLite.settle();

        assertThat(error(robot, "givenName")).isEqualTo("Enter the patient’s given name.");
        assertThat(error(robot, "familyName")).isEmpty();
        assertThat(robot.lookup("#familyName").queryTextInputControl().getText()).isEqualTo("Kowalska");
        assertThat(robot.lookup("#patientDialog").query().getScene().getWindow().isShowing()).isTrue();
        assertThat(robot.lookup("#givenName").query().isFocused()).isTrue();

        robot.write("Łucja");
        WaitForAsyncUtilsLite.settle();
        assertThat(error(robot, "givenName")).isEmpty();
        robot.clickOn("#savePatient");
        WaitForDialog.closed(robot, "#patientDialog");
        settle();
        assertThat(shownNames(robot)).containsExactly("Kowalska, Łucja");
    }

    @Test
    void explainsBadDatesNumbersAndEmailBesideTheirFields(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.clickOn("#newPatient");
        WaitForDialog.open(robot, "#patientDialog");
        robot.clickOn("#givenName").write("Ana-María");
        robot.clickOn("#familyName").write("O'Neil");
        robot.clickOn("#dateOfBirth").write("31/02/1990");
        robot.clickOn("#email").write("ana at example");
        robot.clickOn("#previousWeeklyRunKm").write("400");
        robot.clickOn("#addBirth");
        robot.write("01/01/2027");
        robot.clickOn("#savePatient");
        WaitForAsyncUtilsLite.settle();

        assertThat(error(robot, "dateOfBirth")).isEqualTo("Type the date as dd/mm/yyyy, for example 31/01/1990.");
        assertThat(error(robot, "email")).contains("name@example.com");
        assertThat(error(robot, "previousWeeklyRunKm")).isEqualTo("400 is outside 0–300 km a week.");
        assertThat(error(robot, "births[0].date")).startsWith("This birth is in the future.");

        robot.doubleClickOn("#dateOfBirth").push(KeyCode.CONTROL, KeyCode.A).write(TODAY.plusDays(1).format(
                DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        WaitForAsyncUtilsLite.settle();
        assertThat(error(robot, "dateOfBirth")).isEqualTo("The date of birth is in the future. Check the year.");
        assertThat(window.services().patients().search("", true).patients()).isEmpty();

        robot.clickOn("Cancel");
        WaitForDialog.open(robot, "#discardAlert");
        robot.clickOn("Discard changes");
        WaitForDialog.closed(robot, "#patientDialog");
    }

    @Test
    void escapeAsksBeforeThrowingAwayWhatWasTyped(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.push(KeyCode.CONTROL, KeyCode.N);
        WaitForDialog.open(robot, "#patientDialog");
        robot.clickOn("#givenName").write("Zoë");
        robot.push(KeyCode.ESCAPE);
        WaitForDialog.open(robot, "#discardAlert");
        robot.clickOn("Keep editing");
        WaitForDialog.closed(robot, "#discardAlert");
        assertThat(robot.lookup("#givenName").queryTextInputControl().getText()).isEqualTo("Zoë");
        assertThat(robot.lookup("#patientDialog").query().getScene().getWindow().isShowing()).isTrue();

        robot.push(KeyCode.ESCAPE);
        WaitForDialog.open(robot, "#discardAlert");
        robot.clickOn("Discard changes");
        WaitForDialog.closed(robot, "#patientDialog");
        settle();
        assertThat(window.services().patients().search("", true).patients()).as("nothing saved").isEmpty();
    }
}
