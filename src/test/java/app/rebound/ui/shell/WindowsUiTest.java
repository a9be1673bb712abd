package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Appearance;
import app.rebound.domain.Patient;
import app.rebound.ui.kit.Theme;

/**
 * Every dialog opens centred on the window it belongs to, with room for its content, its text clear of
 * its edges, and its default button in the theme's accent (Edit patient opened at the screen's top-left
 * under a window manager; the keyboard shortcuts had Primer's blue button and no theme).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WindowsUiTest extends MainWindowFixture {

    /** Rebound's accent (rebound.css, -color-accent-emphasis of the light theme). */
    private static final Color ACCENT = Color.web("#0f766e");

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(22));

    private Stage stage;

    @Override
    protected List<Patient> seed() {
        return List.of(zoe);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        startWindow(stage);
    }

    /** The dialog showing now over the main window. */
    private Stage dialog() {
        return (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getOwner() == stage && s.isShowing())
                .findFirst().orElseThrow();
    }

    /** The main window off the screen's centre, at the smallest size a clinic's screen has. */
    private void moveOwner(FxRobot robot) {
        robot.interact(() -> {
            stage.setX(150);
            stage.setY(40);
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void centredOnOwnerWithRoomForItsContent(Stage dialog) {
        Window owner = dialog.getOwner();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Parent root = dialog.getScene().getRoot();
        assertThat(dialog.getX() + dialog.getWidth() / 2).as("centred across its owner")
                .isCloseTo(owner.getX() + owner.getWidth() / 2, Offset.offset(2.0));
        boolean fitsOverOwner = dialog.getHeight() <= owner.getHeight();
        double wantedY = fitsOverOwner ? owner.getY() + (owner.getHeight() - dialog.getHeight()) / 2
                : Math.max(screen.getMinY(), Math.min(owner.getY() + (owner.getHeight() - dialog.getHeight()) / 2,
                        screen.getMaxY() - dialog.getHeight()));
        assertThat(dialog.getY()).as("centred down its owner, within the screen").isCloseTo(wantedY, Offset.offset(10.0));
        assertThat(dialog.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(dialog.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(dialog.getScene().getWidth()).as("as wide as its content asks")
                .isGreaterThanOrEqualTo(Math.min(root.prefWidth(-1), screen.getWidth() - 16) - 1);
        assertThat(dialog.getScene().getHeight()).as("as tall as its content asks, within the screen")
                .isGreaterThanOrEqualTo(Math.min(root.prefHeight(dialog.getScene().getWidth()),
                        screen.getHeight() - 16) - 1);
    }

    /** Every text drawn in the dialog at least a few pixels in from its left edge. */
    private static void labelsClearOfTheEdge(Stage dialog) {
        for (Node node : dialog.getScene().getRoot().lookupAll(".text")) {
            if (node instanceof Text text && text.isVisible() && text.getText() != null && !text.getText().isBlank()) {
                Bounds bounds = text.localToScene(text.getBoundsInLocal());
                assertThat(bounds.getMinX()).as("'%s' clear of the left edge", text.getText())
                        .isGreaterThanOrEqualTo(8);
            }
        }
    }

    @Test
    void editPatientOpensCentredOnTheWindowWithRoomForItsForm(FxRobot robot) throws Exception {
        waitUntilReady();
        moveOwner(robot);
        robot.interact(() -> {
            table(robot).getSelectionModel().select(0);
            table(robot).requestFocus();
        });
        robot.push(KeyCode.CONTROL, KeyCode.E);
        WaitForDialog.open(robot, "#patientDialog");
        WaitForAsyncUtils.waitForFxEvents();
        Stage dialog = dialog();
        centredOnOwnerWithRoomForItsContent(dialog);
        labelsClearOfTheEdge(dialog);
        robot.interact(dialog::close);

        // from her workspace too
        robot.interact(() -> window.navigator().openWorkspace(zoe.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#openProgress").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        robot.push(KeyCode.CONTROL, KeyCode.E);
        WaitForDialog.open(robot, "#patientDialog");
        WaitForAsyncUtils.waitForFxEvents();
        centredOnOwnerWithRoomForItsContent(dialog());
        robot.interact(() -> dialog().close());
    }

    /**
     * Help → Keyboard shortcuts was the one alert made without the theme: in Dark at 200 % it showed in the
     * light colours at 100 %.
     */
    @Test
    void theKeyboardShortcutsAreInTheThemeWithItsAccentOnTheDefaultButton(FxRobot robot) throws Exception {
        waitUntilReady();
        moveOwner(robot);
        robot.interact(() -> Theme.use(new Appearance(Appearance.Scheme.DARK, 200)));
        try {
            shortcuts(robot);
        } finally {
            robot.interact(() -> Theme.use(Appearance.DEFAULT));
        }
    }

    private void shortcuts(FxRobot robot) throws Exception {
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getOwner() == stage && s.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        Stage dialog = dialog();
        centredOnOwnerWithRoomForItsContent(dialog);
        labelsClearOfTheEdge(dialog);
        Parent root = dialog.getScene().getRoot();
        assertThat(root.getStyleClass()).as("the clinician's theme and text size").contains("theme-dark", "zoom-200");
        Text text = (Text) root.lookupAll(".text").stream().filter(n -> n instanceof Text t && !t.getText().isBlank())
                .findFirst().orElseThrow();
        assertThat(text.getFont().getSize()).isCloseTo(Theme.fontSize(200), Offset.offset(0.5));
        Button ok = (Button) root.lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && b.isDefaultButton()).findFirst().orElseThrow();
        assertThat(ok.getBackground().getFills()).extracting(BackgroundFill::getFill).as("the theme's accent")
                .contains(ACCENT);
        robot.interact(dialog::close);
    }
}
