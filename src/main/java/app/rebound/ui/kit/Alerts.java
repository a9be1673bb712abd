package app.rebound.ui.kit;

import javafx.stage.Window;

import app.rebound.ui.kit.FxDialogs;

/**
 * The few questions and warnings the window itself puts to the clinician; the same dialogs as
 * {@link FxDialogs}, which view models reach through {@link app.rebound.ui.kit.Dialogs}.
 */
public final class Alerts {

    private Alerts() {
    }

    public static void error(Window owner, String message) {
        new FxDialogs(owner).error(message);
    }

    /** Says that something is done, with what the clinician needs to know about it. */
    public static void information(Window owner, String header, String text) {
        new FxDialogs(owner).inform(header, text);
    }

    /** Asks whether to throw away what was typed; true to discard. */
    public static boolean confirmDiscard(Window owner, String questionKey) {
        return new FxDialogs(owner).confirmDiscard(questionKey);
    }

    /**
     * Asks to confirm an action that cannot be undone; Cancel is the default button, so Enter does not
     * confirm by accident. True to go ahead.
     */
    public static boolean confirm(Window owner, String header, String text, String goAhead) {
        return new FxDialogs(owner).confirm(header, text, goAhead);
    }
}
