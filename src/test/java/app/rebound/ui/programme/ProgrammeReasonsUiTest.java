package app.rebound.ui.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
import app.rebound.domain.programme.FindingsFixture;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.ui.shell.MainWindowFixture;

/**
 * The programme builder says why each exercise is there (clinical reference §9), keeps it when the dose is
 * edited, gives an exercise added by hand "Added by you", and refuses a walk-run edit that breaks a rule
 * with the rule in words.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProgrammeReasonsUiTest extends MainWindowFixture {

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(30));

    @Override
    protected List<Patient> seed() {
        return List.of(zoe);
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    /** No Knack, a right single-leg bridge of 12, leaking on the left hop; she chose walk-run. */
    private Visit visit() {
        FindingsFixture findings = new FindingsFixture().floor(3, false, Relaxation.COMPLETE, Tone.NORMAL)
                .strength(StrengthTest.SL_BRIDGE, 20, 12)
                .load(LoadTest.HOP, new LoadEntry.PerSide(Sides.of(
                        LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE), LoadResult.of(TestStatus.PASS))));
        return window.services().visits().save(findings.visit(zoe.id(), TODAY, app.rebound.domain.visit.Stage.WALK_RUN))
                .visit();
    }

    private void openProgramme(FxRobot robot, Visit visit) throws TimeoutException {
        robot.interact(() -> window.navigator().openProgramme(zoe.id(), visit.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.programmeForm() != null
                && robot.lookup("#programmeExercises").tryQuery().map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> cellTexts(FxRobot robot, String table) {
        return robot.lookup(table + " .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null && !t.isBlank()).toList();
    }

    @SuppressWarnings("unchecked")
    private static <R> TableColumn<R, String> column(TableView<R> table, String heading) {
        return (TableColumn<R, String>) table.getColumns().stream().filter(c -> c.getText().equals(heading))
                .findFirst().orElseThrow();
    }

    private static <R> void type(FxRobot robot, TableView<R> table, int row, String heading, String text) {
        robot.interact(() -> {
            table.requestFocus();
            TableColumn<R, String> column = column(table, heading);
            table.edit(row, column);
        });
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theBuilderShowsWhyAndKeepsItWhenTheDoseIsEdited(FxRobot robot) throws Exception {
        waitUntilReady();
        Visit visit = visit();
        openProgramme(robot, visit);
        @SuppressWarnings("unchecked")
        TableView<ProgrammeViewModel.ItemRow> table = robot.lookup("#programmeExercises").queryAs(TableView.class);

        assertThat(column(table, "Why")).isNotNull();
        // the rows with reasons may be scrolled out of view: the column's text for each, as the cells show it
        List<String> why = table.getItems().stream().map(row -> column(table, "Why").getCellData(row)).toList();
        assertThat(why).contains("Knack absent", "Leaked on hop (left)")
                .anyMatch(text -> text.contains("Right single-leg bridge 12/20"));
        assertThat(cellTexts(robot, "#programmeExercises")).anyMatch(text -> text.contains("Dosed from PERFECT"));

        int knack = indexOf(table, "pf-knack");
        type(robot, table, knack, "Sets", "3");
        assertThat(table.getItems().get(knack).sets.get()).isEqualTo("3");
        assertThat(column(table, "Why").getCellData(table.getItems().get(knack))).isEqualTo("Knack absent");

        robot.interact(() -> window.programmeForm().add(
                window.programmeForm().library().stream().filter(e -> e.code().equals("goblet-squat")).findFirst()
                        .orElseThrow()));
        assertThat(column(table, "Why").getCellData(table.getItems().get(table.getItems().size() - 1)))
                .isEqualTo("Added by you");

        robot.clickOn("#saveProgramme");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.services().programmes().open(visit.id()).saved());
        Programme saved = window.services().programmes().open(visit.id()).programme();
        ProgrammeItem savedKnack = saved.exercises().stream().filter(i -> i.exercise().equals("pf-knack")).findFirst()
                .orElseThrow();
        assertThat(savedKnack.reasons()).containsExactly("KNACK");
        assertThat(savedKnack.dose().sets()).isEqualTo(3);
        assertThat(saved.exercises().get(saved.exercises().size() - 1).reasons()).containsExactly("CLINICIAN");
    }

    @Test
    void aWalkRunEditThatBreaksARuleIsRefusedWithItsReason(FxRobot robot) throws Exception {
        waitUntilReady();
        openProgramme(robot, visit());
        @SuppressWarnings("unchecked")
        TableView<ProgrammeViewModel.WeekRow> weeks = robot.lookup("#walkRunWeeks").queryAs(TableView.class);
        Button save = robot.lookup("#saveProgramme").queryAs(Button.class);
        assertThat(save.isDisabled()).isFalse();

        // week 3 runs 2:07: not on the 5-second grid
        String planned = weeks.getItems().get(2).run.get();
        type(robot, weeks, 2, "Run", "2:07");

        List<String> problems = robot.lookup("#programmeProblems .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
        assertThat(problems).anyMatch(text -> text.startsWith("Week 3: a run of 127 s is not a multiple of 5 seconds."));
        assertThat(problems).anyMatch(text -> text.startsWith("Week 3 raises the week\u2019s running time"));
        assertThat(save.isDisabled()).isTrue();

        type(robot, weeks, 2, "Run", planned);
        assertThat(robot.lookup("#programmeProblems .label").queryAll()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
    }

    private static int indexOf(TableView<ProgrammeViewModel.ItemRow> table, String code) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).exercise().code().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code);
    }
}
