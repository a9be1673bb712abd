package app.rebound.ui.kit;

import java.util.HashMap;
import java.util.Map;

import javafx.beans.InvalidationListener;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;

/**
 * Colours a canvas paints with, read from the looked-up colours of the theme in use (rebound.css), so
 * that Java names none and each theme picks its own. A hidden probe inside the pane resolves them the
 * way any styled node would; {@link #onChange} tells when the theme or the text size changed them.
 */
public final class CssColours {

    private final Pane host;
    private final Map<String, Text> probes = new HashMap<>();
    private final Map<String, Color> fallbacks = new HashMap<>();
    private Runnable onChange = () -> { };
    private final InvalidationListener changed = obs -> onChange.run();

    public CssColours(Pane host) {
        this.host = host;
    }

    /** Calls {@code action} when one of the colours read changes (another theme). */
    public void onChange(Runnable action) {
        this.onChange = action;
    }

    /**
     * The colour the theme gives the looked-up colour {@code name} (e.g. {@code -chart-axis}), or
     * {@code fallback} (a colour as the shared layout names it) before the pane has a scene.
     */
    public Color colour(String name, String fallback) {
        Text probe = probes.computeIfAbsent(name, n -> {
            Text t = new Text();
            t.setManaged(false);
            t.setVisible(false);
            t.setStyle("-fx-fill: " + n + ";");
            t.fillProperty().addListener(changed);
            t.fontProperty().addListener(changed);
            host.getChildren().add(t);
            return t;
        });
        if (probe.getScene() != null) {
            probe.applyCss();
        }
        Paint fill = probe.getFill();
        if (probe.getScene() != null && fill instanceof Color colour && !"-".equals(name)) {
            return colour;
        }
        return fallbacks.computeIfAbsent(fallback, Color::web);
    }

    /** The font size the pane's text has now (the clinician's text size), in px. */
    public double fontSize() {
        Text probe = probes.values().stream().findFirst().orElse(null);
        return probe == null ? Theme.BASE_FONT_SIZE : probe.getFont().getSize();
    }
}
