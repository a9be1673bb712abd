package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Patient;
import app.rebound.domain.visit.Side;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;
import app.rebound.ui.shell.MainWindowFixture;

/**
 * Clinical reference §9 on the real visit form: a stage ahead of the suggestion shows why the suggestion
 * is lower and is confirmed once; impact work 8 weeks after the birth is refused without a typed reason;
 * the reason is shown with the visit and in its amendments.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StageChoiceUiTest extends MainWindowFixture {

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(22));
    private final Patient ana = patient("Ana-María", "O'Neil", LocalDate.of(1992, 5, 1), TODAY.minusWeeks(8));

    @Override
    protected List<Patient> seed() {
        return List.of(zoe, ana);
    }

    @Start
    void start(javafx.stage.Stage stage) {
        startWindow(stage);
    }

    /** Saves her visit of today (red flags asked, none present; nothing else) and opens it on screen. */
    private Visit open(FxRobot robot, Patient patient, Visit visit) throws TimeoutException {
        waitUntilReady();
        Visit saved = visit == null ? window.services().visits().save(VisitFixture.withRedFlags(
                Visit.draft(patient.id(), TODAY, VisitKind.INITIAL), Set.of())).visit() : visit;
        robot.interact(() -> window.navigator().openVisit(patient.id(), saved.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#visitDate").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return saved;
    }

    /** Picks a stage as a clinician does from the keyboard: the choice focused, its number typed. */
    private void pick(FxRobot robot, String digit) {
        robot.interact(() -> choice(robot).requestFocus());
        robot.write(digit);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Stage> choice(FxRobot robot) {
        return robot.lookup("#chosenStage").queryAs(ComboBox.class);
    }

    private static boolean dialogShown(FxRobot robot) {
        return robot.lookup("#stageChoiceDialog").tryQuery().map(n -> n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false);
    }

    private void waitForDialog(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dialogShown(robot));
    }

    private void waitForSave() throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.visitForm().saveStateProperty().get().contains("saved at"));
    }

    private static String text(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node instanceof Label label ? label.getText() : ((TextArea) node).getText();
    }

    @Test
    void aStageAheadShowsWhyTheSuggestionIsLowerAndIsConfirmedOnce(FxRobot robot) throws TimeoutException {
        Visit visit = open(robot, zoe, null);
        assertThat(text(robot, "#suggestedStage")).isEqualTo("Suggested: 2 Low load");

        pick(robot, "3");
        waitForDialog(robot);
        assertThat(text(robot, "#stageChoiceSuggestion"))
                .isEqualTo("Rebound suggests 2 Low load: No strength test recorded yet.");
        assertThat(robot.lookup("#stageChoiceConfirm").query().isDisabled()).as("a reason is optional for Build")
                .isFalse();
        robot.clickOn("#stageChoiceCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogShown(robot)).isFalse();
        assertThat(choice(robot).getValue()).as("cancelled: she keeps the suggestion").isNull();
        assertThat(window.visitForm().chosenStageProperty().get()).isNull();

        pick(robot, "3");
        waitForDialog(robot);
        robot.clickOn("#stageChoiceConfirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(choice(robot).getValue()).isEqualTo(Stage.BUILD);
        waitForSave();
        assertThat(window.services().visits().load(visit.id()).stage()).isEqualTo(Stage.BUILD);

        // confirmed once: typing on, which changes the readiness, does not ask again
        robot.interact(() -> window.visitForm().notesProperty().set("Keen to run by March."));
        robot.interact(() -> window.visitForm().strength(StrengthTest.CALF_RAISE,
                Side.LEFT).textProperty().set("12"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogShown(robot)).isFalse();
        assertThat(choice(robot).getValue()).isEqualTo(Stage.BUILD);
    }

    @Test
    void walkRunEightWeeksAfterTheBirthIsRefusedWithoutATypedReason(FxRobot robot) throws TimeoutException {
        Visit visit = open(robot, ana, null);
        assertThat(text(robot, "#suggestedStage")).isEqualTo("Suggested: 2 Low load");

        pick(robot, "5");
        waitForDialog(robot);
        assertThat(robot.lookup("#stageChoiceDialog").query().lookupAll(".label").stream()
                .filter(Label.class::isInstance).map(n -> ((Label) n).getText()).toList())
                .anySatisfy(t -> assertThat(t).contains("5 Walk-run before 12 weeks after the birth needs a reason"));
        assertThat(robot.lookup("#stageChoiceConfirm").query().isDisabled()).as("refused without a reason").isTrue();
        assertThat(robot.lookup("#stageChoiceMissing").query().isVisible()).isTrue();
        assertThat(text(robot, "#stageChoiceMissing")).isEqualTo("Type the reason to choose 5 Walk-run.");
        robot.clickOn("#stageChoiceReason").write("   ");
        assertThat(robot.lookup("#stageChoiceConfirm").query().isDisabled()).as("blanks are no reason").isTrue();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogShown(robot)).isFalse();
        assertThat(choice(robot).getValue()).as("the choice was refused").isNull();
        assertThat(window.services().visits().load(visit.id()).stage()).isNull();

        pick(robot, "5");
        waitForDialog(robot);
        robot.clickOn("#stageChoiceReason").write("Ran 40 km a week to 36 weeks; cleared by her obstetrician");
        assertThat(robot.lookup("#stageChoiceConfirm").query().isDisabled()).isFalse();
        robot.clickOn("#stageChoiceConfirm");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(choice(robot).getValue()).isEqualTo(Stage.WALK_RUN);
        assertThat(robot.lookup("#stageReasonBox").query().isVisible()).isTrue();
        assertThat(text(robot, "#stageReason")).isEqualTo("Ran 40 km a week to 36 weeks; cleared by her obstetrician");
        waitForSave();
        Visit stored = window.services().visits().load(visit.id());
        assertThat(stored.stage()).isEqualTo(Stage.WALK_RUN);
        assertThat(stored.stageReason()).isEqualTo("Ran 40 km a week to 36 weeks; cleared by her obstetrician");

        // back to the suggestion: the reason went with the choice it explained
        robot.interact(() -> choice(robot).requestFocus());
        robot.push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogShown(robot)).isFalse();
        assertThat(window.visitForm().stageReasonProperty().get()).isEmpty();
        assertThat(robot.lookup("#stageReasonBox").query().isVisible()).isFalse();
    }

    @Test
    void theReasonIsShownWithTheVisitAndInItsAmendments(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        Visit draft = window.services().visits().save(VisitFixture.withRedFlags(
                Visit.draft(ana.id(), TODAY, VisitKind.INITIAL), Set.of())).visit();
        Visit completed = window.services().visits().complete(
                draft.withStage(Stage.IMPACT_PREP, "Netball player; wants hopping drills"))
                .visit();
        open(robot, ana, completed);

        assertThat(choice(robot).getValue()).isEqualTo(Stage.IMPACT_PREP);
        assertThat(robot.lookup("#stageReasonBox").query().isVisible()).isTrue();
        assertThat(text(robot, "#stageReason")).isEqualTo("Netball player; wants hopping drills");

        assertThat(robot.lookup("#stageReason").query().isDisabled()).as("completed: read-only").isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#amendReason").tryQuery().isPresent());
        robot.clickOn("#amendReason").write("Agreed with the physio").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#stageReason").query().isDisabled());
        robot.clickOn("#stageReason").push(KeyCode.CONTROL, KeyCode.A).write("Netball player; physio agreed");
        waitForSave();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#amendments").tryQuery()
                .map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#amendments").query().lookupAll(".label").stream()
                .filter(Label.class::isInstance).map(n -> ((Label) n).getText()).toList())
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo("Why this stage: “Netball player; wants hopping drills” → “Netball player; physio agreed”"));
        assertThat(window.services().visits().load(completed.id()).stageReason())
                .isEqualTo("Netball player; physio agreed");

        // emptied: the form says what is missing, and the reason on record stays
        robot.clickOn("#stageReason").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-stageReason").query().isVisible()).isTrue();
        assertThat(text(robot, "#error-stageReason")).startsWith("Type why you choose 4 Impact prep before 12 weeks");
        robot.interact(window::flushVisit);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.visitForm().saveStateProperty().get()
                .contains("Saving"));
        assertThat(window.services().visits().load(completed.id()).stageReason())
                .isEqualTo("Netball player; physio agreed");
    }
}
