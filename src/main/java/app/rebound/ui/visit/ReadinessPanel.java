package app.rebound.ui.visit;

import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.Messages;
import app.rebound.domain.visit.CriterionResult;
import app.rebound.domain.visit.CriterionStatus;
import app.rebound.domain.visit.ReadinessCriterion;
import app.rebound.domain.visit.ReadinessSummary;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StageChoice;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.EnumChoice;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.TextAreas;
import app.rebound.ui.kit.Em;

/**
 * The readiness summary beside the form, following it live: the suggested stage and its reason,
 * each criterion as met / not met / not assessed with its evidence, what to assess next, and the
 * stage the clinician chooses to issue. A red flag replaces the stage with a prominent REFER.
 */
public final class ReadinessPanel extends VBox {

    private final Label stage = new Label();
    private final Label reason = new Label();
    private final VBox criteria = new VBox(8);
    private final Label assessNext = new Label();
    private final Label referral = new Label();
    private final VBox refer = new VBox(4);
    private final ComboBox<Stage> choice = new ComboBox<>();
    private final TextArea stageReason = new TextArea();
    private boolean showingChoice;

    public ReadinessPanel(VisitFormViewModel model, VisitFormViewModel.StageQuestion question) {
        getStyleClass().add("readiness-panel");
        setId("readinessPanel");
        setSpacing(10);
        setPadding(new Insets(16));
        prefWidthProperty().bind(Em.px(330));
        // narrower on a small screen (the form beside it needs the room); its text wraps
        setMinWidth(240);

        Label title = new Label(Messages.get("readiness.title"));
        title.getStyleClass().add("readiness-title");
        stage.setId("suggestedStage");
        stage.getStyleClass().add("suggested-stage");
        // "Suggested: 4 Impact preparation" on two lines rather than cut
        stage.setWrapText(true);
        stage.setMinHeight(Region.USE_PREF_SIZE);
        reason.setId("suggestionReason");
        reason.setWrapText(true);
        reason.getStyleClass().add("suggestion-reason");

        Label referTitle = new Label(Messages.get("readiness.refer.title"), new FontIcon(Material2AL.ERROR));
        referTitle.getStyleClass().add("refer-title");
        Label referText = new Label(Messages.get("readiness.refer.text"));
        referText.setWrapText(true);
        refer.getChildren().addAll(referTitle, referText);
        refer.getStyleClass().add("refer-box");
        refer.setId("referBox");
        refer.managedProperty().bind(refer.visibleProperty());

        Label criteriaTitle = new Label(Messages.get("readiness.criteria"));
        criteriaTitle.getStyleClass().add("readiness-subtitle");
        assessNext.setId("assessNext");
        assessNext.setWrapText(true);
        assessNext.getStyleClass().add("assess-next");
        assessNext.managedProperty().bind(assessNext.visibleProperty());
        referral.setId("onwardReferral");
        referral.setWrapText(true);
        referral.getStyleClass().add("onward-referral");
        referral.setText(Messages.get("readiness.onwardReferral"));
        referral.managedProperty().bind(referral.visibleProperty());

        Label choiceLabel = new Label(Messages.get("readiness.choice"));
        choiceLabel.getStyleClass().add("readiness-subtitle");
        choiceLabel.setLabelFor(choice);
        choice.setId("chosenStage");
        choice.getItems().add(null);
        choice.getItems().addAll(Stage.values());
        choice.setCellFactory(list -> new ChoiceCell(model, false));
        choice.setButtonCell(new ChoiceCell(model, true));
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setValue(model.chosenStageProperty().get());
        model.chosenStageProperty().addListener((obs, old, chosen) -> showChoice(chosen));
        choice.valueProperty().addListener((obs, old, picked) -> {
            if (!showingChoice && picked != model.chosenStageProperty().get()) {
                // after the combo box has finished with the pick: a stage ahead is put to her in a dialog
                Platform.runLater(() -> {
                    if (choice.getValue() == picked && !model.choose(picked, question)) {
                        showChoice(model.chosenStageProperty().get());
                    }
                });
            }
        });
        EnumChoice.typeAhead(choice, Display::of);
        Label choiceHelp = new Label(Messages.get("readiness.choice.help"));
        choiceHelp.setWrapText(true);
        choiceHelp.getStyleClass().add("form-help");

        Label reasonLabel = new Label(Messages.get("visit.field.stageReason"));
        reasonLabel.getStyleClass().add("readiness-subtitle");
        reasonLabel.setLabelFor(stageReason);
        stageReason.setId("stageReason");
        stageReason.setWrapText(true);
        stageReason.setPrefRowCount(2);
        stageReason.textProperty().bindBidirectional(model.stageReasonProperty());
        TextAreas.tabMovesFocus(stageReason);
        VBox reasonBox = new VBox(4, reasonLabel, stageReason,
                FormGrid.errorLabel(model.errors(), "stageReason", stageReason));
        reasonBox.setId("stageReasonBox");
        reasonBox.managedProperty().bind(reasonBox.visibleProperty());
        // shown while there is a reason, or the choice is ahead of the suggestion or needs one
        reasonBox.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !model.stageReasonProperty().get().isBlank() || model.errors().containsKey("stageReason")
                        || model.readinessProperty().get() != null
                        && StageChoice.ahead(model.chosenStageProperty().get(), model.readinessProperty().get()),
                model.stageReasonProperty(), model.errors(), model.chosenStageProperty(), model.readinessProperty()));
        VBox choiceBox = new VBox(6, choiceLabel, choice, choiceHelp, reasonBox);
        choiceBox.setId("stageChoice");
        choiceBox.managedProperty().bind(choiceBox.visibleProperty());

        // a completed visit not being amended: the choice is shown, not changed
        choiceBox.disableProperty().bind(model.readOnlyProperty());

        // a number she typed that is not valid is not counted as typed: the summary says so
        Label uncounted = new Label();
        uncounted.setId("uncountedFields");
        uncounted.setWrapText(true);
        uncounted.getStyleClass().add("field-error");
        uncounted.textProperty().bind(Bindings.createStringBinding(() -> model.uncounted().isEmpty() ? ""
                : Messages.format("readiness.invalidFields", String.join(", ", model.uncounted())), model.uncounted()));
        uncounted.visibleProperty().bind(Bindings.isNotEmpty(model.uncounted()));
        uncounted.managedProperty().bind(uncounted.visibleProperty());

        getChildren().addAll(title, stage, reason, uncounted, refer, referral, choiceBox, criteriaTitle, criteria,
                assessNext);
        model.readinessProperty().addListener((obs, old, summary) -> {
            show(summary, choiceBox);
            // "Follow the suggestion (…)" names the suggestion of the moment
            choice.setButtonCell(new ChoiceCell(model, true));
        });
        show(model.readinessProperty().get(), choiceBox);
    }

    /** The combo box shows the stage the form holds, without taking it for a new pick. */
    private void showChoice(Stage chosen) {
        showingChoice = true;
        try {
            choice.setValue(chosen);
        } finally {
            showingChoice = false;
        }
    }

    private void show(ReadinessSummary summary, VBox choiceBox) {
        if (summary == null) {
            return;
        }
        boolean isRefer = summary.refer();
        stage.setText(isRefer ? Messages.get("readiness.refer.stage")
                : Messages.format("readiness.suggested", Display.of(summary.suggestedStage())));
        stage.pseudoClassStateChanged(PseudoClass.getPseudoClass("refer"), isRefer);
        reason.setText(summary.reason());
        refer.setVisible(isRefer);
        choiceBox.setVisible(!isRefer);
        referral.setVisible(summary.considerOnwardReferral());
        criteria.getChildren().clear();
        for (CriterionResult result : summary.criteria()) {
            criteria.getChildren().add(row(result));
        }
        assessNext.setVisible(!summary.assessNext().isEmpty());
        assessNext.setText(Messages.format("readiness.assessNext", String.join(", ",
                summary.assessNext().stream().map(Display::of).toList())));
    }

    private static HBox row(CriterionResult result) {
        FontIcon icon = new FontIcon(switch (result.status()) {
            case MET -> Material2AL.CHECK_CIRCLE;
            case NOT_MET -> Material2AL.CANCEL;
            case NOT_ASSESSED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
        });
        icon.getStyleClass().addAll("criterion-icon", result.status().name().toLowerCase(Locale.ROOT));
        Label name = new Label(Display.of(result.criterion()));
        name.getStyleClass().add("criterion-name");
        Label status = new Label(Display.of(result.status()));
        status.getStyleClass().addAll("criterion-status", result.status().name().toLowerCase(Locale.ROOT));
        Label evidence = new Label(result.evidence());
        evidence.setWrapText(true);
        evidence.getStyleClass().add("criterion-evidence");
        name.setWrapText(true);
        VBox text = new VBox(1, name, status, evidence);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, icon, text);
        row.setId("criterion-" + result.criterion().name());
        row.getStyleClass().add("criterion");
        row.getProperties().put("status", result.status());
        row.setAccessibleText(Display.of(result.criterion()) + ": " + Display.of(result.status()) + ". "
                + result.evidence());
        return row;
    }

    /** The status shown for a criterion, for tests and accessibility. */
    public CriterionStatus statusOf(ReadinessCriterion criterion) {
        return criteria.getChildren().stream()
                .filter(n -> ("criterion-" + criterion.name()).equals(n.getId()))
                .map(n -> (CriterionStatus) n.getProperties().get("status"))
                .findFirst().orElse(null);
    }

    private static final class ChoiceCell extends ListCell<Stage> {
        private final VisitFormViewModel model;
        /** The box itself, under the headline that names the suggestion: "Follow the suggestion" is enough. */
        private final boolean inBox;

        ChoiceCell(VisitFormViewModel model, boolean inBox) {
            this.model = model;
            this.inBox = inBox;
        }

        @Override
        protected void updateItem(Stage item, boolean empty) {
            super.updateItem(item, empty);
            if (empty) {
                setText(null);
            } else if (item == null) {
                ReadinessSummary summary = model.readinessProperty().get();
                setText(summary == null || inBox ? Messages.get("readiness.choice.follow")
                        : Messages.format("readiness.choice.followNamed", Display.of(summary.suggestedStage())));
            } else {
                setText(Display.of(item));
            }
        }
    }
}
