package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.CheckBox;
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

import app.rebound.TestKeys;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.Amendment;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.ui.shell.MainWindowFixture;

/** What the visit screen does with red flags, persistent symptoms, bad dates and completed visits. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class VisitRulesUiTest extends MainWindowFixture {

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(22));

    @Override
    protected List<Patient> seed() {
        return List.of(zoe);
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    /** Saves a visit directly, then opens it on screen. */
    private Visit open(FxRobot robot, Visit visit) throws TimeoutException {
        waitUntilReady();
        Visit saved = window.services().visits().save(visit).visit();
        robot.interact(() -> window.navigator().openVisit(zoe.id(), saved.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#visitDate").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return saved;
    }

    private Visit visit(LocalDate date, Symptoms symptoms) {
        return new Visit(UUID.randomUUID(), zoe.id(), Instant.EPOCH, date, VisitStatus.DRAFT, null,
                VisitKind.FOLLOW_UP, null, symptoms, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Waits until the draft save has stored {@code power}: the header's "saved at" may already show an
     * earlier save, so it cannot tell that this one happened (on a loaded machine it had not).
     */
    private void waitForStoredPower(Visit visit, int power) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Integer stored = window.services().visits().load(visit.id()).pelvicFloor() == null ? null
                    : window.services().visits().load(visit.id()).pelvicFloor().power();
            return stored != null && stored == power;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRedFlagShowsReferInsteadOfAStageAndOffersNoChoice(FxRobot robot) throws TimeoutException {
        open(robot, visit(TODAY, null));
        assertThat(robot.lookup("#referBox").query().isVisible()).isFalse();
        assertThat(robot.lookup("#stageChoice").query().isVisible()).isTrue();
        robot.clickOn("#visitDate");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4); // red flags: "asked", then the flags in order
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#suggestedStage").queryAs(Label.class).getText()).isEqualTo("REFER");
        assertThat(robot.lookup("#referBox").query().isVisible()).isTrue();
        assertThat(robot.lookup("#stageChoice").query().isVisible()).as("no programme can be issued").isFalse();
        assertThat(robot.lookup("#redFlagsAsked").query().isDisabled())
                .as("a ticked flag cannot be dropped by unticking \"asked\"").isTrue();
        robot.interact(() -> window.visitForm().redFlagsAskedProperty().set(false));
        assertThat(window.visitForm().redFlagsAskedProperty().get()).as("still asked while a flag is ticked").isTrue();
        assertThat(robot.lookup("#redFlagsAsked").queryAs(CheckBox.class).isSelected()).isTrue();
        UUID id = window.visitForm().base().id();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.services().visits().load(id).redFlags() != null
                && !window.services().visits().load(id).redFlags().isEmpty());
        assertThat(window.services().visits().load(id).redFlags()).containsExactly(
                RedFlag.CALF_PAIN_SWELLING);
        assertThat(robot.lookup("#suggestedStage").queryAs(Label.class).getText()).isEqualTo("REFER");

        // Ctrl+4 still reaches the section: the first flag, since "asked" cannot take the focus now
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#visitDate").query().isFocused());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#redFlag-HEAVY_OR_LATE_BLEEDING").query().isFocused());

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#redFlag-CALF_PAIN_SWELLING"); // the flag itself unticked: cleared, "asked" free again
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#redFlagsAsked").query().isDisabled());
        assertThat(robot.lookup("#suggestedStage").queryAs(Label.class).getText()).isNotEqualTo("REFER");
    }

    @Test
    void leakingAtThisVisitAndTheLastSuggestsOnwardReferral(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        Symptoms leaking = new Symptoms(true, null, null, null, null, null, null, null, null, null);
        window.services().visits().save(visit(TODAY.minusWeeks(4), leaking));
        open(robot, visit(TODAY, null));
        assertThat(robot.lookup("#onwardReferral").query().isVisible()).isFalse();
        robot.clickOn("#visitDate");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3).write("y");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#onwardReferral").query().isVisible()).isTrue();
        assertThat(robot.lookup("#onwardReferral").queryAs(Label.class).getText()).contains("consider onward referral");
    }

    @Test
    void aVisitDatedTomorrowIsRefusedAndTheSavedDateKept(FxRobot robot) throws TimeoutException {
        Visit saved = open(robot, visit(TODAY.minusDays(1), null));
        robot.doubleClickOn("#visitDate").push(KeyCode.CONTROL, KeyCode.A).write("23/11/2026");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-date").queryAs(Label.class).getText())
                .isEqualTo("The visit is dated in the future. Use today’s date or an earlier one.");
        assertThat(robot.lookup("#visitDate").queryTextInputControl().getText()).isEqualTo("23/11/2026");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5).push(KeyCode.TAB).write("3");
        waitForStoredPower(saved, 3);
        assertThat(window.services().visits().load(saved.id()).date()).isEqualTo(TODAY.minusDays(1));
        assertThat(window.services().visits().load(saved.id()).pelvicFloor().power()).isEqualTo(3);
    }

    @Test
    void aCompletedVisitCanBeAmendedAndTheAmendmentIsKept(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        window.services().settings().save(new ClinicSettings("Fjord Physio", "Ingrid Hansen",
                PaperSize.A4, null));
        Visit saved = open(robot, visit(TODAY, null));
        robot.clickOn("#visitDate");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5).push(KeyCode.TAB).write("2");
        waitForStoredPower(saved, 2);
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        // symptoms and red flags not recorded: asked once, completed anyway
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#completeAnyway").tryQuery().isPresent());
        robot.clickOn("#completeAnyway");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.services().visits().load(saved.id()).status() == VisitStatus.COMPLETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#completeVisit").query().isVisible()).isFalse();
        assertThat(robot.lookup(".visit-status").queryAs(Label.class).getText()).isEqualTo("Completed");

        // read-only until amended for a reason
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#amendReason").tryQuery().isPresent());
        robot.clickOn("#amendReason").write("Re-tested").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#pelvicFloor-power").query().isDisabled());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5).push(KeyCode.TAB).push(KeyCode.CONTROL, KeyCode.A).write("3");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.visitForm().saveStateProperty().get().startsWith("Amendment saved"));
        List<Amendment> amendments = window.services().visits().amendments(saved.id());
        assertThat(amendments).singleElement().satisfies(a -> {
            assertThat(a.fields()).containsExactly("pelvicFloor.power");
            assertThat(a.clinician()).isEqualTo(TestKeys.DISPLAY_NAME);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.visitForm().amendments().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = robot.lookup("#amendments .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(TestKeys.DISPLAY_NAME).endsWith("Reason: Re-tested");
        assertThat(lines.get(1)).isEqualTo("Power (MOS): 2 → 3");
        assertThat(window.services().visits().load(saved.id()).pelvicFloor().power()).isEqualTo(3);
        assertThat(window.services().visits().load(saved.id()).status()).isEqualTo(VisitStatus.COMPLETE);
    }
}
