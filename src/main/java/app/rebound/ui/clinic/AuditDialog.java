package app.rebound.ui.clinic;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.AuditEvent;
import app.rebound.domain.Messages;
import app.rebound.service.AuditService;
import app.rebound.service.Services;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.Worker;

/**
 * Clinic → Audit trail… (administrators): the trail newest first, {@value #PAGE} rows at a time,
 * optionally of the patient selected in the list; a check of the whole chain with its verdict shown
 * large; and an export as CSV. The trail is read, checked and written on the worker.
 */
public final class AuditDialog {

    /** Rows read at a time: enough to scroll, few enough to read in a blink. */
    public static final int PAGE = 200;


    private final Services services;
    private final Worker worker;
    private final UUID selectedPatient;
    private final Dialog<Void> dialog;
    private final TableView<AuditEvent> table = new TableView<>();
    private final Label shown = new Label();
    private final Label verdict = new Label();
    private final Label status = ClinicDialogs.status("auditMessage");
    private final WorkIndicator busy = new WorkIndicator();
    private final CheckBox patientOnly = new CheckBox();
    private final Button more = new Button(Messages.get("audit.showMore"));

    private AuditDialog(Window owner, Services services, Worker worker, UUID selectedPatient) {
        this.services = services;
        this.worker = worker;
        this.selectedPatient = selectedPatient;
        this.dialog = ClinicDialogs.dialog(owner, "audit.title", "auditDialog");

        Label intro = new Label(Messages.get("audit.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("form-help");

        table.setId("auditTable");
        TableColumn<AuditEvent, String> time = column("audit.column.time",
                e -> Display.dateTime(e.at().atZoneSameInstant(ZoneId.systemDefault())));
        TableColumn<AuditEvent, String> user = column("audit.column.user", e -> e.username() == null ? "" : e.username());
        TableColumn<AuditEvent, String> action = column("audit.column.action", e -> Display.of(e.action()));
        TableColumn<AuditEvent, String> patient = column("audit.column.patient",
                e -> e.patientId() == null ? "" : e.patientId().toString());
        TableColumn<AuditEvent, String> detail = column("audit.column.detail", e -> e.detail() == null ? "" : e.detail());
        time.setPrefWidth(170);
        user.setPrefWidth(110);
        action.setPrefWidth(150);
        patient.setPrefWidth(270);
        detail.setPrefWidth(220);
        table.getColumns().setAll(List.of(time, user, action, patient, detail));
        table.setPlaceholder(new Label(Messages.get("audit.loading")));
        table.setPrefHeight(420);
        VBox.setVgrow(table, Priority.ALWAYS);

        patientOnly.setId("auditPatientOnly");
        patientOnly.setMnemonicParsing(true);
        patientOnly.setVisible(selectedPatient != null);
        patientOnly.setManaged(selectedPatient != null);
        if (selectedPatient != null) {
            patientOnly.setText(Messages.format("audit.patientOnly", selectedPatient.toString().substring(0, 8)));
        }
        patientOnly.selectedProperty().addListener((o, was, now) -> reload());

        more.setId("auditShowMore");
        more.setMnemonicParsing(true);
        more.setDisable(true);
        more.setOnAction(e -> readPage(table.getItems().size()));
        shown.setId("auditShown");
        shown.getStyleClass().add("form-help");
        HBox paging = new HBox(10, shown, more);
        paging.setAlignment(Pos.CENTER_LEFT);

        Button check = new Button(Messages.get("audit.check"), new FontIcon(Material2MZ.VERIFIED_USER));
        check.setId("auditCheck");
        check.setMnemonicParsing(true);
        check.setOnAction(e -> check());
        Button export = new Button(Messages.get("audit.export"), new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("auditExport");
        export.setMnemonicParsing(true);
        export.setOnAction(e -> export());
        check.disableProperty().bind(busy.visibleProperty());
        export.disableProperty().bind(busy.visibleProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox actions = new HBox(10, check, export, spring, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        verdict.setId("auditVerdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("title-3");
        verdict.setVisible(false);
        verdict.managedProperty().bind(verdict.visibleProperty());

        VBox content = new VBox(10, intro, patientOnly, table, paging, actions, verdict, status);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(960);
        dialog.setOnShown(e -> Platform.runLater(table::requestFocus));
    }

    /** Opens the trail; {@code selectedPatient} (may be null) is offered as a filter. */
    public static void open(Window owner, Services services, Worker worker, UUID selectedPatient) {
        AuditDialog audit = new AuditDialog(owner, services, worker, selectedPatient);
        audit.dialog.show();
        audit.reload();
    }

    private static TableColumn<AuditEvent, String> column(String titleKey,
            Function<AuditEvent, String> value) {
        TableColumn<AuditEvent, String> column = new TableColumn<>(Messages.get(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private UUID filter() {
        return patientOnly.isSelected() ? selectedPatient : null;
    }

    private void reload() {
        table.getItems().clear();
        readPage(0);
    }

    private record Page(List<AuditEvent> events, boolean more, int total) {
    }

    /** Reads the next page from {@code offset}; one row beyond the page tells whether there are more. */
    private void readPage(int offset) {
        UUID patient = filter();
        more.setDisable(true);
        busy.begin();
        AuditService audit = services.audit();
        BackgroundTask.wrap(() -> {
            List<AuditEvent> read = audit.newestFirst(patient, offset, PAGE + 1);
            int total = patient == null ? audit.count() : -1;
            return new Page(read.size() > PAGE ? read.subList(0, PAGE) : read, read.size() > PAGE, total);
        })
                .onSuccess(page -> {
                    // rows written since the first page shift the offsets: never show a row twice
                    long oldest = table.getItems().isEmpty() ? Long.MAX_VALUE
                            : table.getItems().get(table.getItems().size() - 1).seq();
                    table.getItems().addAll(page.events().stream().filter(e -> e.seq() < oldest).toList());
                    more.setDisable(!page.more());
                    int count = table.getItems().size();
                    shown.setText(page.total() >= 0 ? Messages.format("audit.shown", count, page.total())
                            : Messages.format(page.more() ? "audit.shownNewest" : "audit.shownAll", count));
                })
                .onFailure(failure -> status.setText(ClinicDialogs.explain("action.audit", failure,
                        FXCollections.observableHashMap(), Map.of())))
                .onFinished(busy::end)
                .executeWith(worker);
    }

    private void check() {
        verdict.setVisible(true);
        verdict.getStyleClass().removeAll("success", "danger");
        verdict.setGraphic(null);
        verdict.setText(Messages.get("audit.checking"));
        status.setText("");
        busy.begin();
        AuditService audit = services.audit();
        BackgroundTask.wrap(audit::check)
                .onSuccess(found -> {
                    if (found.intact()) {
                        verdict.setText(Messages.format("audit.intact", found.rows()));
                        verdict.setGraphic(new FontIcon(Material2MZ.VERIFIED));
                        verdict.getStyleClass().add("success");
                    } else {
                        verdict.setText(Messages.format("audit.broken", found.firstBrokenRow(), found.problem()));
                        verdict.setGraphic(new FontIcon(Material2AL.ERROR));
                        verdict.getStyleClass().add("danger");
                    }
                })
                .onFailure(failure -> {
                    verdict.setVisible(false);
                    status.setText(ClinicDialogs.explain("action.checkAudit", failure,
                            FXCollections.observableHashMap(), Map.of()));
                })
                .onFinished(busy::end)
                .executeWith(worker);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("audit.export.title"));
        chooser.setInitialFileName(Messages.get("audit.export.fileName"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("audit.export.filter"), "*.csv"));
        File file = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
        if (file != null) {
            export(file.toPath());
        }
    }

    /** Writes the whole trail to {@code file} on the worker (also for tests, past the file chooser). */
    void export(Path file) {
        status.setText("");
        busy.begin();
        AuditService audit = services.audit();
        BackgroundTask.wrap(() -> audit.exportCsv(file))
                .onSuccess(rows -> {
                    status.setText(Messages.format("audit.exported", rows, file.toString()));
                    reload();
                })
                .onFailure(failure -> status.setText(ClinicDialogs.explain("action.exportAudit", failure,
                        FXCollections.observableHashMap(), Map.of())))
                .onFinished(busy::end)
                .executeWith(worker);
    }
}
