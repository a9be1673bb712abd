package app.rebound.ui.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.programme.Exercise;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.shell.MainWindowFixture;

/** The exercise library: the clinic adds its own exercise; a taken code is refused with its message. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ExercisesUiTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void addsTheClinicsOwnExerciseAndRefusesATakenCode(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.X);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#exerciseList").tryQuery()
                .map(n -> !((ListView<?>) n).getItems().isEmpty()).orElse(false));
        @SuppressWarnings("unchecked")
        ListView<Exercise> list = robot.lookup("#exerciseList").queryAs(ListView.class);
        int shipped = list.getItems().size();
        assertThat(shipped).isGreaterThanOrEqualTo(44);

        robot.clickOn("#newExercise");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#exerciseCode").tryQuery().isPresent());
        robot.clickOn("#exerciseCode").write("pf-find");
        robot.clickOn("#exerciseName").write("Wall sit with a ball");
        robot.clickOn("#exerciseSteps").write("Lean on a wall.");
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#" + FormGrid.errorId("code")).tryQuery()
                .map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#" + FormGrid.errorId("code")).queryAs(Label.class).getText())
                .isEqualTo("Another exercise already has the code pf-find. Choose another.");

        robot.doubleClickOn("#exerciseCode").push(KeyCode.CONTROL, KeyCode.A).write("wall-sit-ball");
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.getItems().size() == shipped + 1);
        assertThat(list.getItems().get(shipped).name()).isEqualTo("Wall sit with a ball");
        assertThat(window.services().exercises().byCode("wall-sit-ball")).isPresent();
        assertThat(window.services().programmes().library()).extracting(Exercise::code).contains("wall-sit-ball");
    }
}
