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
 * the first text is drawn joins the fallback list of every family, so loading starts first
 * (ReboundApp.init), and every theme method that comes before text waits for it.
 */
public final class ScriptFonts {

    /** In the order JavaFX should fall back to them, as the handout does. */
    static final String[] FILES = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf",
            "NanumGothic.ttf"};

    private static boolean registered;
    private static Thread loading;

    private ScriptFonts() {
    }

    /**
     * Starts loading the bundled fonts on a thread of their own (about a tenth of a second: JavaFX
     * copies each font out of the jar), so that the first window is built meanwhile. Anything that
     * may draw text calls {@link #register()} first, which waits for it.
     */
    public static synchronized void startLoading() {
        if (registered || loading != null) {
            return;
        }
        loading = new Thread(ScriptFonts::load, "rebound-fonts");
        loading.setDaemon(true);
        loading.start();
    }

    /** Loads the bundled fonts once (or waits for {@link #startLoading()}); safe from any thread once the toolkit has started. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        if (loading != null) {
            boolean interrupted = false;
            while (loading.isAlive()) {
                try {
                    loading.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } else {
            load();
        }
        registered = true;
    }

    private static void load() {
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
