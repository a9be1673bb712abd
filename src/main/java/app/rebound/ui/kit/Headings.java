package app.rebound.ui.kit;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * A table's column headings read whole: each column is kept at least as wide as its heading needs in the
 * text size in use, and the table scrolls sideways where the columns do not fit (at 1024 pixels the
 * programme's headings read "Hold…", "Times a…").
 */
public final class Headings {

    private static final String NEEDED = Headings.class.getName() + ".needed";

    private Headings() {
    }

    /**
     * The width a column may shrink to: {@code least} (e.g. an {@link Em} size), or what its heading needs
     * when that is more. Bind the column's minimum width to it and call {@link #measure} for its table.
     */
    public static DoubleBinding atLeastHeading(TableColumnBase<?, ?> column, ObservableDoubleValue least) {
        return Bindings.createDoubleBinding(() -> Math.max(least.get(), needed(column).get()), least,
                needed(column));
    }

    /** Measures the headings of {@code table} once it is drawn, and again at each new text size. */
    public static void measure(TableView<?> table) {
        Runnable measure = () -> Platform.runLater(() -> measureNow(table));
        table.skinProperty().addListener((obs, old, skin) -> measure.run());
        table.sceneProperty().addListener((obs, old, scene) -> measure.run());
        // a new text size: measured again once the styles are applied
        Theme.appearanceProperty().addListener(new WeakChangeListener<>(keep(table, measure)));
    }

    private static ChangeListener<Object> keep(TableView<?> table, Runnable measure) {
        ChangeListener<Object> listener = (obs, old, now) -> measure.run();
        // held by the table, so that it lives as long as the table does
        table.getProperties().put(Headings.class, listener);
        return listener;
    }

    private static void measureNow(TableView<?> table) {
        if (table.getScene() == null) {
            return;
        }
        table.applyCss();
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null) {
                for (Node child : header.getChildrenUnmodifiable()) {
                    if (child instanceof Label label) {
                        double width = Math.ceil(label.prefWidth(-1) + header.snappedLeftInset()
                                + header.snappedRightInset() + 2);
                        needed(header.getTableColumn()).set(width);
                    }
                }
            }
        }
    }

    private static DoubleProperty needed(TableColumnBase<?, ?> column) {
        return (DoubleProperty) column.getProperties().computeIfAbsent(NEEDED, key -> new SimpleDoubleProperty(0));
    }
}
