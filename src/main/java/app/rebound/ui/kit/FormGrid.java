package app.rebound.ui.kit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import app.rebound.domain.Messages;

/**
 * A two-column form: a label (with its Alt+letter mnemonic) beside each field, and under the field
 * the message of whatever is wrong with it, shown the moment the view model reports it.
 */
public final class FormGrid extends GridPane {

    /** AtlantaFX's red outline for a field in error. */
    public static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final ObservableMap<String, String> errors;
    private int row;
    private final Map<String, String> labels = new LinkedHashMap<>();

    /** The label shown for each field key, e.g. "pelvicFloor.power" → "Power (MOS)". */
    public Map<String, String> labels() {
        return Collections.unmodifiableMap(labels);
    }

    public FormGrid(ObservableMap<String, String> errors) {
        this.errors = errors;
        getStyleClass().add("form-grid");
        setHgap(14);
        setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        getColumnConstraints().addAll(labels, fields);
    }

    /** Adds a labelled field whose errors are reported under {@code fieldKey}. */
    public <N extends Node> N add(String labelKey, N field, Node focusTarget, String fieldKey) {
        Label label = new Label(Messages.get(labelKey));
        labels.put(fieldKey, label.getText().replace("_", ""));
        label.setMnemonicParsing(true);
        label.setLabelFor(focusTarget);
        label.getStyleClass().add("form-label");
        // one line at the normal text size; at a large one the labels wrap and leave the fields two thirds
        label.setWrapText(true);
        label.maxWidthProperty().bind(labelWidth(300));
        GridPane.setValignment(label, VPos.TOP);
        label.setPadding(new Insets(6, 0, 0, 0));
        VBox cell = new VBox(3, field, errorLabel(fieldKey, focusTarget));
        add(label, 0, row);
        add(cell, 1, row);
        row++;
        return field;
    }

    /** Adds a field labelled with text that is not a bundle key (e.g. a test's name). */
    public <N extends Node> N addText(String labelText, N field, Node focusTarget, String fieldKey) {
        Label label = new Label(labelText);
        labels.put(fieldKey, labelText);
        label.setLabelFor(focusTarget);
        label.getStyleClass().add("form-label");
        label.setWrapText(true);
        label.maxWidthProperty().bind(labelWidth(260));
        GridPane.setValignment(label, VPos.TOP);
        label.setPadding(new Insets(6, 0, 0, 0));
        add(label, 0, row);
        add(field, 1, row);
        row++;
        return field;
    }

    public <N extends Node> N addText(String labelText, N field, String fieldKey) {
        VBox cell = new VBox(3, field, errorLabel(fieldKey, field));
        addText(labelText, cell, field, fieldKey);
        return field;
    }

    /**
     * The widest a label may be: {@code atNormalSize} at the normal text size, but never more than a third
     * of a narrow form (at 1024 pixels the visit form's labels left its fields too little room, and it
     * scrolled sideways); a longer label wraps.
     */
    private DoubleBinding labelWidth(double atNormalSize) {
        return Bindings.createDoubleBinding(() -> {
            double wanted = Em.scaled(atNormalSize);
            return getWidth() > 0 ? Math.min(wanted, Math.max(getWidth() * 0.35, 160)) : wanted;
        }, widthProperty(), Theme.appearanceProperty());
    }

    /** The id of a field's control: "pelvicFloor-power", "strength-SL_BRIDGE-left". */
    public static String fieldId(String fieldKey) {
        return fieldKey.replace("[", "-").replace("]", "").replace('.', '-');
    }

    public <N extends Node> N add(String labelKey, N field, String fieldKey) {
        return add(labelKey, field, field, fieldKey);
    }

    /** A section heading spanning both columns. */
    public void heading(String textKey) {
        Label heading = new Label(Messages.get(textKey));
        heading.getStyleClass().add("form-heading");
        GridPane.setHalignment(heading, HPos.LEFT);
        add(heading, 0, row, 2, 1);
        row++;
    }

    /** Any node spanning both columns. */
    public void span(Node node) {
        GridPane.setHalignment(node, HPos.LEFT);
        add(node, 0, row, 2, 1);
        row++;
    }

    /** The message label for a field: empty and out of the layout while the field is fine. */
    public Label errorLabel(String fieldKey, Node field) {
        return errorLabel(errors, fieldKey, field);
    }

    /** The id of a field's message label: "error-givenName", "error-births-0-date". */
    public static String errorId(String fieldKey) {
        return "error-" + fieldKey.replace("[", "-").replace("]", "").replace('.', '-');
    }

    public static Label errorLabel(ObservableMap<String, String> errors, String fieldKey, Node field) {
        Label message = new Label();
        message.getStyleClass().add("field-error");
        message.setId(errorId(fieldKey));
        message.setWrapText(true);
        // a wrapped message takes the lines it needs instead of ending in "…"
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.managedProperty().bind(message.visibleProperty());
        Runnable update = () -> {
            String text = errors.get(fieldKey);
            message.setText(text == null ? "" : text);
            message.setVisible(text != null);
            field.pseudoClassStateChanged(DANGER, text != null);
            field.setAccessibleHelp(text);
            fitDialog(message);
        };
        errors.addListener((MapChangeListener<String, String>) change -> {
            if (change.getKey().equals(fieldKey)) {
                update.run();
            }
        });
        update.run();
        return message;
    }

    /**
     * A message appearing or going changes the form's height: a dialog (an owned window) is fitted to its
     * content again so that its buttons never end up below its bottom edge. The main window keeps its size.
     */
    private static void fitDialog(Label message) {
        Platform.runLater(() -> {
            if (message.getScene() != null && message.getScene().getWindow() instanceof Stage stage
                    && stage.getOwner() != null && stage.isShowing() && !stage.isMaximized()) {
                double width = stage.getWidth();
                stage.sizeToScene();
                // keep a width the clinician chose, only the height follows the content
                if (stage.getWidth() < width) {
                    stage.setWidth(width);
                }
            }
        });
    }
}
