package app.rebound.ui.shell;

import org.testfx.util.WaitForAsyncUtils;

/** Lets queued JavaFX events (and a validation pass) run before asserting. */
final class WaitForAsyncUtilsLite {

    private WaitForAsyncUtilsLite() {
    }

    static void settle() {
        WaitForAsyncUtils.waitForFxEvents(3);
    }
}
