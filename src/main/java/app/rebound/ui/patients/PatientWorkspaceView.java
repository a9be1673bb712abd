package app.rebound.ui.patients;

import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import app.rebound.domain.Messages;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.VisitSummary;
import app.rebound.ui.kit.Display;

/** A patient's workspace: her header and her visits, newest first. */
public final class PatientWorkspaceView extends BorderPane {

    private final TableView<VisitSummary> table = new TableView<>();
    private final Button newVisit = new Button();

    public PatientWorkspaceView(PatientWorkspaceViewModel model, Runnable onBack, Runnable onEditPatient,
            Consumer<VisitSummary> onOpenVisit, Runnable onProgress) {
        getStyleClass().add("patient-workspace");
        setId("patientWorkspace");

        Button back = new Button(Messages.get("workspace.back"), new FontIcon(Material2AL.ARROW_BACK));
        back.setId("backToList");
        back.getStyleClass().add("flat");
        back.setOnAction(e -> onBack.run());
        back.setFocusTraversable(false);
        Label name = new Label();
        name.setId("workspaceName");
        name.getStyleClass().add("workspace-name");
        Label details = new Label();
        details.setId("workspaceDetails");
        details.getStyleClass().add("workspace-details");
        model.patientProperty().addListener((obs, old, p) -> {
            name.setText(model.name());
            details.setText(model.details());
        });
        Button edit = new Button(Messages.get("workspace.editPatient"), new FontIcon(Material2AL.EDIT));
        edit.setId("editPatient");
        edit.setOnAction(e -> onEditPatient.run());
        edit.setFocusTraversable(false);

        Button progress = new Button(Messages.get("progress.open"), new FontIcon(Material2AL.INSERT_CHART_OUTLINED));
        progress.setId("openProgress");
        progress.setOnAction(e -> onProgress.run());
        progress.setFocusTraversable(false);
        progress.disableProperty().bind(Bindings.isEmpty(model.visits()));

        newVisit.setText(Messages.get("workspace.newVisit"));
        newVisit.setGraphic(new FontIcon(Material2AL.ADD));
        newVisit.setId("newVisit");
        newVisit.getStyleClass().add("accent");
        newVisit.setOnAction(e -> model.newVisit(visit -> onOpenVisit.accept(
                new VisitSummary(visit.id(), visit.date(), visit.kind(), visit.status(), null, null))));
        CheckBox copy = new CheckBox(Messages.get("workspace.copyHistory"));
        copy.setId("copyHistory");
        copy.selectedProperty().bindBidirectional(model.copyHistoryProperty());
        copy.visibleProperty().bind(Bindings.isNotEmpty(model.visits()));
        copy.managedProperty().bind(copy.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(12, back, spacer, copy, edit, progress, newVisit);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, actions, name, details);
        header.setPadding(new Insets(10, 18, 12, 18));
        header.getStyleClass().add("workspace-header");
        setTop(header);

        table.setId("visitTable");
        table.setItems(model.visits());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("workspace.column.date", v -> Display.date(v.date())));
        table.getColumns().add(column("workspace.column.kind", v -> v.kind() == null ? "" : Display.of(v.kind())));
        table.getColumns().add(column("workspace.column.stage", PatientWorkspaceView::stage));
        table.getColumns().add(column("workspace.column.status", v -> Display.of(v.status())));
        Label emptyMessage = new Label(Messages.get("workspace.noVisits"));
        emptyMessage.getStyleClass().add("empty-message");
        emptyMessage.setWrapText(true);
        table.setPlaceholder(emptyMessage);
        table.setRowFactory(view -> {
            TableRow<VisitSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpenVisit.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            VisitSummary selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                onOpenVisit.accept(selected);
                e.consume();
            }
        });
        VBox center = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        center.setPadding(new Insets(0, 18, 18, 18));
        setCenter(center);
    }

    private static String stage(VisitSummary v) {
        if (v.suggestedStage() == SuggestedStage.REFER) {
            return Messages.get("workspace.refer");
        }
        Stage issued = v.stageIssued();
        if (issued == null) {
            return "";
        }
        boolean overridden = v.chosenStage() != null && v.suggestedStage() != null
                && v.suggestedStage().stage().orElse(null) != v.chosenStage();
        return Display.of(issued) + (overridden ? " " + Messages.format("workspace.suggestedWas",
                Display.of(v.suggestedStage())) : "");
    }

    private static TableColumn<VisitSummary, String> column(String key,
            Function<VisitSummary, String> value) {
        TableColumn<VisitSummary, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /** Focus for the keyboard: the visit list when there are visits, else the New visit button. */
    public void focusDefault() {
        if (table.getItems().isEmpty()) {
            newVisit.requestFocus();
        } else {
            table.requestFocus();
            if (table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().selectFirst();
                table.getFocusModel().focus(0);
            }
        }
    }

    public TableView<VisitSummary> table() {
        return table;
    }
}
