package app.rebound.ui.visit;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Em;

/**
 * Puts a stage ahead of the suggestion to the clinician: why the suggestion is lower, and a reason of
 * her own, which a stage with impact before 12 weeks or before the red flags are asked cannot go without
 * (its button stays disabled, and says why, until she types one).
 */
final class StageChoiceDialog extends Dialog<String> {

    private StageChoiceDialog(Window owner, VisitFormViewModel.StageAhead ahead) {
        initOwner(owner);
        setTitle(Messages.get("stageChoice.title"));
        setHeaderText(Messages.format("stageChoice.header", Display.of(ahead.stage())));
        getDialogPane().setId("stageChoiceDialog");

        Label suggestion = new Label(Messages.format("stageChoice.suggestion", Display.of(ahead.suggested()),
                ahead.suggestionReason()));
        suggestion.setId("stageChoiceSuggestion");
        suggestion.setWrapText(true);
        Label ask = new Label(ahead.needsReason()
                ? Messages.format("stageChoice.reasonRequired", Display.of(ahead.stage()), ahead.reasonNeeded())
                : Messages.get("stageChoice.reasonOptional"));
        ask.setWrapText(true);
        TextArea reason = new TextArea();
        reason.setId("stageChoiceReason");
        reason.setWrapText(true);
        reason.setPrefRowCount(3);
        ask.setLabelFor(reason);
        Label missing = new Label(Messages.format("stageChoice.reasonMissing", Display.of(ahead.stage())));
        missing.setId("stageChoiceMissing");
        missing.getStyleClass().add("field-error");
        missing.setWrapText(true);
        missing.managedProperty().bind(missing.visibleProperty());
        BooleanBinding blank = Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty());
        missing.visibleProperty().bind(blank.and(Bindings.createBooleanBinding(ahead::needsReason)));

        VBox content = new VBox(10, suggestion, ask, reason, missing);
        content.prefWidthProperty().bind(Em.px(460));
        getDialogPane().setContent(content);
        ButtonType choose = new ButtonType(Messages.format("stageChoice.confirm", Display.of(ahead.stage())),
                ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(choose, ButtonType.CANCEL);
        Node chooseButton = getDialogPane().lookupButton(choose);
        chooseButton.setId("stageChoiceConfirm");
        if (ahead.needsReason()) {
            chooseButton.disableProperty().bind(blank);
        }
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("stageChoiceCancel");
        Theme.apply(getDialogPane());
        setOnShown(e -> reason.requestFocus());
        setResultConverter(button -> button == choose ? reason.getText() : null);
    }

    /** The reason typed (blank when she gave none), or empty when she cancels. */
    static Optional<String> ask(Window owner, VisitFormViewModel.StageAhead ahead) {
        return new StageChoiceDialog(owner, ahead).showAndWait();
    }
}
