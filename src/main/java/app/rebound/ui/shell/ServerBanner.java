package app.rebound.ui.shell;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

import app.rebound.domain.Messages;
import app.rebound.service.ServerLink;
import app.rebound.ui.kit.Scheduler;

/**
 * In server mode, the line at the top of the window that says at once when the clinic's server cannot be reached
 * (the network down, the server restarting): what is shown was read before and is dimmed, not passed off as
 * current; what she types stays in the window. When the server answers again it says so, and
 * {@code onBack} reads the lists again and saves what was typed meanwhile.
 */
final class ServerBanner {

    /** How often the server is asked whether it answers. */
    private static final long PERIOD_MILLIS = 3000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ServerLink link;
    private final Node marked;
    private final Runnable onBack;
    private final Label text = new Label();
    private final HBox node = new HBox(text);
    private final PauseTransition hideBack = new PauseTransition(Duration.seconds(6));
    private boolean reachable = true;
    private AutoCloseable watch;

    /**
     * @param marked the window's content: given the style class {@code server-unreachable} while the server
     *               cannot be reached, which dims what was read before
     */
    ServerBanner(ServerLink link, Node marked, Runnable onBack) {
        this.link = link;
        this.marked = marked;
        this.onBack = onBack;
        node.getStyleClass().add("server-banner");
        node.setId("serverBanner");
        node.setPadding(new Insets(6, 16, 6, 16));
        text.setId("serverBannerText");
        text.setWrapText(true);
        node.setVisible(false);
        node.setManaged(false);
        hideBack.setOnFinished(e -> {
            if (reachable) {
                node.setVisible(false);
                node.setManaged(false);
            }
        });
    }

    Node node() {
        return node;
    }

    /** Starts asking the server, every few seconds, on a thread of its own. */
    void start(Scheduler scheduler) {
        watch = scheduler.repeat("rebound-server-watch", PERIOD_MILLIS, () -> {
            boolean now = link.reachable();
            Platform.runLater(() -> show(now));
        });
    }

    /** Whether the server answered at the last check. */
    boolean reachable() {
        return reachable;
    }

    /** A failure elsewhere said the server was lost: say so now, not at the next check. */
    void lost() {
        show(false);
    }

    private void show(boolean now) {
        if (now == reachable) {
            return;
        }
        reachable = now;
        String server = link.server().orElse("");
        hideBack.stop();
        node.setVisible(true);
        node.setManaged(true);
        if (!now) {
            node.getStyleClass().remove("back");
            text.setText(Messages.format("server.lost", server, TIME.format(LocalTime.now())));
            if (!marked.getStyleClass().contains("server-unreachable")) {
                marked.getStyleClass().add("server-unreachable");
            }
        } else {
            node.getStyleClass().add("back");
            text.setText(Messages.format("server.back", server));
            marked.getStyleClass().remove("server-unreachable");
            hideBack.playFromStart();
            onBack.run();
        }
    }

    void stop() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                // a daemon thread: it ends with the program anyway
            }
        }
    }

    /** The banner's text (for tests). */
    String text() {
        return text.isVisible() && node.isVisible() ? text.getText() : "";
    }
}
