package app.rebound.ui.kit;

import java.io.IOException;
import java.io.InputStream;

import javafx.scene.text.Font;

import org.slf4j.LoggerFactory;

/**
 * The fonts the handout embeds (src/main/resources/app/rebound/fonts), registered with JavaFX so that
 * every script the handout prints also shows on screen: Hangul (김민지), Chinese and Japanese (李小龙),
 * Greek, Cyrillic and Arabic letters, whatever fonts the computer has.
 *
 * <p>JavaFX CSS takes one font family, not a list: the fallback is JavaFX's own. A font loaded before
 * the first text is drawn joins the fallback list of every family, so this runs first, before the
 * first window (ReboundApp.init) and before any theme is applied.
 */
public final class ScriptFonts {

    /** In the order JavaFX should fall back to them, as the handout does. */
    static final String[] FILES = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf",
            "NanumGothic.ttf"};

    private static boolean registered;

    private ScriptFonts() {
    }

    /** Loads the bundled fonts once; safe from any thread once the toolkit has started. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        registered = true;
        for (String file : FILES) {
            try (InputStream in = ScriptFonts.class.getResourceAsStream("/app/rebound/fonts/" + file)) {
                if (in == null || Font.loadFont(in, 13) == null) {
                    LoggerFactory.getLogger(ScriptFonts.class).warn("The bundled font {} could not be loaded", file);
                }
            } catch (IOException e) {
                LoggerFactory.getLogger(ScriptFonts.class).warn("The bundled font {} could not be read", file, e);
            }
        }
    }
}
