package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Button;
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
import app.rebound.service.PatientService;

/** More patients than a page: the list shows a page, and the next one loads on request or at its end. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PatientListPagingUiTest extends MainWindowFixture {

    private static final int PATIENTS = PatientService.PAGE_SIZE + 12;

    @Override
    protected List<Patient> seed() {
        List<Patient> patients = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            // "Ødegård 001" ... in name order; every one matches "ode"
            patients.add(patient(i % 2 == 0 ? "Zoë" : "Ana-María", String.format("Ødegård %03d", i),
                    LocalDate.of(1990, 3, 14)));
        }
        patients.add(patient("小龙", "李", LocalDate.of(1992, 1, 9)));
        return patients;
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private String status(FxRobot robot) {
        return robot.lookup("#patientStatus").queryAs(Label.class).getText();
    }

    private boolean showMoreShown(FxRobot robot) {
        return robot.lookup("#showMore").queryAs(Button.class).isVisible();
    }

    @Test
    void showMoreAddsTheNextPageOfTheSameSearch(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.clickOn("#patientSearch").write("ode");
        settle();
        assertThat(shownNames(robot)).hasSize(PatientService.PAGE_SIZE);
        assertThat(status(robot)).isEqualTo("The first " + PatientService.PAGE_SIZE
                + " shown \u2014 scroll down for more, or type more of a name to narrow the list");
        assertThat(showMoreShown(robot)).isTrue();

        robot.clickOn("#showMore");
        settle();
        List<String> names = shownNames(robot);
        assertThat(names).hasSize(PATIENTS).doesNotHaveDuplicates().allMatch(n -> n.startsWith("Ødegård"));
        assertThat(names).isSorted();
        assertThat(status(robot)).isEqualTo(PATIENTS + " patients match \u201code\u201d");
        assertThat(showMoreShown(robot)).isFalse();

        // a new search starts again from its first page
        robot.clickOn("#patientSearch").push(KeyCode.CONTROL, KeyCode.A).write("李");
        settle();
        assertThat(shownNames(robot)).containsExactly("李, 小龙");
        assertThat(showMoreShown(robot)).isFalse();
    }

    @Test
    void movingToTheLastRowByKeyboardLoadsTheNextPage(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        assertThat(shownNames(robot)).hasSize(PatientService.PAGE_SIZE);
        robot.clickOn("#patientSearch").push(KeyCode.DOWN);
        robot.push(KeyCode.END);
        settle();
        assertThat(shownNames(robot)).hasSize(PATIENTS + 1).doesNotHaveDuplicates();
        assertThat(status(robot)).isEqualTo((PATIENTS + 1) + " patients");
        // the row that was last stays selected; the new rows follow it
        assertThat(table(robot).getSelectionModel().getSelectedIndex()).isEqualTo(PatientService.PAGE_SIZE - 1);
    }
}
