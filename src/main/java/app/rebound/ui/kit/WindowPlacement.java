package app.rebound.ui.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers where the main window was and how big, in a small file in the data folder (it holds
 * no patient data). A place that is no longer on any screen is ignored.
 */
public final class WindowPlacement {

    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacement.class);

    public static final double DEFAULT_WIDTH = 1180;
    public static final double DEFAULT_HEIGHT = 760;
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;

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
