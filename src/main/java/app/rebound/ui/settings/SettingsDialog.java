package app.rebound.ui.settings;

import java.io.File;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BiConsumer;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.Appearance;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.DateStyle;
import app.rebound.domain.Messages;
import app.rebound.domain.PaperSize;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Em;

/**
 * Settings: what handouts and reports print about the clinic, on which paper, when the screen locks
 * and where automatic backups go. The clinician printed is the one signed in (her account's name).
 */
public final class SettingsDialog extends Dialog<ClinicSettings> {

    private final SettingsViewModel model;
    private boolean saved;

    /** Over {@code owner}; {@code modelFor} makes the view model, given this dialog's own {@link Dialogs}. */
    public SettingsDialog(Window owner, Function<Dialogs, SettingsViewModel> modelFor) {
        initOwner(owner);
        Dialogs dialogs = new FxDialogs(getDialogPane().getScene().getWindow());
        this.model = modelFor.apply(dialogs);
        setTitle(Messages.get("settings.title"));
        setHeaderText(null);
        getDialogPane().setId("settingsDialog");
        Theme.apply(getDialogPane());
        ButtonType save = new ButtonType(Messages.get("button.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setText(Messages.get("button.cancel"));
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("saveSettings");
        saveButton.disableProperty().bind(model.savingProperty());

        FormGrid form = new FormGrid(model.errors());
        TextField clinic = new TextField();
        clinic.setId("clinicName");
        clinic.textProperty().bindBidirectional(model.clinicNameProperty());
        form.add("settings.clinicName", clinic, "clinicName");
        Label printedAs = new Label(Messages.format("settings.printedAs.value", model.printedAs()));
        printedAs.setId("printedAs");
        printedAs.setWrapText(true);
        printedAs.setFocusTraversable(false);
        form.add("settings.printedAs", printedAs, "printedAs");

        ComboBox<PaperSize> paper = new ComboBox<>();
        paper.setId("paperSize");
        paper.getItems().setAll(PaperSize.values());
        paper.setCellFactory(list -> new PaperCell());
        paper.setButtonCell(new PaperCell());
        paper.valueProperty().bindBidirectional(model.paperSizeProperty());
        form.add("settings.paperSize", paper, "paperSize");

        ComboBox<DateStyle> dateStyle = new ComboBox<>();
        dateStyle.setId("dateStyle");
        dateStyle.getItems().setAll(DateStyle.values());
        dateStyle.setCellFactory(list -> new DateStyleCell());
        dateStyle.setButtonCell(new DateStyleCell());
        dateStyle.valueProperty().bindBidirectional(model.dateStyleProperty());
        form.add("settings.dateStyle", dateStyle, "dateStyle");

        ImageView preview = new ImageView();
        preview.setFitHeight(56);
        preview.setFitWidth(180);
        preview.setPreserveRatio(true);
        Label noLogo = new Label(Messages.get("settings.logo.none"));
        noLogo.getStyleClass().add("form-help");
        noLogo.visibleProperty().bind(model.logoProperty().isNull());
        noLogo.managedProperty().bind(noLogo.visibleProperty());
        preview.imageProperty().bind(model.previewProperty());
        Button choose = new Button(Messages.get("settings.logo.choose"), new FontIcon(Material2AL.IMAGE));
        choose.setId("chooseLogo");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("settings.logo.choose.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    Messages.get("settings.logo.filter"), "*.png", "*.jpg", "*.jpeg", "*.PNG", "*.JPG", "*.JPEG"));
            File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                model.chooseLogo(file.toPath());
            }
        });
        Button remove = new Button(Messages.get("settings.logo.remove"), new FontIcon(Material2MZ.REMOVE_CIRCLE_OUTLINE));
        remove.disableProperty().bind(model.logoProperty().isNull());
        remove.setOnAction(e -> model.removeLogo());
        preview.visibleProperty().bind(model.logoProperty().isNotNull());
        preview.managedProperty().bind(preview.visibleProperty());
        for (Control control : new Control[] {noLogo, choose, remove}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox logoRow = new HBox(10, preview, noLogo, choose, remove);
        logoRow.setAlignment(Pos.CENTER_LEFT);
        logoRow.setMaxWidth(Double.MAX_VALUE);
        form.add("settings.logo", logoRow, choose, "logo");

        TextField idle = new TextField();
        idle.setId("idleMinutes");
        idle.setPrefColumnCount(4);
        idle.setMaxWidth(Region.USE_PREF_SIZE);
        idle.textProperty().bindBidirectional(model.idleMinutesProperty());
        Label idleUnit = new Label(Messages.get("settings.idleMinutes.unit"));
        idleUnit.setMinWidth(Region.USE_PREF_SIZE);
        HBox idleRow = new HBox(8, idle, idleUnit);
        idleRow.setAlignment(Pos.CENTER_LEFT);
        form.add("settings.idleMinutes", idleRow, idle, "idleMinutes");

        TextField backups = new TextField();
        backups.setId("backupFolder");
        backups.textProperty().bindBidirectional(model.backupFolderProperty());
        HBox.setHgrow(backups, Priority.ALWAYS);
        Button chooseFolder = new Button(Messages.get("settings.backupFolder.choose"), new FontIcon(Material2AL.FOLDER_OPEN));
        chooseFolder.setId("chooseBackupFolder");
        chooseFolder.setMinWidth(Region.USE_PREF_SIZE);
        chooseFolder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Messages.get("settings.backupFolder.title"));
            String typed = model.backupFolderProperty().get().strip();
            if (!typed.isEmpty() && new File(typed).isDirectory()) {
                chooser.setInitialDirectory(new File(typed));
            }
            File folder = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (folder != null) {
                model.backupFolderProperty().set(folder.getAbsolutePath());
            }
        });
        HBox backupRow = new HBox(10, backups, chooseFolder);
        backupRow.setAlignment(Pos.CENTER_LEFT);
        backupRow.setMaxWidth(Double.MAX_VALUE);
        Label backupHelp = new Label(Messages.get("settings.backupFolder.help"));
        backupHelp.getStyleClass().add("form-help");
        backupHelp.setWrapText(true);
        form.add("settings.backupFolder", new VBox(3, backupRow, backupHelp), backups,
                "backupFolder");

        ComboBox<Appearance.Scheme> theme = new ComboBox<>();
        theme.setId("themeChoice");
        theme.getItems().setAll(Appearance.Scheme.values());
        theme.setCellFactory(list -> new SchemeCell());
        theme.setButtonCell(new SchemeCell());
        theme.valueProperty().bindBidirectional(model.schemeProperty());
        Label themeHelp = new Label(Messages.get("settings.theme.help"));
        themeHelp.getStyleClass().add("form-help");
        themeHelp.setWrapText(true);
        form.add("settings.theme", new VBox(3, theme, themeHelp), theme, "theme");

        form.setPadding(new Insets(8, 8, 8, 8));
        getDialogPane().setContent(form);
        getDialogPane().prefWidthProperty().bind(Em.px(620));

        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save(settings -> {
                saved = true;
                setResultConverter(b -> settings);
                setResult(settings);
                close();
            });
        });
        setOnCloseRequest(event -> {
            if (!saved && model.isDirty()
                    && !dialogs.confirmDiscard("discard.settings")) {
                event.consume();
            }
        });
        setResultConverter(b -> null);
        setOnShown(e -> Platform.runLater(clinic::requestFocus));
    }

    /** Opens the dialog; {@code onSaved} gets its view model and what was saved. */
    public static void open(Window owner, Function<Dialogs, SettingsViewModel> modelFor,
            BiConsumer<SettingsViewModel, ClinicSettings> onSaved) {
        SettingsDialog dialog = new SettingsDialog(owner, modelFor);
        dialog.setOnHidden(e -> {
            if (dialog.saved && dialog.getResult() != null) {
                onSaved.accept(dialog.model, dialog.getResult());
            }
        });
        dialog.show();
    }

    private static final class SchemeCell extends ListCell<Appearance.Scheme> {
        @Override
        protected void updateItem(Appearance.Scheme item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : Display.of(item));
        }
    }

    /** Each style shown as a date written in it, e.g. "26/10/2026". */
    private static final class DateStyleCell extends ListCell<DateStyle> {
        private static final LocalDate EXAMPLE = LocalDate.of(2026, 10, 26);

        @Override
        protected void updateItem(DateStyle item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : Messages.format("settings.dateStyle.example",
                    new DateInput(item, Clock.systemDefaultZone()).format(EXAMPLE), Display.of(item)));
        }
    }

    private static final class PaperCell extends ListCell<PaperSize> {
        @Override
        protected void updateItem(PaperSize item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : Display.of(item));
        }
    }
}
