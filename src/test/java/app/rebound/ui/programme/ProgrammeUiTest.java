package app.rebound.ui.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Appearance;
import app.rebound.domain.Patient;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Truncation;
import app.rebound.ui.shell.MainWindowFixture;

/** From a visit: build the programme, export the handout, read it back; a REFER visit gets none. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProgrammeUiTest extends MainWindowFixture {

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(22));

    @TempDir
    Path out;

    @Override
    protected List<Patient> seed() {
        return List.of(zoe);
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private Visit visit(Set<RedFlag> flags) {
        PelvicFloorExam floor = new PelvicFloorExam(ExamMethod.VAGINAL_DIGITAL, 3, 6, 5, 8, true, true, true,
                Relaxation.COMPLETE, Tone.NORMAL, null, null);
        return new Visit(UUID.randomUUID(), zoe.id(), Instant.EPOCH, TODAY, VisitStatus.DRAFT, null,
                VisitKind.INITIAL, null, null, flags, floor, null, null, null, null, null, null, null);
    }

    private void openVisit(FxRobot robot, Visit visit) throws TimeoutException {
        robot.interact(() -> window.navigator().openVisit(zoe.id(), visit.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#visitDate").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void buildsAProgrammeFromTheVisitAndExportsAHandoutThatReadsBack(FxRobot robot) throws Exception {
        waitUntilReady();
        Visit visit = window.services().visits().save(visit(Set.of())).visit();
        openVisit(robot, visit);
        robot.clickOn("#visitDate");
        robot.push(KeyCode.CONTROL, KeyCode.P);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.programmeForm() != null
                && robot.lookup("#programmeExercises").tryQuery().map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();

        ProgrammeViewModel model = window.programmeForm();
        // no strength test recorded: the suggestion is LOW_LOAD, pelvic floor dosed from PERFECT (6 s, 5, 8)
        assertThat(model.stageProperty().get()).isEqualTo(app.rebound.domain.visit.Stage.LOW_LOAD);
        @SuppressWarnings("unchecked")
        TableView<ProgrammeViewModel.ItemRow> table = robot.lookup("#programmeExercises").queryAs(TableView.class);
        assertThat(table.getItems().get(0).exercise().code()).isEqualTo("pf-holds-sitting");
        assertThat(table.getItems().get(0).hold.get()).isEqualTo("6");
        assertThat(table.getItems().get(0).reps.get()).isEqualTo("5");
        assertThat(table.getItems().get(1).reps.get()).isEqualTo("8");
        int before = table.getItems().size();

        // remove the last exercise with the keyboard, and give the first a note
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().selectLast();
        });
        robot.push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(before - 1);
        robot.interact(() -> table.getItems().get(0).notes.set("Before your morning coffee"));

        robot.clickOn("#saveProgramme");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.services().programmes().open(visit.id()).saved());
        Programme saved = window.services().programmes().open(visit.id()).programme();
        assertThat(saved.exercises()).hasSize(before - 1);
        assertThat(saved.exercises().get(0).notes()).isEqualTo("Before your morning coffee");
        assertThat(saved.suggestedStage()).isEqualTo(SuggestedStage.LOW_LOAD);

        robot.clickOn("#previewHandout");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#handoutPreview").tryQuery().isPresent());
        // the window opens at once; the pages come as they are rendered, page 1 first
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#handoutPreview .image-view")
                .queryAllAs(ImageView.class).stream().filter(view -> view.getImage() != null).count() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#handoutPreview .image-view").queryAll()).as("every page is shown").hasSizeGreaterThan(1);
        robot.clickOn("Close");

        Path pdf = out.resolve("handout.pdf");
        robot.interact(() -> model.exportPdf(pdf, () -> { }));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(pdf));
        WaitForAsyncUtils.waitForFxEvents();
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Zoë Ødegård").contains("Your stage: 2 Low load")
                    .contains("Hold 6 seconds, 5 times").contains("Before your morning coffee");
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        }
    }

    /** The header and toolbar of the programme screen read whole at 1024×700 and at 1600×1000. */
    @Test
    void theToolbarIsNotCutAtEitherSize(FxRobot robot) throws Exception {
        waitUntilReady();
        Visit visit = window.services().visits().save(visit(Set.of())).visit();
        robot.interact(() -> window.navigator().openProgramme(zoe.id(), visit.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.programmeForm() != null
                && robot.lookup("#programmeExercises").tryQuery().map(n -> n.getScene() != null).orElse(false));
        Node node = robot.lookup("#programmeStage").query();
        while (!(node.getParent() instanceof BorderPane pane && pane.getTop() == node)) {
            node = node.getParent();
        }
        Parent toolbar = (Parent) node;
        Window shown = toolbar.getScene().getWindow();
        for (double[] size : new double[][] {{1024, 700}, {1600, 1000}}) {
            for (int nudge : new int[] {1, 0}) {
                robot.interact(() -> {
                    shown.setWidth(size[0] - nudge);
                    shown.setHeight(size[1] - nudge);
                });
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(toolbar.getScene().getWidth()).as("the window resized").isEqualTo(size[0]);
            List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
                toolbar.applyCss();
                toolbar.getScene().getRoot().layout();
                return Truncation.truncated(toolbar);
            }).get();
            assertThat(cut).as("cut at %sx%s", size[0], size[1]).isEmpty();
        }
    }

    /** At 200 % the programme's title wraps onto lines of its own rather than being squeezed to "…". */
    @Test
    void theTitleIsWholeAt200Percent(FxRobot robot) throws Exception {
        waitUntilReady();
        Visit visit = window.services().visits().save(visit(Set.of())).visit();
        robot.interact(() -> Theme.use(new Appearance(Appearance.Scheme.LIGHT, 200)));
        try {
            robot.interact(() -> window.navigator().openProgramme(zoe.id(), visit.id()));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.programmeForm() != null
                    && robot.lookup("#programmeExercises").tryQuery().map(n -> n.getScene() != null).orElse(false));
            // the longest state there is: the handout saved, with its file's name
            Path pdf = out.resolve("Ødegård-Zoë-home-programme-2026-11-22.pdf");
            robot.interact(() -> window.programmeForm().exportPdf(pdf, () -> { }));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(pdf));
            WaitForAsyncUtils.waitForFxEvents();
            Stage shown = (Stage) robot.lookup("#programmeView").query().getScene().getWindow();
            for (double[] size : new double[][] {{1024, 700}, {1600, 1000}}) {
                for (int nudge : new int[] {1, 0}) {
                    robot.interact(() -> {
                        shown.setWidth(size[0] - nudge);
                        shown.setHeight(size[1] - nudge);
                    });
                }
                WaitForAsyncUtils.waitForFxEvents();
                BorderPane view = (BorderPane) robot.lookup("#programmeView").query();
                List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
                    view.applyCss();
                    view.layout();
                    return Truncation.truncated((Parent) view.getTop());
                }).get();
                assertThat(cut).as("cut at 200 %% at %sx%s", size[0], size[1]).isEmpty();
            }
        } finally {
            robot.interact(() -> Theme.use(Appearance.DEFAULT));
        }
    }

    @Test
    void aReferVisitGetsNoProgrammeAndTheAppSaysWhy(FxRobot robot) throws Exception {
        waitUntilReady();
        Visit visit = window.services().visits().save(visit(Set.of(RedFlag.FEVER))).visit();
        openVisit(robot, visit);
        assertThat(robot.lookup("#openProgramme").query().isDisabled()).isTrue();
        robot.interact(() -> window.navigator().openProgramme(zoe.id(), visit.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#errorAlert").tryQuery().isPresent());
        assertThat(robot.lookup("#errorAlert").queryAs(DialogPane.class).getContentText())
                .startsWith("This visit has a red flag: refer on. No exercise programme or handout is issued.");
        robot.clickOn("OK");
        assertThat(window.programmeForm()).isNull();
    }
}
