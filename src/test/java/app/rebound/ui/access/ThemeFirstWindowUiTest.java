package app.rebound.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

import app.rebound.TestKeys;
import app.rebound.service.ClinicAccess;
import app.rebound.service.Services;
import app.rebound.ui.kit.Worker;

/**
 * The first window is drawn with the part of the theme the build picks for it (first-window.bss, by
 * the style classes in src/build/first-window-style-classes.txt), then the whole theme replaces it. A
 * clinician must not see the difference: set-up and sign-in look the same, pixel for pixel, either way.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ThemeFirstWindowUiTest {

    private static final Path CLASS_LIST = Path.of("src/build/first-window-style-classes.txt");

    @TempDir
    Path folder;

    private Worker worker;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        worker = new Worker();
    }

    @AfterEach
    void wholeTheme() throws TimeoutException {
        FxToolkit.cleanupStages();
        worker.close();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
    }

    @Test
    void setUpAndSignInLookTheSameWithThePartOfTheThemeAsWithTheWhole(FxRobot robot) throws Exception {
        ClinicAccess access = new ClinicAccess(Clock.systemUTC(), Locale.UK, TestKeys.ITERATIONS);
        Path newClinic = folder.resolve("new");
        Path setUpClinic = folder.resolve("set-up");
        access.setUp(setUpClinic, new ClinicAccess.NewClinic("Fjord Physio", "ingrid", "Ingrid Hansen",
                "a long enough password".toCharArray())).services().close();

        String part = getClass().getResource("/app/rebound/ui/first-window.bss").toExternalForm();
        for (Path clinic : List.of(newClinic, setUpClinic)) {
            Picture withPart = picture(robot, access, clinic, part);
            Picture withWhole = picture(robot, access, clinic, new PrimerLight().getUserAgentStylesheetBSS());

            assertThat(withPart.styleClasses).as("style classes of the window at %s, all in %s", clinic.getFileName(),
                    CLASS_LIST).isSubsetOf(listed());
            assertThat(withPart.width).isEqualTo(withWhole.width);
            assertThat(withPart.height).isEqualTo(withWhole.height);
            assertThat(differingPixels(withPart, withWhole)).as("pixels that differ, window at %s",
                    clinic.getFileName()).isZero();
        }
    }

    private record Picture(WritableImage image, int width, int height, Set<String> styleClasses) {
    }

    private Picture picture(FxRobot robot, ClinicAccess access, Path clinic, String userAgentStylesheet) {
        AtomicReference<Scene> shown = new AtomicReference<>();
        robot.interact(() -> {
            Application.setUserAgentStylesheet(userAgentStylesheet);
            AccessView view = AccessWindow.show(stage, clinic, access, worker, Services::close);
            view.focusFirst();
            shown.set(view.getScene());
        });
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<Picture> picture = new AtomicReference<>();
        robot.interact(() -> {
            Scene scene = shown.get();
            // the caret blinks: hidden in both pictures, so the comparison does not depend on when it was taken
            scene.getRoot().lookupAll(".text-input").forEach(n -> n.setStyle("-fx-display-caret: false;"));
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            WritableImage image = scene.snapshot(null);
            Set<String> classes = new TreeSet<>();
            collect(scene.getRoot(), classes);
            picture.set(new Picture(image, (int) image.getWidth(), (int) image.getHeight(), classes));
        });
        return picture.get();
    }

    private static void collect(Node node, Set<String> classes) {
        classes.addAll(node.getStyleClass());
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, classes);
            }
        }
    }

    private static Set<String> listed() throws IOException {
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(CLASS_LIST)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                classes.add(l);
            }
        }
        return new TreeSet<>(classes);
    }

    private static int differingPixels(Picture a, Picture b) {
        PixelReader ra = a.image().getPixelReader();
        PixelReader rb = b.image().getPixelReader();
        int differing = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
