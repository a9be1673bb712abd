package app.rebound.ui.programme;

import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.util.converter.DefaultStringConverter;

/**
 * A table cell edited as text that keeps what was typed when the clinician leaves it with Tab or a
 * click, not only with Enter (JavaFX's own cell throws it away).
 */
final class CommittingCell<R> extends TextFieldTableCell<R, String> {

    CommittingCell() {
        super(new DefaultStringConverter());
    }

    @Override
    public void startEdit() {
        super.startEdit();
        if (getGraphic() instanceof TextField field) {
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now && isEditing()) {
                    commitEdit(field.getText());
                }
            });
        }
    }
}
