package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.Amendment;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.ui.shell.MainWindowFixture;

/**
 * What reaches the record from the visit form, as a physiotherapist types in the real window: a number
 * rejected at the end of typing leaves nothing of itself behind, completing refuses invalid fields and asks
 * about what is missing, a completed visit is read-only until amended for a reason, and odd dates are said.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class VisitRecordUiTest extends MainWindowFixture {

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(22));

    @Override
    protected List<Patient> seed() {
        return List.of(zoe);
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private Visit open(FxRobot robot, Visit visit) throws TimeoutException {
        waitUntilReady();
        Visit saved = visit.status() == VisitStatus.COMPLETE
                ? window.services().visits().complete(visit).visit()
                : window.services().visits().save(visit).visit();
        show(robot, saved.id());
        return saved;
    }

    private void show(FxRobot robot, UUID visitId) throws TimeoutException {
        VisitFormViewModel before = window.visitForm();
        robot.interact(() -> window.navigator().openVisit(zoe.id(), visitId));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.visitForm() != null
                && window.visitForm() != before && window.visitForm().base().id().equals(visitId)
                && robot.lookup("#visitDate").tryQuery().map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Visit draft(LocalDate date) {
        return new Visit(UUID.randomUUID(), zoe.id(), Instant.EPOCH, date, VisitStatus.DRAFT, null,
                VisitKind.FOLLOW_UP, null, null, null, null, null, null, null, null, null, null, null);
    }

    private Visit stored(Visit visit) {
        return window.services().visits().load(visit.id());
    }

    private static String text(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node instanceof Label label ? label.getText() : ((TextInputControl) node).getText();
    }

    private static boolean showing(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing() && n.isVisible()).orElse(false);
    }

    private static boolean focused(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> n.getScene() != null && n.getScene().getFocusOwner() == n)
                .orElse(false);
    }

    @Test
    void aNumberRejectedAtTheEndOfTypingLeavesNothingOfItselfInTheRecordOrTheSummary(FxRobot robot)
            throws TimeoutException {
        Visit visit = open(robot, draft(TODAY));
        robot.clickOn("#visitDate");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5).push(KeyCode.TAB).write("4");
        // the pause after the first key: the draft is saved with 4, on the way to 45
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Integer.valueOf(4).equals(stored(visit).pelvicFloor().power()));
        robot.write("5").push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#pelvicFloor-power")).isEqualTo("45");
        assertThat(text(robot, "#error-pelvicFloor-power")).contains("45 is outside");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stored(visit).pelvicFloor().power() == null);
        // the summary counts no MOS 4, and says the field is not counted
        assertThat(robot.lookup("#criterion-PELVIC_FLOOR").query().getAccessibleText()).doesNotContain("MOS 4");
        assertThat(robot.lookup("#uncountedFields").query().isVisible()).isTrue();
        assertThat(text(robot, "#uncountedFields")).contains("Power (MOS)");

        // 4.5 in fast contractions (endurance, repetitions, fast): 4 on the way, 4. and 4.5 rejected
        robot.push(KeyCode.TAB).push(KeyCode.TAB).write("4");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Integer.valueOf(4).equals(stored(visit).pelvicFloor().fastContractions()));
        robot.write(".5").push(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stored(visit).pelvicFloor().fastContractions() == null);
        assertThat(text(robot, "#pelvicFloor-fastContractions")).isEqualTo("4.5");
        assertThat(text(robot, "#uncountedFields")).contains("Power (MOS)", "Fast contractions");

        // a value she confirmed (typed, then left the field) stays when a later text is rejected
        robot.push(KeyCode.SHIFT, KeyCode.TAB).push(KeyCode.CONTROL, KeyCode.A).write("3").push(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> Integer.valueOf(3).equals(stored(visit).pelvicFloor().fastContractions()));
        robot.push(KeyCode.SHIFT, KeyCode.TAB).push(KeyCode.END).write("5").push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#pelvicFloor-fastContractions")).isEqualTo("35");
        robot.interact(window::flushVisit);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.visitForm().saveStateProperty().get()
                .contains("Saving"));
        assertThat(stored(visit).pelvicFloor().fastContractions()).isEqualTo(3);

        // opened again, the form shows the record: no 4 from 45
        show(robot, visit.id());
        assertThat(text(robot, "#pelvicFloor-power")).isEmpty();
        assertThat(text(robot, "#pelvicFloor-fastContractions")).isEqualTo("3");
    }

    @Test
    void completingRefusesInvalidFieldsNamingThemAndAsksOnceAboutWhatIsNotRecorded(FxRobot robot)
            throws TimeoutException, IOException {
        Visit visit = open(robot, draft(TODAY));
        robot.clickOn("#visitDate");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5).push(KeyCode.TAB).write("7");
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB).write("4.5");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT7).write("abc");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> showing(robot, "#cannotCompleteAlert"));
        assertThat(robot.lookup("#cannotCompleteAlert").queryAs(DialogPane.class).getContentText())
                .contains("Power (MOS), Fast contractions, " + Messages.name(
                        StrengthTest.values()[0]) + " Left");
        capture(robot, "cannot-complete");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !showing(robot, "#cannotCompleteAlert"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> focused(robot, "#pelvicFloor-power"));
        assertThat(stored(visit).status()).isEqualTo(VisitStatus.DRAFT);
        assertThat(window.visitForm().statusProperty().get()).isEqualTo(VisitStatus.DRAFT);

        // corrected (power 3, fast cleared, strength cleared): now only what is not recorded is asked, once
        robot.push(KeyCode.CONTROL, KeyCode.A).write("3");
        robot.push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.TAB).push(KeyCode.CONTROL, KeyCode.A)
                .push(KeyCode.BACK_SPACE);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT7).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> showing(robot, "#completeMissingAlert"));
        assertThat(robot.lookup("#completeMissingAlert").queryAs(DialogPane.class).getContentText())
                .contains("Not recorded: Symptoms, Red flags.");
        capture(robot, "complete-missing");
        robot.push(KeyCode.ENTER); // "Go back" is the default
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !showing(robot, "#completeMissingAlert"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> focused(robot, "#symptom-0"));
        assertThat(stored(visit).status()).isEqualTo(VisitStatus.DRAFT);

        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> showing(robot, "#completeMissingAlert"));
        robot.clickOn("#completeAnyway");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stored(visit).status() == VisitStatus.COMPLETE);
        assertThat(stored(visit).pelvicFloor().power()).isEqualTo(3);
        assertThat(stored(visit).pelvicFloor().fastContractions()).isNull();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#visitDate").query().isDisabled()).as("completed: read-only").isTrue();
    }

    /** Every control of a full completed visit that could change it is disabled, not only a few. */
    @Test
    void everyControlThatCouldChangeACompletedVisitIsDisabled(FxRobot robot) throws TimeoutException {
        open(robot, VisitFixture.full(zoe.id(), TODAY.minusDays(1)).withStatus(VisitStatus.COMPLETE));
        Node view = robot.lookup("#visitDate").query();
        while (!(view instanceof VisitView)) {
            view = view.getParent();
        }
        Set<String> allowed = Set.of("amendVisit", "backToPatient", "openProgramme");
        List<Control> open = new ArrayList<>();
        collect(view, open);
        open.removeIf(c -> c.getId() != null && allowed.contains(c.getId()) || c.getStyleClass().contains("section-link") || c.isDisabled() || !shown(c)
                || !(c instanceof TextInputControl || c instanceof ButtonBase || c instanceof ComboBoxBase<?>
                        || c instanceof ChoiceBox<?> || c instanceof Slider || c instanceof Spinner<?>
                        || c instanceof ListView<?> || c instanceof TableView<?>));
        assertThat(open).as("controls left enabled on a read-only visit")
                .extracting(c -> c.getClass().getSimpleName() + "#" + c.getId()).isEmpty();
    }

    /** Shown, as are all its parents (Complete and Delete draft are hidden on a completed visit). */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void collect(Node node, List<Control> found) {
        if (node instanceof Control control) {
            found.add(control);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            collect(scroll.getContent(), found);
        }
    }

    @Test
    void aCompletedVisitOpensReadOnlyAndIsAmendedForAReasonEachChangeInWords(FxRobot robot)
            throws TimeoutException, IOException {
        Symptoms noLeaking = new Symptoms(false, null, null, null, null, null, null, null, null, null);
        PelvicFloorExam floor = new PelvicFloorExam(null, 2, null, null, null, null, null, null, null, null, null,
                null);
        Visit completed = open(robot, new Visit(UUID.randomUUID(), zoe.id(), Instant.EPOCH, TODAY.minusDays(1),
                VisitStatus.COMPLETE, null, VisitKind.FOLLOW_UP, null, noLeaking, Set.of(), floor, null, null, null,
                null, null, null, null));

        for (String id : List.of("#visitDate", "#visitKind", "#pelvicFloor-power", "#symptom-0", "#redFlagsAsked",
                "#visitNotes", "#chosenStage")) {
            assertThat(robot.lookup(id).query().isDisabled()).as(id).isTrue();
        }
        assertThat(robot.lookup("#readOnlyBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#amendVisit").query().isVisible()).isTrue();
        capture(robot, "visit-read-only");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> showing(robot, "#amendDialog"));
        assertThat(robot.lookup("#amendConfirm").query().isDisabled()).as("no reason: refused").isTrue();
        assertThat(robot.lookup("#amendReasonProblem").query().isVisible()).isTrue();
        capture(robot, "amend-dialog");
        robot.push(KeyCode.ENTER);
        assertThat(showing(robot, "#amendDialog")).as("Enter without a reason does nothing").isTrue();
        // (TestFX's write types into the first window it finds focused, so the reason field is clicked)
        robot.clickOn("#amendReason").write("Date typed wrongly");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#amendConfirm").query().isDisabled()).isFalse();
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !showing(robot, "#amendDialog"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#visitDate").query().isDisabled());
        assertThat(robot.lookup("#amendVisit").query().isVisible()).isFalse();
        assertThat(text(robot, "#readOnlyText")).contains("Date typed wrongly");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> focused(robot, "#visitDate"));
        robot.push(KeyCode.CONTROL, KeyCode.A).write("20/11/2026");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3).write("y");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stored(completed).date().equals(TODAY.minusDays(2))
                && Boolean.TRUE.equals(stored(completed).symptoms().urinaryIncontinence()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.services().visits().amendments(completed.id())
                .stream().mapToInt(a -> a.changes().size()).sum() == 2);
        List<Amendment> amendments = window.services().visits().amendments(completed.id());
        assertThat(amendments).singleElement().satisfies(a -> {
            assertThat(a.reason()).isEqualTo("Date typed wrongly");
            assertThat(a.changes()).extracting(Amendment.Change::text).containsExactlyInAnyOrder(
                    "Date: 21 Nov 2026 → 20 Nov 2026", "Urinary incontinence: No → Yes");
        });
        assertThat(stored(completed).status()).isEqualTo(VisitStatus.COMPLETE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#amendments .label").queryAll().size() == 3);
        List<String> lines = robot.lookup("#amendments .label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Reason: Date typed wrongly"));
        assertThat(lines).contains("Date: 21 Nov 2026 → 20 Nov 2026", "Urinary incontinence: No → Yes");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1); // the visit section, with its amendments
        capture(robot, "visit-amended");

        // opened again: read-only again until amended again
        show(robot, completed.id());
        assertThat(robot.lookup("#visitDate").query().isDisabled()).isTrue();
    }

    @Test
    void aDateBeforeHerBirthIsRefusedAndOneBeforeHerFirstBirthOrOnTheDayOfAnotherVisitIsKeptWithAWarning(
            FxRobot robot) throws TimeoutException {
        waitUntilReady();
        window.services().visits().save(draft(TODAY.minusDays(7)));
        Visit visit = open(robot, draft(TODAY));
        assertThat(robot.lookup("#warning-date").query().isVisible()).isFalse();

        robot.doubleClickOn("#visitDate").push(KeyCode.CONTROL, KeyCode.A).write("15/11/2026");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stored(visit).date().equals(TODAY.minusDays(7)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#warning-date").query().isVisible()).isTrue();
        assertThat(text(robot, "#warning-date")).isEqualTo(Messages.get("validation.visit.sameDay"));
        assertThat(robot.lookup("#error-date").query().isVisible()).isFalse();

        robot.push(KeyCode.CONTROL, KeyCode.A).write("01/01/2026").push(KeyCode.TAB);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> stored(visit).date().equals(LocalDate.of(2026, 1, 1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#warning-date")).isEqualTo(Messages.get("validation.visit.beforeFirstBirth"));

        // typed on the way: 13/03/19 is a valid date (2019); 13/03/1990 is the day before she was born
        robot.push(KeyCode.SHIFT, KeyCode.TAB).push(KeyCode.CONTROL, KeyCode.A).write("13/03/1990");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#error-date")).isEqualTo(Messages.get("validation.visit.beforeBirth"));
        assertThat(robot.lookup("#warning-date").query().isVisible()).isFalse();
        robot.interact(window::flushVisit);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.visitForm().saveStateProperty().get()
                .contains("Saving"));
        assertThat(stored(visit).date()).as("refused: the date saved before stays").isEqualTo(LocalDate.of(2026, 1, 1));
    }

    /** With -Drebound.shots=FOLDER, the window as it is now as FOLDER/NAME.png (to look at, not compared). */
    private static void capture(FxRobot robot, String name) throws IOException {
        String folder = System.getProperty("rebound.shots");
        if (folder == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Window top = robot.listTargetWindows().stream().filter(Window::isShowing)
                .reduce((a, b) -> b).orElseThrow();
        Image image = robot.capture(top.getScene().getRoot()).getImage();
        PixelReader pixels = image.getPixelReader();
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(Path.of(folder));
        ImageIO.write(out, "png", Path.of(folder, name + ".png").toFile());
    }
}
