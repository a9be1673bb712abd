package app.rebound.ui.kit;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds what a clinician cannot read: every visible Labeled (label, button, tab header, column
 * header, cell) whose drawn text is not its whole text (JavaFX 21 has no Labeled.isTextTruncated: the
 * skin's text node is compared with the text).
 */
public final class Truncation {

    private Truncation() {
    }

    /** "Label #id: 'St…' of 'Start'" for each truncated Labeled under {@code root}; call on the FX thread. */
    public static List<String> truncated(Parent root) {
        List<String> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                String whole = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_(?=.)", "")
                        : labeled.getText();
                if (child instanceof Text drawn && child != labeled.getGraphic() // an icon is a Text too
                        && child.isVisible() && drawn.getText() != null
                        && !drawn.getText().isEmpty() // the mnemonic's underline, or a graphic-only button
                        && !drawn.getText().equals(whole)
                        && !drawn.getText().replace("\n", " ").equals(whole.replace("\n", " "))) {
                    found.add(labeled.getClass().getSimpleName()
                            + (labeled.getId() == null ? "" : " #" + labeled.getId())
                            + ": '" + drawn.getText() + "' of '" + labeled.getText() + "'");
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }
}
