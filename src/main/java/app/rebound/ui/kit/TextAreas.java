package app.rebound.ui.kit;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Notes fields that behave like every other field for the keyboard. */
public final class TextAreas {

    private TextAreas() {
    }

    /** Tab (and Shift+Tab) leave the text area instead of typing a tab, so the form stays keyboard-friendly. */
    public static TextArea tabMovesFocus(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                event.consume();
                area.fireEvent(new KeyEvent(event.getSource(), event.getTarget(), event.getEventType(),
                        event.getCharacter(), event.getText(), event.getCode(), event.isShiftDown(), true,
                        event.isAltDown(), event.isMetaDown()));
            }
        });
        return area;
    }
}
