package app.rebound.ui.visit;

import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.domain.visit.Amendment;
import app.rebound.ui.kit.Em;
import app.rebound.ui.kit.Theme;

/**
 * Asks why a completed visit is amended: a short reason, kept with each change. Its button stays disabled,
 * and says why, while the reason is empty or too long; Enter amends, Esc cancels.
 */
final class AmendDialog extends Dialog<String> {

    private AmendDialog(Window owner) {
        initOwner(owner);
        setTitle(Messages.get("amend.title"));
        setHeaderText(Messages.get("amend.header"));
        getDialogPane().setId("amendDialog");

        Label ask = new Label(Messages.get("amend.ask"));
        ask.setWrapText(true);
        TextField reason = new TextField();
        reason.setId("amendReason");
        ask.setLabelFor(reason);
        Function<String, Optional<String>> problem = text -> Amendment.checkReason(text).map(v -> v.message());
        Label wrong = new Label();
        wrong.setId("amendReasonProblem");
        wrong.getStyleClass().add("field-error");
        wrong.setWrapText(true);
        wrong.textProperty().bind(Bindings.createStringBinding(() -> problem.apply(reason.getText()).orElse(""),
                reason.textProperty()));
        wrong.visibleProperty().bind(wrong.textProperty().isNotEmpty());
        wrong.managedProperty().bind(wrong.visibleProperty());

        VBox content = new VBox(10, ask, reason, wrong);
        content.prefWidthProperty().bind(Em.px(460));
        getDialogPane().setContent(content);
        ButtonType amend = new ButtonType(Messages.get("amend.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(amend, ButtonType.CANCEL);
        Node amendButton = getDialogPane().lookupButton(amend);
        amendButton.setId("amendConfirm");
        amendButton.disableProperty().bind(wrong.visibleProperty());
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("amendCancel");
        Theme.apply(getDialogPane());
        setOnShown(e -> reason.requestFocus());
        setResultConverter(button -> button == amend ? reason.getText().strip() : null);
    }

    /** The reason typed, or empty when she cancels. */
    static Optional<String> ask(Window owner) {
        return new AmendDialog(owner).showAndWait();
    }
}
