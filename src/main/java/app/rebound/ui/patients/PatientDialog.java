package app.rebound.ui.patients;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.BirthMode;
import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientRules;
import app.rebound.domain.PerinealTrauma;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.EnumChoice;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.TextAreas;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Em;

/**
 * The new/edit patient dialog. Save checks everything first and keeps the dialog open with the
 * messages beside the fields; Esc or Cancel asks before throwing away anything typed.
 */
public final class PatientDialog extends Dialog<Patient> {

    private final Dialogs dialogs;
    private final PatientFormViewModel model;
    private final VBox birthRows = new VBox(8);
    private final FormGrid form;
    private boolean saved;

    /** Over {@code owner}; {@code modelFor} makes the view model, given this dialog's own {@link Dialogs}. */
    public PatientDialog(Window owner, Function<Dialogs, PatientFormViewModel> modelFor) {
        initOwner(owner);
        this.dialogs = new FxDialogs(getDialogPane().getScene().getWindow());
        this.model = modelFor.apply(dialogs);
        setTitle(Messages.get(model.isNew() ? "patient.new.title" : "patient.edit.title"));
        setHeaderText(null);
        setResizable(true);
        getDialogPane().setId("patientDialog");
        getDialogPane().getStyleClass().add("patient-dialog");
        Theme.apply(getDialogPane());

        ButtonType save = new ButtonType(Messages.get("button.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("savePatient");
        saveButton.disableProperty().bind(model.savingProperty());
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setText(Messages.get("button.cancel"));

        form = new FormGrid(model.errors());
        form.heading("patient.section.person");
        TextField given = text("givenName", model.givenNameProperty(), PatientRules.NAME_MAX_LENGTH);
        form.add("patient.givenName", given, "givenName");
        form.add("patient.familyName", text("familyName", model.familyNameProperty(), PatientRules.NAME_MAX_LENGTH),
                "familyName");
        TextField dob = text("dateOfBirth", model.dateOfBirthProperty(), 20);
        dob.setPromptText(model.dateHint());
        form.add("patient.dateOfBirth", dob, "dateOfBirth");
        form.add("patient.phone", text("phone", model.phoneProperty(), PatientRules.PHONE_MAX_LENGTH), "phone");
        form.add("patient.email", text("email", model.emailProperty(), PatientRules.EMAIL_MAX_LENGTH), "email");

        form.heading("patient.section.births");
        Button addBirth = new Button(Messages.get("patient.addBirth"), new FontIcon(Material2AL.ADD));
        addBirth.setId("addBirth");
        addBirth.setOnAction(e -> {
            model.addBirth();
            Platform.runLater(this::focusLastBirth);
        });
        Label birthsHelp = new Label(Messages.get("patient.births.help"));
        birthsHelp.getStyleClass().add("form-help");
        birthsHelp.setWrapText(true);
        form.span(new VBox(8, birthsHelp, birthRows, addBirth));
        model.births().addListener((ListChangeListener<BirthForm>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= change.wasAdded() || change.wasRemoved() || change.wasPermutated();
            }
            if (structural) {
                rebuildBirths();
            }
        });
        rebuildBirths();

        form.heading("patient.section.running");
        TextField km = text("previousWeeklyRunKm", model.previousWeeklyRunKmProperty(), 10);
        var kmRange = PatientRules.PREVIOUS_WEEKLY_RUN_KM;
        km.setPromptText(kmRange.min().toPlainString() + "–" + kmRange.max().toPlainString());
        km.setPrefColumnCount(6);
        km.maxWidthProperty().bind(Em.px(120));
        Label kmUnit = new Label(Messages.get("patient.previousWeeklyRunKm.unit"));
        kmUnit.getStyleClass().add("form-help");
        HBox kmRow = new HBox(8, km, kmUnit);
        kmRow.setAlignment(Pos.CENTER_LEFT);
        form.add("patient.previousWeeklyRunKm", kmRow, km, "previousWeeklyRunKm");
        form.add("patient.goal", text("goal", model.goalProperty(), PatientRules.GOAL_MAX_LENGTH), "goal");
        TextArea notes = new TextArea();
        notes.setId("notes");
        notes.setWrapText(true);
        notes.setPrefRowCount(4);
        notes.textProperty().bindBidirectional(model.notesProperty());
        TextAreas.tabMovesFocus(notes);
        watchFocus(notes, "notes");
        form.add("patient.notes", notes, "notes");

        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(4, 12, 4, 4));
        scroll.getStyleClass().add("edge-to-edge");
        getDialogPane().setContent(scroll);
        getDialogPane().prefWidthProperty().bind(Em.px(720));
getDialogPane().prefHeightProperty().bind(Em.px(700));

        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            Optional<String> invalid = model.save(this::closeWith);
            invalid.ifPresent(this::focusField);
        });
        setOnCloseRequest(event -> {
            if (!saved && model.savingProperty().get()) {
                event.consume(); // a save is on its way: its outcome decides
                return;
            }
            if (!saved && model.isDirty()
                    && !dialogs.confirmDiscard("discard.patient")) {
                event.consume();
            }
        });
        setResultConverter(button -> null);
        setOnShown(e -> Platform.runLater(given::requestFocus));
    }

    /** Opens the dialog and hands the saved patient, if any, to {@code onSaved}. */
    public static void open(Window owner, Function<Dialogs, PatientFormViewModel> modelFor, Consumer<Patient> onSaved) {
        PatientDialog dialog = new PatientDialog(owner, modelFor);
        dialog.show();
        dialog.setOnHidden(e -> {
            if (dialog.saved && dialog.getResult() != null) {
                onSaved.accept(dialog.getResult());
            }
        });
    }

    private void closeWith(Patient patient) {
        saved = true;
        setResultConverter(button -> patient);
        setResult(patient);
        close();
    }

    private TextField text(String id, StringProperty property, int maxLength) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        field.setPrefColumnCount(Math.min(30, maxLength));
        watchFocus(field, id);
        return field;
    }

    private void watchFocus(TextInputControl field, String key) {
        field.focusedProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                model.touch(key);
            }
        });
    }

    private void rebuildBirths() {
        birthRows.getChildren().clear();
        for (int i = 0; i < model.births().size(); i++) {
            birthRows.getChildren().add(birthRow(model.births().get(i), i));
        }
    }

    private Node birthRow(BirthForm birth, int index) {
        String key = "births[" + index + "].date";
        TextField date = new TextField();
        date.setId("birthDate" + index);
        date.setPromptText(model.dateHint());
        date.setPrefColumnCount(10);
        date.textProperty().bindBidirectional(birth.dateProperty());
        date.setAccessibleText(Messages.get("patient.birth.date"));
        watchFocus(date, key);
        ComboBox<BirthMode> mode = EnumChoice.of(BirthMode.class);
        mode.setId("birthMode" + index);
        mode.valueProperty().bindBidirectional(birth.modeProperty());
        mode.setPromptText(Messages.get("patient.birth.mode"));
        mode.setAccessibleText(Messages.get("patient.birth.mode"));
        ComboBox<PerinealTrauma> trauma = EnumChoice.of(PerinealTrauma.class);
        trauma.setId("birthTrauma" + index);
        trauma.valueProperty().bindBidirectional(birth.traumaProperty());
        trauma.setAccessibleText(Messages.get("patient.birth.trauma"));
        Button remove = new Button(null, new FontIcon(Material2MZ.REMOVE_CIRCLE_OUTLINE));
        remove.getStyleClass().addAll("flat", "button-icon");
        remove.setAccessibleText(Messages.get("patient.birth.remove"));
        remove.setTooltip(new Tooltip(Messages.get("patient.birth.remove")));
        remove.setOnAction(e -> model.removeBirth(birth));
        HBox.setHgrow(mode, Priority.ALWAYS);
        HBox.setHgrow(trauma, Priority.ALWAYS);
        VBox labelledDate = labelled("patient.birth.date", date);
        VBox labelledMode = labelled("patient.birth.mode", mode);
        VBox labelledTrauma = labelled("patient.birth.trauma", trauma);
        HBox.setHgrow(labelledMode, Priority.ALWAYS);
        HBox.setHgrow(labelledTrauma, Priority.ALWAYS);
        HBox row = new HBox(8, labelledDate, labelledMode, labelledTrauma, remove);
        row.setAlignment(Pos.BOTTOM_LEFT);
        return new VBox(3, row, FormGrid.errorLabel(model.errors(), key, date));
    }

    private static VBox labelled(String key, Node control) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("form-caption");
        label.setLabelFor(control);
        return new VBox(2, label, control);
    }

    private void focusLastBirth() {
        int last = model.births().size() - 1;
        Node field = getDialogPane().lookup("#birthDate" + last);
        if (field != null) {
            field.requestFocus();
        }
    }

    private void focusField(String key) {
        String id = key.startsWith("births[") ? "birthDate" + key.substring(7, key.indexOf(']')) : key;
        Node field = getDialogPane().lookup("#" + id);
        if (field != null) {
            field.requestFocus();
        }
    }
}
