package app.rebound.ui;

import javafx.application.Application;
import javafx.scene.Scene;

import atlantafx.base.theme.PrimerLight;

/** The calm, modern look: AtlantaFX's Primer Light with Rebound's own touches on top. */
public final class Theme {

    private static boolean installed;

    private Theme() {
    }

    /** For dialogs, which have scenes of their own. */
    public static void apply(javafx.scene.Parent root) {
        String css = stylesheet();
        if (!root.getStylesheets().contains(css)) {
            root.getStylesheets().add(css);
        }
    }

    private static String stylesheet() {
        return Theme.class.getResource("/app/rebound/ui/rebound.css").toExternalForm();
    }

    /**
     * Makes the theme JavaFX's user-agent stylesheet. Called before the first control is made: the
     * first control class to load otherwise reads JavaFX's own Modena stylesheet, only for it to be
     * replaced (about 70 ms of a start-up).
     */
    public static void install() {
        if (!installed) {
            // the binary form of the theme: JavaFX reads it without parsing 200 KB of CSS at start-up
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
            installed = true;
        }
    }

    public static void apply(Scene scene) {
        install();
        String css = stylesheet();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }
}
