package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.service.Services;
import app.rebound.service.VisitService;
import app.rebound.ui.about.AboutDialog;
import app.rebound.ui.about.AboutViewModel;
import app.rebound.ui.clinic.AccountsDialog;
import app.rebound.ui.clinic.AuditDialog;
import app.rebound.ui.clinic.MyAccountDialog;
import app.rebound.ui.kit.RecordingDialogs;
import app.rebound.ui.kit.Truncation;
import app.rebound.ui.patients.PatientWorkspaceView;
import app.rebound.ui.programme.ProgrammeView;
import app.rebound.ui.progress.ProgressView;
import app.rebound.ui.visit.VisitView;

/**
 * Every screen and dialog a clinician works in, on the sample patients, at the two sizes a clinic's
 * screens have (1024×700 and 1600×1000): no label, button, tab or column header is cut to "…" (the
 * visit form's section list read "History and r…", the readiness headline "Suggested: 4 Impact p…", the
 * programme's headers "Times per…").
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScreenSizesUiTest extends MainWindowFixture {

    private static final double[][] SIZES = {{1024, 700}, {1600, 1000}};

    private Stage stage;
    private final List<String> cut = new ArrayList<>();

    @Override
    protected boolean prepares() {
        return true;
    }

    @Override
    protected void prepare(Services services) {
        try {
            services.records().importSamples();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        startWindow(stage);
    }

    private Node centre() {
        for (Node child : stage.getScene().getRoot().getChildrenUnmodifiable()) {
            if (child instanceof BorderPane main) {
                return main.getCenter();
            }
        }
        return null;
    }

    /** The main window at a size (set twice: a window already that size does not lay a new scene out). */
    private void resize(FxRobot robot, double[] size) {
        for (int nudge : new int[] {1, 0}) {
            robot.interact(() -> {
                // at the screen's corner, so that the window and the dialogs centred on it are all on the
                // (headless) screen: Monocle's frame buffer overflows for a window past its edge
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(size[0] - nudge);
                stage.setHeight(size[1] - nudge);
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What is cut on the main window and each dialog over it, at both sizes, noted under {@code screen}. */
    private void check(FxRobot robot, String screen) throws Exception {
        for (double[] size : SIZES) {
            resize(robot, size);
            List<String> found = WaitForAsyncUtils.asyncFx(() -> {
                List<String> all = new ArrayList<>();
                for (Window each : List.copyOf(Window.getWindows())) {
                    if (each.isShowing() && each.getScene() != null && (each == stage
                            || each instanceof Stage dialog && dialog.getOwner() != null)) {
                        Parent root = each.getScene().getRoot();
                        root.applyCss();
                        root.layout();
                        all.addAll(Truncation.truncated(root));
                    }
                }
                return all;
            }).get(10, TimeUnit.SECONDS);
            for (String each : found) {
                String line = screen + " at " + (int) size[0] + "x" + (int) size[1] + ": " + each;
                cut.add(line);
                System.out.println("cut: " + line);
            }
        }
    }

    /** Opens a dialog on the JavaFX thread without waiting for it to close (some wait while shown). */
    private static void opening(Runnable open) {
        Platform.runLater(open);
    }

    private void closeDialogs(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage && w instanceof Stage s && s.getOwner() != null).forEach(Window::hide));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean dialogShowing() {
        return Window.getWindows().stream().anyMatch(w -> w != stage && w instanceof Stage s && s.getOwner() != null
                && s.isShowing());
    }

    @Test
    void nothingIsCutOnAnyScreenAt1024x700Or1600x1000(FxRobot robot) throws Exception {
        waitUntilReady();
        Services open = window.services();
        check(robot, "patient list");

        // the patient with the most visits, on her latest completed visit that is not a referral (as the guide)
        UUID patient = open.patients().search("", false).patients().stream()
                .max(Comparator.comparingInt(p -> open.visits().visitsOf(p.id()).size())).orElseThrow().id();
        List<Visit> visits = open.visits().visitsOf(patient);
        Patient her = open.patients().load(patient);
        Visit visit = visits.stream().filter(v -> v.status() == VisitStatus.COMPLETE)
                .filter(v -> !VisitService.readiness(v, her, visits).refer())
                .max(Comparator.comparing(Visit::date)).orElseThrow();

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.push(KeyCode.CONTROL, KeyCode.E);
        waitFor(this::dialogShowing);
        check(robot, "patient dialog");
        closeDialogs(robot);

        robot.interact(() -> window.navigator().openWorkspace(patient));
        waitFor(() -> centre() instanceof PatientWorkspaceView);
        check(robot, "workspace");

        robot.interact(() -> window.navigator().openVisit(patient, visit.id()));
        waitFor(() -> centre() instanceof VisitView);
        check(robot, "visit form");

        robot.interact(() -> window.navigator().openProgramme(patient, visit.id()));
        waitFor(() -> centre() instanceof ProgrammeView && window.programmeForm() != null);
        check(robot, "programme");

        robot.interact(() -> window.navigator().openProgress(patient));
        waitFor(() -> centre() instanceof ProgressView view && !view.chartViews().isEmpty());
        check(robot, "progress charts");
        robot.interact(() -> ((ProgressView) centre()).tabs().getSelectionModel().select(1));
        waitFor(() -> !((ProgressView) centre()).comparisonTable().getItems().isEmpty());
        check(robot, "compare visits");

        robot.interact(() -> window.navigator().showList());
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        waitFor(this::dialogShowing);
        check(robot, "settings");
        closeDialogs(robot);

        opening(() -> AccountsDialog.open(stage, open, worker));
        waitFor(this::dialogShowing);
        settle();
        check(robot, "accounts");
        closeDialogs(robot);

        opening(() -> AuditDialog.open(stage, open, worker, null));
        waitFor(this::dialogShowing);
        settle();
        check(robot, "audit trail");
        closeDialogs(robot);

        opening(() -> MyAccountDialog.open(stage, open, worker));
        waitFor(this::dialogShowing);
        check(robot, "my account");
        closeDialogs(robot);

        opening(() -> AboutDialog.show(stage, new AboutViewModel(worker, new RecordingDialogs())));
        waitFor(this::dialogShowing);
        settle();
        check(robot, "about");
        closeDialogs(robot);

        assertThat(cut).as("cut to '…'").isEmpty();
    }
}
