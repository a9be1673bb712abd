package app.rebound.ui.kit;

import java.net.URL;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

import atlantafx.base.theme.PrimerLight;

/** The calm, modern look: AtlantaFX's Primer Light with Rebound's own touches on top. */
public final class Theme {

    private static boolean installed;
    private static boolean firstWindowOnly;

    private Theme() {
    }

    /** For dialogs, which have scenes of their own. */
    public static void apply(Parent root) {
        ScriptFonts.register();
        String css = stylesheet();
        if (!root.getStylesheets().contains(css)) {
            root.getStylesheets().add(css);
        }
    }

    /**
     * Rebound's own stylesheet: the binary form the build makes of rebound.css (read without JavaFX's
     * CSS parser, whose lexer alone made 47 lambdas at start-up), or the CSS where the build has not
     * made it (a run from an IDE).
     */
    private static String stylesheet() {
        URL binary = Theme.class.getResource("/app/rebound/ui/rebound.bss");
        return (binary != null ? binary : Theme.class.getResource("/app/rebound/ui/rebound.css")).toExternalForm();
    }

    /**
     * Makes the theme JavaFX's user-agent stylesheet. Called before the first control is made: the
     * first control class to load otherwise reads JavaFX's own Modena stylesheet, only for it to be
     * replaced (about 70 ms of a start-up).
     */
    public static void install() {
        ScriptFonts.register();
        if (!installed) {
            // the binary form of the theme: JavaFX reads it without parsing 200 KB of CSS at start-up
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
            installed = true;
            firstWindowOnly = false;
        }
    }

    /**
     * Makes the part of the theme the first window (set-up, sign-in) uses the user-agent stylesheet:
     * 33 of the theme's 1,013 rules, which the build picks by the window's style classes
     * (src/build/Stylesheets.java). Reading the whole theme took a tenth of a second of the first
     * frame. Call {@link #install()} once that window is drawn, before anything else is shown: the
     * window looks the same either way, and everything after needs the whole theme.
     */
    public static void installForFirstWindow() {
        ScriptFonts.register();
        URL part = Theme.class.getResource("/app/rebound/ui/first-window.bss");
        if (installed || part == null) {
            install();
            return;
        }
        Application.setUserAgentStylesheet(part.toExternalForm());
        firstWindowOnly = true;
    }

    public static void apply(Scene scene) {
        ScriptFonts.register();
        if (!firstWindowOnly) {
            install();
        }
        String css = stylesheet();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }
}
