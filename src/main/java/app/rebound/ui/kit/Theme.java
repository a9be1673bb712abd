package app.rebound.ui.kit;

import java.net.URL;
import java.util.List;

import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import app.rebound.domain.Appearance;

/**
 * The calm, modern look: AtlantaFX's Primer Light or Primer Dark with Rebound's own touches on top
 * (rebound.css), and the clinician's text size.
 *
 * <p>High contrast is Primer Light with the overrides of rebound.css under {@code .theme-high-contrast}
 * (darker text and borders). Every window's root carries the style class of the scheme in use
 * ({@code theme-light}, {@code theme-dark}, {@code theme-high-contrast}): rebound.css defines the colours
 * Rebound draws with (charts, illustrations, the readiness panel) as looked-up colours per class, and
 * Java code never names a colour. The text size is the root's font size; every other size in rebound.css
 * is in em, so it follows.
 */
public final class Theme {

    /** The root font size at 100 %, as rebound.css's {@code .root} sets it. */
    public static final double BASE_FONT_SIZE = 14;

    private static final List<String> SCHEME_CLASSES = List.of("theme-light", "theme-dark", "theme-high-contrast");

    private static boolean installed;
    private static boolean firstWindowOnly;
    private static boolean following;
    private static final ReadOnlyObjectWrapper<Appearance> CURRENT = new ReadOnlyObjectWrapper<>(Appearance.DEFAULT);

    private Theme() {
    }

    /** The colours and text size in use. */
    public static ReadOnlyObjectProperty<Appearance> appearanceProperty() {
        return CURRENT.getReadOnlyProperty();
    }

    public static Appearance current() {
        return CURRENT.get();
    }

    /** The style class the window roots carry for a scheme. */
    public static String styleClass(Appearance.Scheme scheme) {
        return SCHEME_CLASSES.get(scheme.ordinal());
    }

    /** The root font size, in px, at a zoom. */
    public static double fontSize(int zoomPercent) {
        return BASE_FONT_SIZE * zoomPercent / 100.0;
    }

    /**
     * Uses these colours and this text size in every open window and in those opened after (dialogs
     * included). On the JavaFX thread.
     */
    public static void use(Appearance appearance) {
        Appearance before = CURRENT.get();
        CURRENT.set(appearance);
        if (installed && dark(before) != dark(appearance)) {
            Application.setUserAgentStylesheet(userAgentStylesheet(appearance));
        }
        for (Window window : List.copyOf(Window.getWindows())) {
            // menus, context menus and tooltips open now too (popup windows, with scenes of their own)
            if (window.getScene() != null && window.getScene().getRoot() != null) {
                decorate(window.getScene().getRoot());
            }
        }
    }

    /**
     * From now on every window shown gets the colours and the text size as it opens: a popup window (a
     * menu, a context menu, a combo box's list, a tooltip) has a scene of its own, whose root took the
     * theme's 14 px and the icons' 100 % whatever the clinician's text size; a dialog made without
     * {@link #apply(Parent)} missed Rebound's colours.
     */
    private static void followNewWindows() {
        if (following) {
            return;
        }
        following = true;
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window added : change.getAddedSubList()) {
                    Scene scene = added.getScene();
                    if (scene == null || scene.getRoot() == null) {
                        continue;
                    }
                    if (scene.getStylesheets().contains(stylesheet())) {
                        decorate(scene.getRoot());
                    } else {
                        apply(scene.getRoot());
                    }
                }
            }
        });
    }

    private static boolean dark(Appearance appearance) {
        return appearance.scheme() == Appearance.Scheme.DARK;
    }

    private static String userAgentStylesheet(Appearance appearance) {
        // the binary form of the theme: JavaFX reads it without parsing 200 KB of CSS
        return dark(appearance) ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS();
    }

    /** The scheme's style class and the text size on a window's root. */
    private static void decorate(Parent root) {
        Appearance appearance = CURRENT.get();
        String wanted = styleClass(appearance.scheme());
        root.getStyleClass().removeIf(c -> SCHEME_CLASSES.contains(c) && !c.equals(wanted));
        if (!root.getStyleClass().contains(wanted)) {
            root.getStyleClass().add(wanted);
        }
        String zoom = "zoom-" + appearance.zoomPercent();
        root.getStyleClass().removeIf(c -> c.startsWith("zoom-") && !c.equals(zoom));
        if (!root.getStyleClass().contains(zoom)) {
            root.getStyleClass().add(zoom);
        }
        String others = root.getStyle() == null ? "" : root.getStyle().replaceAll("-fx-font-size:[^;]*;?", "").strip();
        String size = appearance.zoomPercent() == Appearance.ACTUAL_SIZE ? ""
                : "-fx-font-size: " + fontSize(appearance.zoomPercent()) + "px;";
        root.setStyle((size + " " + others).strip());
    }

    /** For dialogs, which have scenes of their own. */
    public static void apply(Parent root) {
        ScriptFonts.register();
        String css = stylesheet();
        if (!root.getStylesheets().contains(css)) {
            root.getStylesheets().add(css);
        }
        decorate(root);
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
        followNewWindows();
        if (!installed) {
            Application.setUserAgentStylesheet(userAgentStylesheet(CURRENT.get()));
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
        if (scene.getRoot() != null) {
            decorate(scene.getRoot());
        }
    }
}
