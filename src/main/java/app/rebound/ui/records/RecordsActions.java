package app.rebound.ui.records;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
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
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.domain.NameFolding;
import app.rebound.domain.PatientSummary;
import app.rebound.service.ImportSummary;
import app.rebound.service.InvalidRecordException;
import app.rebound.service.Services;
import app.rebound.ui.kit.Alerts;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Em;

/**
 * File → Import records… and Export records…, and the first start's offer of sample patients.
 * Reading, checking and writing run on the worker while a progress window shows; a refused file
 * lists every error, and nothing of it is written.
 */
public final class RecordsActions {

    /** How many patients the export dialog lists to tick; beyond them, "All patients" or the filter. */
    static final int EXPORT_LIST = 200;

    private final Window owner;
    private final Executor worker;
    private final Supplier<Services> services;
    private final Runnable onImported;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    public RecordsActions(Window owner, Executor worker, Supplier<Services> services, Runnable onImported) {
        this.owner = owner;
        this.worker = worker;
        this.services = services;
        this.onImported = onImported;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Asks for a file, then imports it in the background. */
    public void importRecords() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("records.import.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("records.fileType"), "*.json"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            importFile(file.toPath());
        }
    }

    /** Imports a file in the background with a progress window, then says what it did. */
    public void importFile(Path file) {
        Services open = services.get();
        if (open == null || busy.get()) {
            return;
        }
        Stage progress = progress(Messages.get("records.import.progress"));
        busy.set(true);
        BackgroundTask.wrap(() -> open.records().importFile(file))
                .onSuccess(summary -> {
                    progress.close();
                    onImported.run();
                    info("records.import.done", summary);
                })
                .onFailure(failure -> {
                    progress.close();
                    if (failure instanceof InvalidRecordException invalid) {
                        refused(invalid.errors());
                    } else {
                        Failures.report("action.importRecords", failure, message -> Alerts.error(owner, message));
                    }
                })
                .onFinished(() -> busy.set(false))
                .executeWith(worker);
    }

    /** Imports the sample patients shipped with Rebound (the same import as a clinic's file). */
    public void importSamples() {
        Services open = services.get();
        if (open == null) {
            return;
        }
        BackgroundTask.wrap(() -> {
                    open.settings().markSamplesOffered();
                    return open.records().importSamples();
                })
                .onSuccess(summary -> onImported.run())
                .onFailure(failure -> Failures.report("action.importRecords", failure,
                        message -> Alerts.error(owner, message)))
                .executeWith(worker);
    }

    /** The first start on an empty data folder: explore with sample patients, or start empty. Asked once. */
    public void offerSamples() {
        Services open = services.get();
        if (open == null) {
            return;
        }
        BackgroundTask.wrap(() -> !open.settings().samplesOffered() && open.patients().search("", true).patients().isEmpty())
                .onSuccess(ask -> {
                    if (!ask) {
                        return;
                    }
                    ButtonType samples = new ButtonType(Messages.get("welcome.samples"), ButtonBar.ButtonData.YES);
                    ButtonType empty = new ButtonType(Messages.get("welcome.empty"), ButtonBar.ButtonData.NO);
                    Alert alert = new Alert(Alert.AlertType.NONE, Messages.get("welcome.text"), samples, empty);
                    alert.initOwner(owner);
                    alert.setTitle(Messages.get("app.name"));
                    alert.setHeaderText(Messages.get("welcome.header"));
                    alert.getDialogPane().setId("welcomeAlert");
                    Theme.apply(alert.getDialogPane());
                    if (alert.showAndWait().orElse(empty) == samples) {
                        importSamples();
                    } else {
                        BackgroundTask.wrap(open.settings()::markSamplesOffered).executeWith(worker);
                    }
                })
                .onFailure(failure -> Failures.log("action.importRecords", failure))
                .executeWith(worker);
    }

    /** Asks which patients, then where, then exports in the background. */
    public void exportRecords(UUID current) {
        Services open = services.get();
        if (open == null || busy.get()) {
            return;
        }
        BackgroundTask.wrap(() -> open.patients().search("", true, EXPORT_LIST).patients())
                .onSuccess(all -> choose(open, all, current))
                .onFailure(failure -> Failures.report("action.exportRecords", failure,
                        message -> Alerts.error(owner, message)))
                .executeWith(worker);
    }

    private void choose(Services open, List<PatientSummary> all, UUID current) {
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
        limit.setVisible(all.size() >= EXPORT_LIST);
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
        dialog.showAndWait().ifPresent(ids -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("records.export.title"));
            chooser.setInitialFileName(Messages.format("records.export.fileName",
                    LocalDate.now().toString()));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("records.fileType"),
                    "*.json"));
            File file = chooser.showSaveDialog(owner);
            if (file != null) {
                exportTo(open, ids, file.toPath());
            }
        });
    }

    /** Exports in the background (empty ids: everyone), with a progress window. */
    public void exportTo(Services open, List<UUID> ids, Path file) {
        Stage progress = progress(Messages.get("records.export.progress"));
        busy.set(true);
        BackgroundTask.wrap(() -> open.records().export(ids, file))
                .onSuccess(count -> {
                    progress.close();
                    Alert alert = new Alert(Alert.AlertType.INFORMATION,
                            Messages.format("records.export.done", count, file.getFileName().toString()),
                            ButtonType.OK);
                    alert.initOwner(owner);
                    alert.setTitle(Messages.get("app.name"));
                    alert.setHeaderText(Messages.get("records.export.doneHeader"));
                    alert.getDialogPane().setId("exportDone");
                    Theme.apply(alert.getDialogPane());
                    alert.show();
                })
                .onFailure(failure -> {
                    progress.close();
                    Failures.report("action.exportRecords", failure, message -> Alerts.error(owner, message));
                })
                .onFinished(() -> busy.set(false))
                .executeWith(worker);
    }

    private void info(String headerKey, ImportSummary summary) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, summary.changedNothing()
                ? Messages.get("records.import.nothing") : summary.describe(), ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("app.name"));
        alert.setHeaderText(Messages.get(headerKey));
        alert.getDialogPane().setId("importDone");
        Theme.apply(alert.getDialogPane());
        alert.show();
    }

    private void refused(List<String> errors) {
        Alert alert = new Alert(Alert.AlertType.ERROR, Messages.get("records.import.refused"), ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("app.name"));
        alert.setHeaderText(Messages.format("records.import.refusedHeader", errors.size()));
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
        alert.getDialogPane().setId("importRefused");
        Theme.apply(alert.getDialogPane());
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
