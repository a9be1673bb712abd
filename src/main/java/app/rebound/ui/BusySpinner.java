package app.rebound.ui;

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
        getStyleClass().add("busy-spinner");
        setMinSize(SIZE, SIZE);
        setPrefSize(SIZE, SIZE);
        setMaxSize(SIZE, SIZE);
        showing.addListener((obs, was, now) -> {
            if (now && spinner == null) {
                spinner = new ProgressIndicator();
                spinner.setMaxSize(SIZE, SIZE);
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
