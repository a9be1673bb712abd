package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Patient;
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PatientListUiTest extends MainWindowFixture {

    @Override
    protected List<Patient> seed() {
        return List.of(
                patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), LocalDate.of(2026, 7, 1)),
                patient("Łucja", "Kowalska", LocalDate.of(1988, 5, 2)),
                patient("小龙", "李", LocalDate.of(1992, 1, 9), LocalDate.of(2025, 1, 5), LocalDate.of(2026, 8, 30)),
                patient("Ana-María", "O'Neil", LocalDate.of(1985, 12, 24)));
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void listsEveryPatientByFamilyNameWithWeeksSinceTheMostRecentBirth(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        assertThat(shownNames(robot)).containsExactly("Kowalska, Łucja", "O'Neil, Ana-María", "Ødegård, Zoë",
                "李, 小龙");
        var zoe = table(robot).getItems().get(2);
        assertThat(zoe.dateOfBirth()).isEqualTo("14/03/1990");
        // 1 July to 22 November 2026 is 144 days: 20 completed weeks
        assertThat(zoe.weeksSinceBirth()).isEqualTo("20");
        // the most recent birth counts: 30 August 2026 is 12 weeks before 22 November
        assertThat(table(robot).getItems().get(3).weeksSinceBirth()).isEqualTo("12");
        assertThat(table(robot).getItems().get(0).weeksSinceBirth()).isEmpty();
        assertThat(robot.lookup("#patientStatus").queryAs(Label.class).getText()).isEqualTo("4 patients");
    }

    @Test
    void findsHerByTypingTheStartOfAnyWordOfHerNameWithoutAccents(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.clickOn("#patientSearch").write("odeg");
        settle();
        assertThat(shownNames(robot)).containsExactly("Ødegård, Zoë");
        // the box around the field shows the focus; a glow on the field itself (no background of its own) would
        // outline each letter of the hint and of what she types
        Node search = robot.lookup("#patientSearch").query();
        assertThat(search.isFocused()).isTrue();
        assertThat(search.getEffect()).isNull();

        robot.push(KeyCode.CONTROL, KeyCode.A).write("luc");
        settle();
        assertThat(shownNames(robot)).containsExactly("Kowalska, Łucja");

        robot.push(KeyCode.CONTROL, KeyCode.A).write("maria o'n");
        settle();
        assertThat(shownNames(robot)).containsExactly("O'Neil, Ana-María");

        robot.push(KeyCode.CONTROL, KeyCode.A).write("zz");
        settle();
        assertThat(shownNames(robot)).isEmpty();
        assertThat(robot.lookup("#patientPlaceholder").queryAs(Label.class).getText())
                .contains("No patient has a name starting with \u201czz\u201d");
    }

    @Test
    void archivingHidesHerAndUndoBringsHerBack(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.clickOn("#patientSearch").write("zoe");
        settle();
        robot.push(KeyCode.DOWN);
        robot.push(KeyCode.DELETE);
        settle();
        assertThat(shownNames(robot)).isEmpty();
        Node undoBar = robot.lookup("#undoBar").query();
        assertThat(undoBar.isVisible()).isTrue();
        assertThat(robot.lookup("#undoText").queryAs(Label.class).getText()).isEqualTo(
                "Archived Zoë Ødegård. Her records are kept.");

        robot.clickOn("#showArchived");
        settle();
        assertThat(shownNames(robot)).containsExactly("Ødegård, Zoë");
        assertThat(table(robot).getItems().get(0).archived()).isTrue();
        robot.clickOn("#showArchived");
        settle();

        robot.clickOn("#undoArchive");
        settle();
        assertThat(shownNames(robot)).containsExactly("Ødegård, Zoë");
        assertThat(undoBar.isVisible()).isFalse();
    }

    @Test
    void keyboardAloneFindsAndOpensAPatientAndHerDetails(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.push(KeyCode.CONTROL, KeyCode.F).write("kow");
        settle();
        robot.push(KeyCode.ENTER); // to the list
        robot.push(KeyCode.ENTER); // open her workspace
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#workspaceName").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#workspaceName").queryAs(Label.class).getText()).isEqualTo("Łucja Kowalska");
        assertThat(robot.lookup("#workspaceDetails").queryAs(Label.class).getText()).startsWith("38 years");

        robot.push(KeyCode.CONTROL, KeyCode.E); // edit her details
        WaitForDialog.open(robot, "#patientDialog");
        assertThat(robot.lookup("#familyName").queryTextInputControl().getText()).isEqualTo("Kowalska");
        assertThat(robot.lookup("#dateOfBirth").queryTextInputControl().getText()).isEqualTo("02/05/1988");
        robot.push(KeyCode.ESCAPE); // nothing changed: closes without asking
        WaitForDialog.closed(robot, "#patientDialog");

        robot.push(KeyCode.ESCAPE); // back to the list
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#patientTable").query().getScene()).as("the list is on screen again").isNotNull();
    }
}
