package app.rebound.ui.kit;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;

/**
 * A small spinner beside a form's buttons, shown while the form's work runs on the worker. Its place
 * is kept when hidden; the spinner itself (a control whose skin and animation cost a start-up tens of
 * milliseconds) is made the first time it is shown, and spins only while shown.
 */
public final class BusySpinner extends StackPane {

    private static final double SIZE = 22;

    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", false);
    private ProgressIndicator spinner;

    public BusySpinner() {
        this(SIZE);
    }

    /** A spinner of {@code size} pixels square. */
    public BusySpinner(double size) {
        getStyleClass().add("busy-spinner");
        // it only shows that work runs: clicks go to whatever lies under it (the patient list's rows)
        setMouseTransparent(true);
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        showing.addListener((obs, was, now) -> {
            if (now && spinner == null) {
                spinner = new ProgressIndicator();
                spinner.setMaxSize(size, size);
                getChildren().add(spinner);
            }
            if (spinner != null) {
                spinner.setVisible(now);
                spinner.setProgress(now ? ProgressIndicator.INDETERMINATE_PROGRESS : 0);
            }
        });
    }

    /** True while the work runs: the spinner shows and spins. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    public void setShowing(boolean value) {
        showing.set(value);
    }

    public boolean isShowing() {
        return showing.get();
    }
}
