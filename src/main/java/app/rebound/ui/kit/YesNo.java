package app.rebound.ui.kit;

import java.util.Arrays;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

import app.rebound.domain.Messages;

/**
 * A yes/no answer that can also be "not asked" (empty). Y and N answer from the keyboard;
 * Delete clears it.
 */
public final class YesNo {

    private YesNo() {
    }

    public static ComboBox<Boolean> box() {
        ComboBox<Boolean> box = new ComboBox<>();
        box.getItems().setAll(Arrays.asList(null, Boolean.TRUE, Boolean.FALSE));
        box.setCellFactory(list -> new Cell());
        box.setButtonCell(new Cell());
        box.prefWidthProperty().bind(Em.px(130));
        EnumChoice.typeAhead(box, YesNo::label);
        return box;
    }

    public static String label(Boolean value) {
        return value == null ? Messages.get("value.notAsked")
                : Messages.get(value ? "value.yes" : "value.no");
    }

    private static final class Cell extends ListCell<Boolean> {
        @Override
        protected void updateItem(Boolean item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? label(null) : label(item));
        }
    }
}
