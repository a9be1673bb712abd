package app.rebound.ui.records;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.domain.NameFolding;
import app.rebound.domain.PatientSummary;
import app.rebound.service.ImportSummary;
import app.rebound.service.Services;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.TaskRunner;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Em;

/**
 * File → Import records… and Export records…, and the first start's offer of sample patients: the
 * window's side of {@link RecordsViewModel} (the progress window, the export chooser, what an import
 * did or why a file was refused).
 */
public final class RecordsActions implements RecordsViewModel.Screen {

    private final Window owner;
    private final RecordsViewModel model;
    private Stage progress;

    public RecordsActions(Window owner, TaskRunner tasks, Supplier<Services> services, Runnable onImported) {
        this.owner = owner;
        this.model = new RecordsViewModel(tasks, services, onImported, new FxDialogs(owner), this);
        model.workingProperty().addListener((obs, was, now) -> {
            if (now.isEmpty()) {
                if (progress != null) {
                    progress.close();
                    progress = null;
                }
            } else {
                progress = progress(now);
            }
        });
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return model.busyProperty();
    }

    /** Asks for a file, then imports it in the background. */
    public void importRecords() {
        model.importRecords();
    }

    /** Imports a file in the background with a progress window, then says what it did. */
    public void importFile(Path file) {
        model.importFile(file);
    }

    /** The first start on an empty data folder: explore with sample patients, or start empty. Asked once. */
    public void offerSamples() {
        model.offerSamples();
    }

    /** Asks which patients, then where, then exports in the background. */
    public void exportRecords(UUID current) {
        model.exportRecords(current);
    }

    /** Exports in the background (empty ids: everyone), with a progress window. */
    public void exportTo(Services open, List<UUID> ids, Path file) {
        model.exportTo(open, ids, file);
    }

    @Override
    public boolean wantsSamples() {
        ButtonType samples = new ButtonType(Messages.get("welcome.samples"), ButtonBar.ButtonData.YES);
        ButtonType empty = new ButtonType(Messages.get("welcome.empty"), ButtonBar.ButtonData.NO);
        Alert alert = FxDialogs.alert(owner, Alert.AlertType.NONE, Messages.get("welcome.text"),
                Messages.get("welcome.header"), "welcomeAlert", samples, empty);
        return alert.showAndWait().orElse(empty) == samples;
    }

    @Override
    public Optional<List<UUID>> chooseForExport(List<PatientSummary> all, UUID current) {
        Dialog<List<UUID>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("records.export.title"));
        dialog.setHeaderText(Messages.get("records.export.header"));
        dialog.getDialogPane().setId("exportDialog");
        ToggleGroup scope = new ToggleGroup();
        RadioButton everyone = new RadioButton(Messages.get("records.export.all"));
        everyone.setId("exportAll");
        everyone.setToggleGroup(scope);
        RadioButton chosen = new RadioButton(Messages.get("records.export.chosen"));
        chosen.setId("exportChosen");
        chosen.setToggleGroup(scope);
        Map<UUID, BooleanProperty> ticks = new LinkedHashMap<>();
        all.forEach(p -> ticks.put(p.id(), new SimpleBooleanProperty(p.id().equals(current))));
        TextField filter = new TextField();
        filter.setPromptText(Messages.get("records.export.filter"));
        filter.setId("exportFilter");
        ListView<PatientSummary> list = new ListView<>();
        list.setId("exportPatients");
        list.prefHeightProperty().bind(Em.px(260));
        list.getItems().setAll(all);
        list.setCellFactory(view -> new ListCell<>() {
            private final CheckBox box = new CheckBox();
            private BooleanProperty bound;

            @Override
            protected void updateItem(PatientSummary item, boolean empty) {
                super.updateItem(item, empty);
                if (bound != null) {
                    box.selectedProperty().unbindBidirectional(bound); // a reused cell lets go of its last patient
                    bound = null;
                }
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                box.setText(item.listName() + (item.archived() ? " " + Messages.get("records.export.archived") : ""));
                bound = ticks.get(item.id());
                box.selectedProperty().bindBidirectional(bound);
                setGraphic(box);
            }
        });
        filter.textProperty().addListener((obs, old, now) -> {
            String folded = NameFolding.fold(now == null ? "" : now.strip());
            list.getItems().setAll(all.stream().filter(p -> folded.isEmpty()
                    || NameFolding.fold(p.listName()).contains(folded)).toList());
        });
        list.disableProperty().bind(everyone.selectedProperty());
        filter.disableProperty().bind(everyone.selectedProperty());
        Label limit = new Label(Messages.get("records.export.listLimit"));
        limit.getStyleClass().add("form-help");
        limit.setWrapText(true);
        limit.setVisible(all.size() >= RecordsViewModel.EXPORT_LIST);
        limit.setManaged(limit.isVisible());
        (current == null ? everyone : chosen).setSelected(true);
        Label plain = new Label(Messages.get("records.export.notEncrypted"));
        plain.setId("exportNotEncrypted");
        plain.getStyleClass().add("form-help");
        plain.setWrapText(true);
        plain.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(8, everyone, chosen, filter, list, limit, plain);
        content.prefWidthProperty().bind(Em.px(440));
        content.setPadding(new Insets(8, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        ButtonType export = new ButtonType(Messages.get("records.export.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(export).disableProperty().bind(chosen.selectedProperty()
                .and(Bindings.createBooleanBinding(
                        () -> ticks.values().stream().noneMatch(BooleanProperty::get),
                        ticks.values().toArray(new BooleanProperty[0]))));
        Theme.apply(dialog.getDialogPane());
        dialog.setResultConverter(button -> button != export ? null : everyone.isSelected() ? List.of()
                : ticks.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList());
        return dialog.showAndWait();
    }

    @Override
    public void exported(int count, Path file) {
        FxDialogs.alert(owner, Alert.AlertType.INFORMATION,
                Messages.format("records.export.done", count, file.getFileName().toString()),
                Messages.get("records.export.doneHeader"), "exportDone", ButtonType.OK).show();
    }

    @Override
    public void imported(ImportSummary summary) {
        FxDialogs.alert(owner, Alert.AlertType.INFORMATION, summary.changedNothing()
                        ? Messages.get("records.import.nothing") : summary.describe(),
                Messages.get("records.import.done"), "importDone", ButtonType.OK).show();
    }

    @Override
    public void refused(List<String> errors) {
        Alert alert = FxDialogs.alert(owner, Alert.AlertType.ERROR, Messages.get("records.import.refused"),
                Messages.format("records.import.refusedHeader", errors.size()), "importRefused", ButtonType.OK);
        TextArea list = new TextArea(String.join("\n", errors));
        list.setId("importErrors");
        list.setEditable(false);
        list.setWrapText(true);
        list.setPrefRowCount(Math.min(12, Math.max(3, errors.size() + 1)));
        list.setPrefColumnCount(70);
        alert.getDialogPane().setExpandableContent(null);
        Label what = new Label(Messages.get("records.import.refused"));
        what.setWrapText(true);
        VBox box = new VBox(8, what, list);
        alert.getDialogPane().setContent(box);
        alert.show();
    }

    /** A small window with a moving bar while a file is read or written; closed when the work ends. */
    private Stage progress(String text) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.get("app.name"));
        ProgressBar bar = new ProgressBar();
        bar.prefWidthProperty().bind(Em.px(320));
        Label label = new Label(text);
        VBox box = new VBox(12, label, bar);
        box.setPadding(new Insets(18));
        box.setId("recordsProgress");
        Scene scene = new Scene(box);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> e.consume()); // it closes itself when the work is done
        stage.show();
        return stage;
    }
}
