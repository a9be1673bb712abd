package app.rebound.ui.patients;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.Messages;
import app.rebound.ui.kit.BusySpinner;
import app.rebound.ui.kit.Em;

/** The patient list: a search field that filters as the clinician types, and the matching patients. */
public final class PatientListView extends BorderPane {

    private static final PseudoClass ARCHIVED = PseudoClass.getPseudoClass("archived");
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final PatientListViewModel model;
    /** ControlsFX's clearable field: a small × clears the search with the mouse, Esc with the keyboard. */
    private final TextField search = TextFields.createClearableTextField();
    private final TableView<PatientRow> table = new TableView<>();

    public PatientListView(PatientListViewModel model, Runnable onNew, Consumer<PatientRow> onOpen) {
        this.model = model;
        getStyleClass().add("patient-list");

        search.setId("patientSearch");
        search.setPromptText(Messages.get("patients.search.prompt"));
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setAccessibleText(Messages.get("patients.search.prompt"));
        FontIcon searchIcon = new FontIcon(Material2MZ.SEARCH);
        searchIcon.getStyleClass().add("search-icon");
        HBox searchBox = new HBox(6, searchIcon, search);
        searchBox.getStyleClass().add("search-box");
        searchBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox.setHgrow(searchBox, Priority.ALWAYS);
        searchBox.maxWidthProperty().bind(Em.px(520));

        CheckBox showArchived = new CheckBox(Messages.get("patients.showArchived"));
        showArchived.setId("showArchived");
        showArchived.selectedProperty().bindBidirectional(model.showArchivedProperty());

        Button newPatient = new Button(Messages.get("patients.new"), new FontIcon(Material2MZ.PERSON_ADD));
        newPatient.setId("newPatient");
        newPatient.getStyleClass().add("accent");
        newPatient.setOnAction(e -> onNew.run());
        newPatient.disableProperty().bind(model.readyProperty().not());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(14, searchBox, showArchived, spacer, newPatient);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("list-toolbar");
        toolbar.setPadding(new Insets(14, 18, 12, 18));
        setTop(toolbar);

        table.setId("patientTable");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("patients.column.name", PatientRow::name, 320));
        table.getColumns().add(column("patients.column.dateOfBirth", PatientRow::dateOfBirth, 150));
        table.getColumns().add(column("patients.column.weeksSinceBirth", PatientRow::weeksSinceBirth, 190));
        table.getColumns().add(column("patients.column.lastVisit", PatientRow::lastVisit, 150));
        table.setRowFactory(view -> {
            TableRow<PatientRow> row = new TableRow<>() {
                @Override
                protected void updateItem(PatientRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(ARCHIVED, !empty && item != null && item.archived());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem());
                }
            });
            return row;
        });
        Label emptyMessage = new Label();
        emptyMessage.setId("patientPlaceholder");
        emptyMessage.getStyleClass().add("empty-message");
        emptyMessage.setWrapText(true);
        emptyMessage.textProperty().bind(model.emptyMessageProperty());
        table.setPlaceholder(emptyMessage);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected() != null) {
                onOpen.accept(selected());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && selected() != null) {
                model.archive(selected());
                e.consume();
            }
        });
        search.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) && !table.getItems().isEmpty()) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                    table.getFocusModel().focus(0);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });
        model.onRefreshKeepSelected(id -> {
            PatientRow now = table.getSelectionModel().getSelectedItem();
            if (id == null || now != null && now.id().equals(id)) {
                return;
            }
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).id().equals(id)) {
                    table.getSelectionModel().select(i);
                    return;
                }
            }
        });
        model.onRefreshSelect(id -> {
            if (id == null) {
                return;
            }
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).id().equals(id)) {
                    table.getSelectionModel().select(i);
                    table.scrollTo(i);
                    return;
                }
            }
        });

        // the next page loads when the list is scrolled, or moved by keyboard, to its end
        table.skinProperty().addListener((obs, old, skin) -> {
            for (Node node : table.lookupAll(".scroll-bar")) {
                if (node instanceof ScrollBar bar
                        && bar.getOrientation() == Orientation.VERTICAL) {
                    bar.valueProperty().addListener((o, was, now) -> {
                        if (now.doubleValue() >= bar.getMax() - 1e-3) {
                            model.loadMore();
                        }
                    });
                }
            }
        });
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0 && index.intValue() == table.getItems().size() - 1) {
                model.loadMore();
            }
        });

        BusySpinner busy = new BusySpinner(28);
        busy.showingProperty().bind(model.busyProperty().and(Bindings.isEmpty(model.rows())));
        StackPane.setAlignment(busy, Pos.TOP_CENTER);
        StackPane.setMargin(busy, new Insets(60, 0, 0, 0));
        StackPane center = new StackPane(table, busy);
        center.setPadding(new Insets(0, 18, 0, 18));
        setCenter(center);

        setBottom(statusBar());
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("patientStatus");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("status-text");

        Label undoText = new Label();
        undoText.setId("undoText");
        Button undo = new Button(Messages.get("button.undo"), new FontIcon(Material2MZ.UNDO));
        undo.setId("undoArchive");
        undo.getStyleClass().addAll("small");
        undo.setOnAction(e -> model.undoArchive());
        Button dismiss = new Button(null, new FontIcon(Material2AL.CLOSE));
        dismiss.getStyleClass().addAll("flat", "small");
        dismiss.setAccessibleText(Messages.get("button.dismiss"));
        dismiss.setOnAction(e -> model.dismissUndo());
        HBox undoBar = new HBox(10, new FontIcon(Material2AL.ARCHIVE), undoText, undo, dismiss);
        undoBar.setId("undoBar");
        undoBar.getStyleClass().add("undo-bar");
        undoBar.setAlignment(Pos.CENTER_LEFT);
        undoBar.visibleProperty().bind(model.undoProperty().isNotNull());
        undoBar.managedProperty().bind(undoBar.visibleProperty());
        undoText.textProperty().bind(Bindings.createStringBinding(
                () -> model.undoProperty().get() == null ? "" : model.undoProperty().get().message(),
                model.undoProperty()));

        Button showMore = new Button(Messages.get("patients.showMore"));
        showMore.setId("showMore");
        showMore.getStyleClass().addAll("small");
        showMore.setOnAction(e -> model.loadMore());
        showMore.visibleProperty().bind(model.moreProperty());
        showMore.managedProperty().bind(showMore.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, status, showMore, spacer, undoBar);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(8, 18, 10, 18));
        bar.minHeightProperty().bind(Em.px(44));
        return bar;
    }

    private static TableColumn<PatientRow, String> column(String key, Function<PatientRow, String> value,
            double width) {
        TableColumn<PatientRow, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    public PatientRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<PatientRow> table() {
        return table;
    }

    /**
     * Lets the clinician drop one record file (.json) on the list to import it; {@code importer} gets its
     * path (the same checks and summary as File, Import). The list is outlined while a file is over it.
     */
    public void acceptDroppedRecordFiles(Consumer<Path> importer) {
        setOnDragOver(event -> {
            if (event.getGestureSource() == null && event.getDragboard().hasFiles()
                    && recordFile(event.getDragboard().getFiles()) != null) {
                event.acceptTransferModes(TransferMode.COPY);
                pseudoClassStateChanged(DROP_TARGET, true);
            }
            event.consume();
        });
        setOnDragExited(event -> pseudoClassStateChanged(DROP_TARGET, false));
        setOnDragDropped(event -> {
            Path file = event.getDragboard().hasFiles() ? recordFile(event.getDragboard().getFiles()) : null;
            pseudoClassStateChanged(DROP_TARGET, false);
            event.setDropCompleted(file != null);
            event.consume();
            if (file != null) {
                importer.accept(file);
            }
        });
    }

    /** The one .json file of those dragged, or null for anything else (several files, a folder, a photo). */
    static Path recordFile(List<File> files) {
        if (files.size() != 1) {
            return null;
        }
        File file = files.get(0);
        return file.isFile() && file.getName().toLowerCase(Locale.ROOT).endsWith(".json") ? file.toPath() : null;
    }
}
