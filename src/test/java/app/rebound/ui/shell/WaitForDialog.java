package app.rebound.ui.shell;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for a dialog (found by its pane's id) to appear or go. */
final class WaitForDialog {

    private WaitForDialog() {
    }

    static void open(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void closed(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                .map(n -> n.getScene() == null || n.getScene().getWindow() == null || !n.getScene().getWindow().isShowing())
                .orElse(true));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
