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

    public static void apply(Scene scene) {
        if (!installed) {
            // the binary form of the theme: JavaFX reads it without parsing 200 KB of CSS at start-up
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
            installed = true;
        }
        String css = stylesheet();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }
}
