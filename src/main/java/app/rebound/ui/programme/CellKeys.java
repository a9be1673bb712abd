package app.rebound.ui.programme;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Spreadsheet keys for a table of doses: the arrows move from cell to cell, Tab and Shift+Tab to the next
 * or previous cell that can be edited (keeping what was typed in the one left), Enter or F2 edits the cell,
 * a letter or digit starts editing it with what was typed, Esc puts back what was there.
 */
final class CellKeys {

    private CellKeys() {
    }

    static <R> void install(TableView<R> table) {
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> pressed(table, e));
        table.addEventHandler(KeyEvent.KEY_TYPED, e -> typed(table, e));
        // a cell that stops editing takes its field (and the focus) away: the table keeps the keyboard
        table.editingCellProperty().addListener((obs, was, now) -> {
            if (now == null && table.getScene() != null) {
                Node owner = table.getScene().getFocusOwner();
                if (owner == null || owner != table && isInside(owner, table) || owner.getScene() == null) {
                    table.requestFocus();
                }
            }
        });
    }

    /** Puts the focus on the first cell that can be edited, in the first row. */
    static <R> void focusFirstCell(TableView<R> table) {
        table.requestFocus();
        List<TableColumn<R, ?>> editable = editableColumns(table);
        if (!table.getItems().isEmpty() && !editable.isEmpty()) {
            table.getSelectionModel().clearAndSelect(0, editable.get(0));
            table.getFocusModel().focus(0, editable.get(0));
        }
    }

    private static <R> void pressed(TableView<R> table, KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        TableCell<?, ?> editing = editingCell(table);
        switch (e.getCode()) {
            case TAB -> {
                if (editing != null) {
                    commit(editing);
                }
                if (move(table, e.isShiftDown() ? -1 : 1)) {
                    e.consume();
                }
            }
            case ESCAPE -> {
                if (editing != null) {
                    editing.cancelEdit();
                    e.consume();
                }
            }
            case ENTER, F2 -> {
                if (editing == null && edit(table)) {
                    e.consume();
                }
            }
            default -> {
            }
        }
    }

    private static <R> void typed(TableView<R> table, KeyEvent e) {
        String typed = e.getCharacter();
        if (table.getEditingCell() != null || e.isControlDown() || e.isAltDown() || e.isMetaDown()
                || typed == null || typed.isEmpty() || !Character.isLetterOrDigit(typed.codePointAt(0))) {
            return;
        }
        if (edit(table)) {
            TableCell<?, ?> cell = editingCell(table);
            if (cell != null && cell.getGraphic() instanceof TextField field) {
                field.setText(typed);
                field.end();
            }
            e.consume();
        }
    }

    /** Starts editing the focused cell, if it can be edited. */
    private static <R> boolean edit(TableView<R> table) {
        TablePosition<R, ?> focused = table.getFocusModel().getFocusedCell();
        if (focused == null || focused.getRow() < 0 || focused.getTableColumn() == null
                || !focused.getTableColumn().isEditable()) {
            return false;
        }
        table.edit(focused.getRow(), focused.getTableColumn());
        return table.getEditingCell() != null;
    }

    /** To the next (or previous) editable cell, row after row; false at either end of the table. */
    private static <R> boolean move(TableView<R> table, int by) {
        TablePosition<R, ?> focused = table.getFocusModel().getFocusedCell();
        List<TableColumn<R, ?>> editable = editableColumns(table);
        if (focused == null || focused.getRow() < 0 || editable.isEmpty()) {
            return false;
        }
        int column = editable.indexOf(focused.getTableColumn());
        int row = focused.getRow();
        if (column < 0) {
            // on a column that cannot be edited: on to the editable one on its right, or back to the one on its left
            int index = table.getVisibleLeafIndex(focused.getTableColumn());
            int before = (int) editable.stream().filter(c -> table.getVisibleLeafIndex(c) < index).count();
            column = by > 0 ? before - 1 : before;
        }
        column += by;
        if (column >= editable.size()) {
            column = 0;
            row++;
        } else if (column < 0) {
            column = editable.size() - 1;
            row--;
        }
        if (row < 0 || row >= table.getItems().size()) {
            return false;
        }
        table.getSelectionModel().clearAndSelect(row, editable.get(column));
        table.getFocusModel().focus(row, editable.get(column));
        table.scrollTo(row);
        table.scrollToColumn(editable.get(column));
        table.requestFocus();
        return true;
    }

    private static <R> List<TableColumn<R, ?>> editableColumns(TableView<R> table) {
        return table.getVisibleLeafColumns().stream().filter(TableColumn::isEditable).toList();
    }

    /** The cell being edited (its text field has the focus), or null. */
    private static TableCell<?, ?> editingCell(TableView<?> table) {
        if (table.getEditingCell() == null || table.getScene() == null) {
            return null;
        }
        for (Node node = table.getScene().getFocusOwner(); node != null && node != table; node = node.getParent()) {
            if (node instanceof TableCell<?, ?> cell && cell.isEditing()) {
                return cell;
            }
        }
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.isEditing()) {
                return cell;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void commit(TableCell<?, ?> cell) {
        if (cell.getGraphic() instanceof TextField field) {
            ((TableCell<?, String>) cell).commitEdit(field.getText());
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
