package app.rebound.ui.records;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Finds the dialog on screen by its pane's id, waits for it to come or go, and finds its buttons by their text. */
final class ShownDialogs {

    private ShownDialogs() {
    }

    private static boolean showing(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }

    /** The showing dialog pane with this id, if any. */
    static Optional<DialogPane> find(FxRobot robot, String query) {
        return robot.lookup(query).match(ShownDialogs::showing).tryQueryAs(DialogPane.class);
    }

    static DialogPane open(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> find(robot, query).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return find(robot, query).orElseThrow();
    }

    static void closed(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> find(robot, query).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The dialog's button that reads {@code text}, as the clinician sees it. */
    static Button button(FxRobot robot, DialogPane pane, String text) {
        return robot.from(pane).lookup(".button").match(n -> n instanceof Button b && text.equals(b.getText()))
                .queryButton();
    }
}
