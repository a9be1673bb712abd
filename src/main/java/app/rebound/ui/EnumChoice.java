package app.rebound.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/** A drop-down of an enumeration, by its translated names, with "Not recorded" as the empty choice. */
public final class EnumChoice {

    private EnumChoice() {
    }

    public static <E extends Enum<E>> ComboBox<E> of(Class<E> type) {
        List<E> items = new ArrayList<>();
        items.add(null);
        items.addAll(List.of(type.getEnumConstants()));
        ComboBox<E> box = new ComboBox<>();
        box.getItems().setAll(items);
        box.setCellFactory(list -> new Cell<>());
        box.setButtonCell(new Cell<>());
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static final class Cell<E extends Enum<E>> extends ListCell<E> {
        @Override
        protected void updateItem(E item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? Display.of(null) : Display.of(item));
        }
    }
}
