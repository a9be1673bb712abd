package app.rebound.ui.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers where the main window was and how big, in a small file in the data folder (it holds
 * no patient data). A place that is no longer on any screen is ignored. Also gives every other window
 * its size and place: the first window (set-up, sign-in) an explicit size its content fits in, centred
 * on the screen; each dialog at least its content's size and centred on its owner
 * ({@link #centreDialogsOnOwners()}).
 */
public final class WindowPlacement {

    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacement.class);

    public static final double DEFAULT_WIDTH = 1180;
    public static final double DEFAULT_HEIGHT = 760;
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;

    /** The space kept between a window and the edge of its screen. */
    private static final double SCREEN_MARGIN = 8;

    private static boolean placingDialogs;

    private final Path file;

    public WindowPlacement(Path dataFolder) {
        this.file = dataFolder.resolve("window.properties");
    }

    /** Sizes and places the stage as it was last closed, or centres a comfortable default. */
    public void restore(Stage stage) {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        Properties saved = read();
        double width = number(saved, "width", DEFAULT_WIDTH);
        double height = number(saved, "height", DEFAULT_HEIGHT);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.max(MIN_WIDTH, Math.min(width, screen.getWidth())));
        stage.setHeight(Math.max(MIN_HEIGHT, Math.min(height, screen.getHeight())));
        double x = number(saved, "x", Double.NaN);
        double y = number(saved, "y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(x, y, Math.min(width, 100), Math.min(height, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(Boolean.parseBoolean(saved.getProperty("maximized", "false")));
    }

    /**
     * From now on, every window that has an owner (a dialog, an alert, a progress window) is shown
     * centred on its owner, at least as big as its content asks (within its screen). Without it a
     * window manager put some at the screen's top-left. Once per program; on the JavaFX thread.
     */
    public static void centreDialogsOnOwners() {
        if (placingDialogs) {
            return;
        }
        placingDialogs = true;
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window added : change.getAddedSubList()) {
                    if (added instanceof Stage dialog && dialog.getOwner() != null
                            && !Boolean.TRUE.equals(dialog.getProperties().get(WindowPlacement.class))) {
                        dialog.getProperties().put(WindowPlacement.class, Boolean.TRUE);
                        // shown: JavaFX has sized it and put it where it would; then once more after its
                        // first layout, when a dialog's content may have asked for more room
                        dialog.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
                            placeOnOwner(dialog);
                            Platform.runLater(() -> placeOnOwner(dialog));
                        });
                    }
                }
            }
        });
    }

    /** Makes {@code dialog} at least its content's size (within the screen) and centres it on its owner. */
    public static void placeOnOwner(Stage dialog) {
        Window owner = dialog.getOwner();
        if (owner == null || !dialog.isShowing() || dialog.getScene() == null || dialog.isMaximized()) {
            return;
        }
        Rectangle2D screen = screenOf(owner);
        fitContent(dialog, screen);
        double x = owner.getX() + (owner.getWidth() - dialog.getWidth()) / 2;
        double y = owner.getY() + (owner.getHeight() - dialog.getHeight()) / 2;
        dialog.setX(clamp(x, screen.getMinX() + SCREEN_MARGIN, screen.getMaxX() - SCREEN_MARGIN - dialog.getWidth()));
        dialog.setY(clamp(y, screen.getMinY() + SCREEN_MARGIN, screen.getMaxY() - SCREEN_MARGIN - dialog.getHeight()));
    }

    /**
     * Gives a window without an owner (set-up, sign-in) a minimum its content fits in and centres it on the
     * screen: left to choose, a window manager opened it at 200 × 200. Call before the window is shown, with
     * its scene set.
     */
    public static void placeFirstWindow(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // fixed, not the content's: the same whichever part of the theme is installed
        stage.setMinWidth(Math.min(FIRST_MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(FIRST_MIN_HEIGHT, screen.getHeight()));
        stage.centerOnScreen();
    }

    /** The smallest the first window may be made (a window manager opened it at 200 × 200). */
    private static final double FIRST_MIN_WIDTH = 560;
    private static final double FIRST_MIN_HEIGHT = 480;

    /** Grows a window whose scene is smaller than its content's preferred size, up to the screen's size. */
    private static void fitContent(Stage window, Rectangle2D screen) {
        Scene scene = window.getScene();
        Parent root = scene.getRoot();
        double decorationWidth = Math.max(0, window.getWidth() - scene.getWidth());
        double decorationHeight = Math.max(0, window.getHeight() - scene.getHeight());
        double maxWidth = screen.getWidth() - 2 * SCREEN_MARGIN;
        double maxHeight = screen.getHeight() - 2 * SCREEN_MARGIN;
        double wantedWidth = Math.min(root.prefWidth(-1) + decorationWidth, maxWidth);
        if (window.getWidth() < wantedWidth) {
            window.setWidth(wantedWidth);
        }
        double sceneWidth = window.getWidth() - decorationWidth;
        double wantedHeight = Math.min(root.prefHeight(sceneWidth) + decorationHeight, maxHeight);
        if (window.getHeight() < wantedHeight) {
            window.setHeight(wantedHeight);
        }
        if (window.getWidth() > maxWidth) {
            window.setWidth(maxWidth);
        }
        if (window.getHeight() > maxHeight) {
            window.setHeight(maxHeight);
        }
    }

    private static Rectangle2D screenOf(Window window) {
        var screens = Screen.getScreensForRectangle(window.getX() + window.getWidth() / 2,
                window.getY() + window.getHeight() / 2, 1, 1);
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    private static double clamp(double value, double min, double max) {
        return max < min ? min : Math.max(min, Math.min(value, max));
    }

    public void save(Stage stage) {
        Properties out = new Properties();
        out.setProperty("maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized()) {
            out.setProperty("x", Double.toString(stage.getX()));
            out.setProperty("y", Double.toString(stage.getY()));
            out.setProperty("width", Double.toString(stage.getWidth()));
            out.setProperty("height", Double.toString(stage.getHeight()));
        } else {
            Properties previous = read();
            for (String key : new String[] {"x", "y", "width", "height"}) {
                if (previous.getProperty(key) != null) {
                    out.setProperty(key, previous.getProperty(key));
                }
            }
        }
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream stream = Files.newOutputStream(file)) {
                out.store(stream, "Rebound main window");
            }
        } catch (IOException e) {
            LOG.warn("Could not remember the window's place: {}", e.getClass().getSimpleName());
        }
    }

    private Properties read() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream stream = Files.newInputStream(file)) {
                properties.load(stream);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring an unreadable window.properties: {}", e.getClass().getSimpleName());
            }
        }
        return properties;
    }

    private static double number(Properties properties, String key, double fallback) {
        try {
            String value = properties.getProperty(key);
            double parsed = value == null ? fallback : Double.parseDouble(value);
            return Double.isFinite(parsed) || Double.isNaN(fallback) ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
