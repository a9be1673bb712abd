package app.rebound.ui.clinic;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.AuditEvent;
import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.kit.Em;

/**
 * Clinic → Audit trail… (administrators): the trail newest first, {@value #PAGE} rows at a time,
 * optionally of the patient selected in the list; a check of the whole chain with its verdict shown
 * large; and an export as CSV. The logic is {@link AuditViewModel}'s.
 */
public final class AuditDialog {

    /** Rows read at a time: enough to scroll, few enough to read in a blink. */
    public static final int PAGE = AuditViewModel.PAGE;


    private final AuditViewModel model;
    private final Dialog<Void> dialog;
    private final TableView<AuditEvent> table = new TableView<>();
    private final Label shown = new Label();
    private final Label verdict = new Label();
    private final Label status = ClinicDialogs.status("auditMessage");
    private final WorkIndicator busy = new WorkIndicator();
    private final CheckBox patientOnly = new CheckBox();
    private final Button more = new Button(Messages.get("audit.showMore"));

    private AuditDialog(Window owner, AuditViewModel model) {
        this.model = model;
        this.dialog = ClinicDialogs.dialog(owner, "audit.title", "auditDialog");
        UUID selectedPatient = model.selectedPatient();

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
        time.prefWidthProperty().bind(Em.px(170));
        user.prefWidthProperty().bind(Em.px(110));
        action.prefWidthProperty().bind(Em.px(150));
        patient.prefWidthProperty().bind(Em.px(270));
        detail.prefWidthProperty().bind(Em.px(220));
        table.getColumns().setAll(List.of(time, user, action, patient, detail));
        table.setPlaceholder(new Label(Messages.get("audit.loading")));
        table.prefHeightProperty().bind(Em.px(420));
        table.setItems(model.events());
        VBox.setVgrow(table, Priority.ALWAYS);

        patientOnly.setId("auditPatientOnly");
        patientOnly.setMnemonicParsing(true);
        patientOnly.setVisible(selectedPatient != null);
        patientOnly.setManaged(selectedPatient != null);
        if (selectedPatient != null) {
            patientOnly.setText(Messages.format("audit.patientOnly", selectedPatient.toString().substring(0, 8)));
        }
        patientOnly.selectedProperty().bindBidirectional(model.patientOnlyProperty());

        more.setId("auditShowMore");
        more.setMnemonicParsing(true);
        more.disableProperty().bind(model.moreProperty().not());
        more.setOnAction(e -> model.showMore());
        shown.setId("auditShown");
        shown.getStyleClass().add("form-help");
        shown.textProperty().bind(model.shownProperty());
        HBox paging = new HBox(10, shown, more);
        paging.setAlignment(Pos.CENTER_LEFT);

        Button check = new Button(Messages.get("audit.check"), new FontIcon(Material2MZ.VERIFIED_USER));
        check.setId("auditCheck");
        check.setMnemonicParsing(true);
        check.setOnAction(e -> model.check());
        Button export = new Button(Messages.get("audit.export"), new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("auditExport");
        export.setMnemonicParsing(true);
        export.setOnAction(e -> model.export());
        busy.follow(model.busyProperty());
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
        model.verdictProperty().addListener((obs, was, now) -> show(now));
        status.textProperty().bind(model.statusProperty());

        VBox content = new VBox(10, intro, patientOnly, table, paging, actions, verdict, status);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().prefWidthProperty().bind(Em.px(960));
        dialog.setOnShown(e -> Platform.runLater(table::requestFocus));
    }

    /** Opens the trail; {@code selectedPatient} (may be null) is offered as a filter. */
    public static void open(Window owner, Services services, Worker worker, UUID selectedPatient) {
        AuditViewModel model = new AuditViewModel(services.audit(), worker, new FxDialogs(owner), selectedPatient);
        new AuditDialog(owner, model).dialog.show();
        model.reload();
    }

    private static TableColumn<AuditEvent, String> column(String titleKey, Function<AuditEvent, String> value) {
        TableColumn<AuditEvent, String> column = new TableColumn<>(Messages.get(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new WrappingCell());
        return column;
    }

    /** A record's id in the trail's text: "628a61da-cfb7-4a75-9de4-45a37eec152d". */
    private static final Pattern ID = Pattern.compile(
            "\\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");

    /**
     * A cell whose text wraps within the column, with each record's id shortened to its first eight
     * characters (as the "this patient only" box names it; a whole id was cut to "628a61da-cfb7-4a…" at
     * any size): the whole text is the cell's tooltip, and the export has every id in full.
     */
    private static final class WrappingCell extends TableCell<AuditEvent, String> {
        WrappingCell() {
            setWrapText(true);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : ID.matcher(item).replaceAll("$1"));
            setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
        }
    }

    private void show(AuditViewModel.Verdict now) {
        verdict.setVisible(now != null);
        verdict.getStyleClass().removeAll("success", "danger");
        verdict.setGraphic(null);
        if (now == null) {
            return;
        }
        verdict.setText(now.text());
        switch (now.state()) {
            case INTACT -> {
                verdict.setGraphic(new FontIcon(Material2MZ.VERIFIED));
                verdict.getStyleClass().add("success");
            }
            case BROKEN -> {
                verdict.setGraphic(new FontIcon(Material2AL.ERROR));
                verdict.getStyleClass().add("danger");
            }
            case CHECKING -> { }
        }
    }
}
