package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;
import app.rebound.service.Edition;
import app.rebound.service.SecondWorkstation;
import app.rebound.service.Services;
import app.rebound.ui.kit.Pictures;
import app.rebound.ui.shell.MainWindowFixture;

/**
 * Two people, one visit, in the real window (embedded mode: Zoë's workstation is a second set of services
 * on the same clinic file). Anna types in the visit form after Zoë saved it: her save is refused and the
 * conflict dialog shows both versions field by field; Esc keeps her values in the form, not saved, with a
 * notice and Compare…; Keep mine saves hers over Zoë's.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ConflictDialogUiTest extends MainWindowFixture {

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(22));
    private Services there;

    @Override
    protected List<Patient> seed() {
        return List.of(zoe);
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @AfterEach
    void closeSecond() {
        if (there != null) {
            SecondWorkstation.close(there);
        }
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && n.isVisible()).orElse(false);
    }

    private static List<String> rows(FxRobot robot) {
        GridPane grid = robot.lookup("#conflictRows").queryAs(GridPane.class);
        return grid.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private String storedNotes(Visit visit) {
        return window.services().visits().load(visit.id()).notes();
    }

    /** Anna's draft of Zoë's visit, open in the window; Zoë's workstation beside it ({@link #there}). */
    private Visit draftOpenHere(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        Visit visit = window.services().visits().save(VisitFixture.withRedFlags(
                Visit.draft(zoe.id(), TODAY, VisitKind.INITIAL), Set.of())).visit();
        robot.interact(() -> window.navigator().openVisit(zoe.id(), visit.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#visitNotes").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        there = SecondWorkstation.beside(window.services(), CLOCK, SecondWorkstation.ZOE);
        return visit;
    }

    @Test
    void herSaveRefusedShowsBothVersionsEscKeepsHersAndKeepMineSavesThem(FxRobot robot) throws Exception {
        Visit visit = draftOpenHere(robot);

        // Zoë, on the other workstation, saves the same visit first
        Edition<Visit> zoeRead = there.visits().open(visit.id());
        there.visits().save(VisitFixture.withNotes(zoeRead.value(), "Zoë's notes"), zoeRead.version(), null, null);

        robot.interact(() -> robot.lookup("#visitNotes").query().requestFocus());
        robot.write("Anna's notes");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(robot, "#conflictDialog"));
        Pictures.keep(robot.lookup("#conflictDialog").query().getScene(), "conflict-dialog");
        assertThat(rows(robot)).containsExactly("Field", "Yours, not saved", "Saved on the other workstation",
                "Notes", "Anna's notes", "Zoë's notes");
        assertThat(robot.lookup("#conflictDialog").queryAs(DialogPane.class).getHeaderText())
                .startsWith("Changed on another workstation by Zoë Physio at ");

        // Esc: decide later; her values stay in the form, nothing written over Zoë's
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !shown(robot, "#conflictDialog"));
        assertThat(robot.lookup("#visitNotes").queryAs(TextArea.class).getText()).isEqualTo("Anna's notes");
        assertThat(shown(robot, "#elsewhereBanner")).isTrue();
        assertThat(robot.lookup("#changedElsewhere").queryAs(Label.class).getText())
                .startsWith("Not saved: Changed on another workstation by Zoë Physio at ");
        Pictures.keep(robot.lookup("#visitNotes").query().getScene(), "conflict-later");
        assertThat(storedNotes(visit)).isEqualTo("Zoë's notes");

        // leaving the visit now would lose hers: asked, and Cancel (the default) stays with them
        robot.clickOn("#backToPatient");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(robot, "#confirmAlert"));
        assertThat(robot.lookup("#confirmAlert").queryAs(DialogPane.class).getContentText())
                .startsWith("What you typed in this visit is not saved: another workstation saved it first");
        Pictures.keep(robot.lookup("#confirmAlert").query().getScene(), "conflict-leave-asked");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !shown(robot, "#confirmAlert"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#visitNotes")).as("still on the visit").isTrue();
        assertThat(robot.lookup("#visitNotes").queryAs(TextArea.class).getText()).isEqualTo("Anna's notes");

        // Compare…, then Keep mine
        robot.clickOn("#compareVersions");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(robot, "#conflictDialog")
                && robot.lookup("#keepMine").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#keepMine").match(NodeQueryUtils.isVisible()).queryButton());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "Anna's notes".equals(storedNotes(visit)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !shown(robot, "#elsewhereBanner"));
        Node state = robot.lookup("#saveState").query();
        assertThat(((Label) state).getText()).startsWith("Draft saved at");
    }
    /**
     * Zoë completes the visit while Anna still types: Keep mine cannot change a completed visit without a
     * reason, so Anna's values stay on screen, read-only, with Amend; the amendment saves them with her reason.
     */
    @Test
    void keepMineOverAVisitCompletedElsewhereWaitsForAmendAndItsReason(FxRobot robot) throws Exception {
        Visit visit = draftOpenHere(robot);
        Edition<Visit> zoeRead = there.visits().open(visit.id());
        there.visits().complete(VisitFixture.withNotes(zoeRead.value(), "Zoë's notes"), zoeRead.version());

        robot.interact(() -> robot.lookup("#visitNotes").query().requestFocus());
        robot.write("Anna's notes");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(robot, "#conflictDialog")
                && robot.lookup("#keepMine").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#keepMine").match(NodeQueryUtils.isVisible()).queryButton());

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(robot, "#amendVisit"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#changedElsewhere").queryAs(Label.class).getText())
                .startsWith("Completed on another workstation. Your values are shown here, not saved");
        assertThat(robot.lookup("#visitNotes").queryAs(TextArea.class).getText()).isEqualTo("Anna's notes");
        assertThat(robot.lookup("#visitNotes").query().isDisabled()).isTrue();
        assertThat(storedNotes(visit)).isEqualTo("Zoë's notes");
        assertThat(window.services().visits().amendments(visit.id())).isEmpty();
        Pictures.keep(robot.lookup("#visitNotes").query().getScene(), "conflict-completed-elsewhere");

        robot.clickOn("#amendVisit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#amendReason").tryQuery().isPresent());
        robot.clickOn("#amendReason").write("Findings from the same session").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "Anna's notes".equals(storedNotes(visit)));
        assertThat(window.services().visits().amendments(visit.id())).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("Findings from the same session"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !shown(robot, "#elsewhereBanner"));
        Pictures.keep(robot.lookup("#visitNotes").query().getScene(), "conflict-completed-amended");
    }
}
