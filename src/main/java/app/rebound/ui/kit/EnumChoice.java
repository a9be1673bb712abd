package app.rebound.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

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
        typeAhead(box, Display::of);
        return box;
    }

    /**
     * Keyboard choice without opening the list: typing a letter or digit picks the next item whose
     * name (as {@code label} shows it) starts with it; Delete or Backspace clears to the empty choice.
     */
    public static <T> void typeAhead(ComboBox<T> box, Function<T, String> label) {
        box.addEventHandler(KeyEvent.KEY_TYPED, event -> {
            String typed = event.getCharacter();
            if (typed == null || typed.isBlank() || event.isControlDown() || event.isAltDown()
                    || !Character.isLetterOrDigit(typed.codePointAt(0))) {
                return;
            }
            String key = typed.toLowerCase(Locale.ROOT);
            List<T> items = box.getItems();
            int start = Math.max(0, items.indexOf(box.getValue()));
            for (int step = 1; step <= items.size(); step++) {
                T item = items.get((start + step) % items.size());
                String text = item == null ? null : label.apply(item);
                if (text != null && text.toLowerCase(Locale.ROOT).startsWith(key)) {
                    box.setValue(item);
                    event.consume();
                    return;
                }
            }
        });
        box.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if ((event.getCode() == KeyCode.DELETE
                    || event.getCode() == KeyCode.BACK_SPACE) && box.getItems().contains(null)) {
                box.setValue(null);
                event.consume();
            }
        });
    }

    private static final class Cell<E extends Enum<E>> extends ListCell<E> {
        @Override
        protected void updateItem(E item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? Display.of(null) : Display.of(item));
        }
    }
}
