package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
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
import app.rebound.domain.visit.CriterionStatus;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.ReadinessCriterion;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Visit;
import app.rebound.ui.shell.MainWindowFixture;

/**
 * The clinician's journey: open a patient, start a visit and fill a whole assessment with the
 * keyboard alone (no clicks once the form is open), watching the readiness summary follow.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class VisitJourneyUiTest extends MainWindowFixture {

    @Override
    protected List<Patient> seed() {
        // birth 22 weeks before the fixed "today" (22 November 2026)
        return List.of(patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(22)));
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private void tab(FxRobot robot, int times) {
        for (int i = 0; i < times; i++) {
            robot.push(KeyCode.TAB);
        }
    }

    private void type(FxRobot robot, String text) {
        robot.write(text);
        robot.push(KeyCode.TAB);
    }

    private CriterionStatus shown(FxRobot robot, ReadinessCriterion criterion) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#readinessPanel").queryAs(ReadinessPanel.class).statusOf(criterion);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextInputControl.class).getText();
    }

    @Test
    void fillsAWholeAssessmentWithTheKeyboardAndFindsItIntactAfterReopening(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        robot.clickOn("#patientSearch").write("zoe"); // the last click: from here on, keys only
        settle();
        robot.push(KeyCode.ENTER).push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#workspaceName").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#visitDate").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "visitDate")).isEqualTo("22/11/2026");
        assertThat(robot.lookup("#visitDate").query().isFocused()).isTrue();
        assertThat(shown(robot, ReadinessCriterion.WEEKS_SINCE_BIRTH)).isEqualTo(CriterionStatus.MET);

        tab(robot, 2); // date, kind
        // history: breastfeeding, sleep, BMI, hypermobility, low mood, RED-S, leaked before, support device
        // (Y, N and a letter only one choice starts with answer and move on by themselves)
        robot.write("y");
        type(robot, "6.5");
        type(robot, "23.4");
        robot.write("nnny");
        robot.write("n");
        // symptoms: eight flags, pain, minutes of running before symptoms
        robot.write("nnnnnnnn");
        type(robot, "2");
        type(robot, "10");
        assertThat(shown(robot, ReadinessCriterion.NO_SYMPTOMS)).isEqualTo(CriterionStatus.MET);
        // red flags: asked (space), eight flags left unticked
        robot.push(KeyCode.SPACE);
        tab(robot, 9);
        assertThat(shown(robot, ReadinessCriterion.NO_RED_FLAGS)).isEqualTo(CriterionStatus.MET);
        // pelvic floor: method, power, endurance, repetitions, fast, elevation, co-contraction, knack,
        // relaxation, tone, standing hold, notes
        robot.write("v");
        robot.write("7");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-pelvicFloor-power").queryAs(Label.class).getText())
                .isEqualTo("7 is outside 0–5 (Modified Oxford Scale).");
        assertThat(text(robot, "pelvicFloor-power")).as("nothing typed is lost").isEqualTo("7");
        robot.push(KeyCode.BACK_SPACE);
        type(robot, "4");
        assertThat(robot.lookup("#error-pelvicFloor-power").query().isVisible()).isFalse();
        assertThat(robot.lookup("#powerMeaning").queryAs(Label.class).getText())
                .isEqualTo("4 good: squeeze and lift against resistance");
        type(robot, "6");
        type(robot, "5");
        type(robot, "8");
        robot.write("yyncn");
        type(robot, "30");
        type(robot, "Good lift, tires at the 4th hold");
        assertThat(shown(robot, ReadinessCriterion.PELVIC_FLOOR)).isEqualTo(CriterionStatus.MET);
        // abdominal wall: method, unit, three distances, doming, linea alba
        robot.write("pf");
        type(robot, "2");
        type(robot, "2.5");
        type(robot, "1");
        robot.write("nf");
        // strength: calf raise L R, bridge L R, sit to stand L R, abduction L R
        type(robot, "22");
        type(robot, "21");
        type(robot, "14");
        type(robot, "20");
        type(robot, "25");
        type(robot, "24");
        type(robot, "20");
        type(robot, "20");
        assertThat(shown(robot, ReadinessCriterion.STRENGTH_TESTS)).as("bridge L 14").isEqualTo(CriterionStatus.NOT_MET);
        assertThat(window.visitForm().readinessProperty().get().suggestedStage()).isEqualTo(SuggestedStage.BUILD);
        // load and impact: one field for each result (one-sided tests twice); P passes and moves on,
        // L is leaking seen (so symptoms), Tab moves on
        for (LoadTest test : LoadTest.values()) {
            for (int side = 0; side < (test.oneSided() ? 2 : 1); side++) {
                if (test == LoadTest.HOP && side == 0) {
                    type(robot, "l");
                } else {
                    robot.write("p");
                }
            }
        }
        assertThat(shown(robot, ReadinessCriterion.LOAD_IMPACT_TESTS)).isEqualTo(CriterionStatus.NOT_MET);
        // outcomes: two PSFS activities, ICIQ, PGI-I
        type(robot, "Running for the bus");
        type(robot, "4");
        type(robot, "Jumping with my son");
        type(robot, "6");
        tab(robot, 1); // the rows left are empty: on to the ICIQ score
        type(robot, "7");
        type(robot, "3");
        type(robot, "Keen to run by March.");
        assertThat(robot.lookup("#psfsMean").queryAs(Label.class).getText()).isEqualTo("5");

        // back to the bridge with Ctrl+7 and make it 20: the criterion is met
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT7);
        tab(robot, 2);
        robot.push(KeyCode.CONTROL, KeyCode.A).write("20");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, ReadinessCriterion.STRENGTH_TESTS)).as("bridge 20").isEqualTo(CriterionStatus.MET);
        assertThat(window.visitForm().readinessProperty().get().suggestedStage())
                .as("hop with leakage still holds her at impact preparation").isEqualTo(SuggestedStage.IMPACT_PREP);

        // leave the visit: it is saved; reopen it from her visits
        robot.push(KeyCode.ALT, KeyCode.LEFT);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#visitTable").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        settle();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.services().visits()
                .visitsOf(window.services().patients().search("zoe", false).patients().get(0).id()).isEmpty());
        Visit stored = window.services().visits().visitsOf(
                window.services().patients().search("zoe", false).patients().get(0).id()).get(0);
        assertThat(stored.pelvicFloor().power()).isEqualTo(4);
        assertThat(stored.pelvicFloor().relaxation()).isEqualTo(Relaxation.COMPLETE);
        assertThat(stored.strength(StrengthTest.SL_BRIDGE).left()).isEqualTo(20);
        assertThat(stored.abdominalWall().atUmbilicus()).isEqualByComparingTo("2.5");
        assertThat(stored.loadImpact().get(LoadTest.HOP)).isInstanceOfSatisfying(LoadEntry.PerSide.class,
                hop -> {
                    assertThat(hop.sides().left().status()).isEqualTo(TestStatus.SYMPTOMS);
                    assertThat(hop.sides().left().symptoms()).containsExactly(TestSymptom.LEAKAGE);
                });
        assertThat(stored.outcomes().psfs()).hasSize(2);
        assertThat(stored.notes()).isEqualTo("Keen to run by March.");
        assertThat(stored.redFlags()).isEmpty();

        robot.push(KeyCode.ENTER); // the visit list has focus: reopen the visit
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#visitDate").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "pelvicFloor-power")).isEqualTo("4");
        assertThat(text(robot, "strength-SL_BRIDGE-left")).isEqualTo("20");
        assertThat(text(robot, "history-sleepHours")).isEqualTo("6.5");
        assertThat(text(robot, "pelvicFloor-notes")).isEqualTo("Good lift, tires at the 4th hold");
        assertThat(text(robot, "psfs-activity-1")).isEqualTo("Jumping with my son");
        assertThat(shown(robot, ReadinessCriterion.LOAD_IMPACT_TESTS)).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(robot.lookup("#suggestedStage").queryAs(Label.class).getText()).isEqualTo("Suggested: 4 Impact prep");
    }
}
