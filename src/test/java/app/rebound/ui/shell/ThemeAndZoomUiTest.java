package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import app.rebound.TestKeys;
import app.rebound.domain.Appearance;
import app.rebound.service.ClinicAccess;
import app.rebound.service.Services;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Worker;

/**
 * The clinician's theme (Settings) and text size (View menu, Ctrl+= / Ctrl+- / Ctrl+0) on the real
 * window: they change what the window shows at once, and they are hers: kept for her next sign-in, not
 * given to another clinician.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ThemeAndZoomUiTest extends MainWindowFixture {

    private static final String BEN = "ben";
    private static final String BEN_PASSWORD = "ben runs up the hill";

    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Locale.setDefault(Locale.UK);
        try (Services first = TestKeys.clinic(dataFolder, CLOCK, Locale.UK)) {
            first.accounts().add(BEN, "Ben Physio", BEN_PASSWORD.toCharArray(), false);
        }
        worker = new Worker();
        window = new MainWindow(stage, dataFolder, () -> TestKeys.signIn(dataFolder, CLOCK, Locale.UK), worker);
        window.show(() -> { }, () -> { }, message -> { });
    }

    @AfterEach
    void backToTheDefaults() throws Exception {
        // the theme is the application's: the next test starts as a first start does
        WaitForAsyncUtils.asyncFx(() -> Theme.use(Appearance.DEFAULT)).get(10, TimeUnit.SECONDS);
    }

    /** The window is ready and the clinician's own appearance, read in the background, is applied. */
    private void ready() throws Exception {
        waitUntilReady();
        drainWorker();
    }

    private void drainWorker() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.execute(() -> done.complete(null));
        done.get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Parent root() {
        return stage.getScene().getRoot();
    }

    /** Signs out (the window closes with her records) and signs {@code user} in, in a new window. */
    private void signOutAndIn(String user, String password) throws Exception {
        drainWorker();
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get(10, TimeUnit.SECONDS);
        worker.close();
        window.services().close();
        worker = new Worker();
        stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage next = new Stage();
            window = new MainWindow(next, dataFolder,
                    () -> new ClinicAccess(CLOCK, Locale.UK, TestKeys.ITERATIONS).signIn(dataFolder, user,
                            password.toCharArray()), worker);
            window.show(() -> { }, () -> { }, message -> { });
            return next;
        }).get(10, TimeUnit.SECONDS);
        ready();
    }

    @SuppressWarnings("unchecked")
    private void chooseThemeInSettings(FxRobot robot, Appearance.Scheme scheme) throws TimeoutException {
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForDialog.open(robot, "#settingsDialog");
        ComboBox<Appearance.Scheme> choice = robot.lookup("#themeChoice").queryAs(ComboBox.class);
        assertThat(choice.getItems()).containsExactly(Appearance.Scheme.values());
        robot.clickOn(choice);
        robot.clickOn(switch (scheme) {
            case LIGHT -> "Light";
            case DARK -> "Dark";
            case HIGH_CONTRAST -> "High contrast";
        });
        assertThat(choice.getValue()).isEqualTo(scheme);
        robot.clickOn("#saveSettings");
        WaitForDialog.closed(robot, "#settingsDialog");
    }

    @Test
    void aThemeChosenInSettingsIsHersAtHerNextSignInButNotAnothersClinicians(FxRobot robot) throws Exception {
        ready();
        assertThat(root().getStyleClass()).contains("theme-light").doesNotContain("theme-dark");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheetBSS());

        chooseThemeInSettings(robot, Appearance.Scheme.DARK);
        assertThat(root().getStyleClass()).contains("theme-dark").doesNotContain("theme-light");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheetBSS());

        signOutAndIn(BEN, BEN_PASSWORD);
        assertThat(root().getStyleClass()).as("Ben never chose a theme").contains("theme-light")
                .doesNotContain("theme-dark");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheetBSS());
        chooseThemeInSettings(robot, Appearance.Scheme.HIGH_CONTRAST);
        assertThat(root().getStyleClass()).contains("theme-high-contrast").doesNotContain("theme-light");

        signOutAndIn(TestKeys.USER, TestKeys.PASSWORD);
        assertThat(root().getStyleClass()).as("Anna's own, kept").contains("theme-dark")
                .doesNotContain("theme-high-contrast");

        signOutAndIn(BEN, BEN_PASSWORD);
        assertThat(root().getStyleClass()).as("Ben's own, kept").contains("theme-high-contrast")
                .doesNotContain("theme-dark");
    }

    @Test
    void cancellingSettingsKeepsTheTheme(FxRobot robot) throws Exception {
        ready();
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForDialog.open(robot, "#settingsDialog");
        robot.clickOn("#themeChoice");
        robot.clickOn("Dark");
        robot.clickOn("Cancel");
        WaitForDialog.closed(robot, "#settingsDialog");
        drainWorker();
        assertThat(root().getStyleClass()).contains("theme-light").doesNotContain("theme-dark");
        assertThat(window.services().settings().appearance().scheme()).isEqualTo(Appearance.Scheme.LIGHT);
    }

    /** The font size a label of the window is drawn with now. */
    private double labelFontSize(FxRobot robot) {
        return robot.lookup("#headerClinicName").queryAs(Label.class).getFont().getSize();
    }

    private int storedZoom() throws Exception {
        drainWorker();
        return window.services().settings().appearance().zoomPercent();
    }

    @Test
    void ctrlPlusAndMinusStepTheTextSizeCtrl0ResetsItAndSheKeepsIt(FxRobot robot) throws Exception {
        ready();
        double normal = labelFontSize(robot);
        assertThat(normal).isGreaterThan(10);
        List<Integer> steps = Appearance.ZOOM_STEPS;
        int at = steps.indexOf(100);

        // up to the largest, then no further: each step scales the text, and is kept
        for (int i = at + 1; i <= steps.size(); i++) {
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
            WaitForAsyncUtils.waitForFxEvents();
            int expected = steps.get(Math.min(i, steps.size() - 1));
            assertThat(labelFontSize(robot)).as("at %d %%", expected).isCloseTo(normal * expected / 100.0,
                    Offset.offset(0.05));
            assertThat(storedZoom()).isEqualTo(expected);
        }
        assertThat(root().getStyle()).contains("-fx-font-size: " + Theme.fontSize(200) + "px");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labelFontSize(robot)).isCloseTo(normal, Offset.offset(0.05));
        assertThat(storedZoom()).isEqualTo(100);

        // down to the smallest, then no further
        for (int i = at - 1; i >= -1; i--) {
            robot.push(KeyCode.CONTROL, KeyCode.MINUS);
            WaitForAsyncUtils.waitForFxEvents();
            int expected = steps.get(Math.max(i, 0));
            assertThat(labelFontSize(robot)).as("at %d %%", expected).isCloseTo(normal * expected / 100.0,
                    Offset.offset(0.05));
            assertThat(storedZoom()).isEqualTo(expected);
        }

        // Ctrl+Shift+= (the "+" of a US keyboard) zooms in too
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(storedZoom()).isEqualTo(steps.get(1));
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        int kept = steps.get(3);
        assertThat(storedZoom()).isEqualTo(kept);

        signOutAndIn(BEN, BEN_PASSWORD);
        assertThat(labelFontSize(robot)).as("Ben's text is the normal size").isCloseTo(normal,
                Offset.offset(0.05));
        signOutAndIn(TestKeys.USER, TestKeys.PASSWORD);
        assertThat(labelFontSize(robot)).as("Anna's text size, kept").isCloseTo(normal * kept / 100.0,
                Offset.offset(0.05));
    }

    /** The size of the first text drawn in a window's scene (a menu's item, a tooltip's text). */
    private static double firstTextSize(Window window) {
        Text text = (Text) window.getScene().getRoot().lookupAll(".text").stream()
                .filter(n -> n instanceof Text t && t.getText() != null && !t.getText().isBlank())
                .findFirst().orElseThrow();
        return text.getFont().getSize();
    }

    /**
     * Menus, context menus and tooltips are windows of their own: at 200 % their text and icons are twice
     * the size too (they stayed at 100 %).
     */
    @Test
    void menusContextMenusAndTooltipsFollowTheTextSize(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> Theme.use(new Appearance(Appearance.Scheme.LIGHT, 200)));
        double expected = Theme.fontSize(200);

        Menu file = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0);
        robot.interact(file::show);
        WaitForAsyncUtils.waitForFxEvents();
        Window menu = Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .findFirst().orElseThrow();
        assertThat(firstTextSize(menu)).as("a menu's items").isCloseTo(expected, Offset.offset(0.5));
        robot.interact(file::hide);

        FontIcon icon = new FontIcon(Material2AL.ADD);
        ContextMenu context = new ContextMenu(new MenuItem("Add", icon));
        robot.interact(() -> context.show(stage, stage.getX() + 50, stage.getY() + 50));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firstTextSize(context)).as("a context menu's items").isCloseTo(expected, Offset.offset(0.5));
        assertThat(icon.getIconSize()).as("its icons, as the window's at 200 %%").isEqualTo(32);
        robot.interact(context::hide);

        Tooltip tooltip = new Tooltip("Ctrl+1");
        robot.interact(() -> tooltip.show(stage, stage.getX() + 80, stage.getY() + 80));
        WaitForAsyncUtils.waitForFxEvents();
        // AtlantaFX draws a tooltip's text a little smaller than the window's: twice that at 200 %
        double tooltipAt100 = Theme.fontSize(100);
        assertThat(firstTextSize(tooltip)).as("a tooltip's text").isGreaterThan(tooltipAt100 * 1.5);
        robot.interact(tooltip::hide);
    }
}
